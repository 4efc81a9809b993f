import { Hono } from "hono";

/** Options for building the app; the server reads them from the environment. */
export interface AppOptions {
  /** Shown by /healthz. */
  version?: string;
}

/**
 * Builds the Hono app without listening, so it also runs on Bun, Deno or a worker.
 * @example const res = await createApp().request("/healthz")
 */
export function createApp(options: AppOptions = {}): Hono {
  const app = new Hono();
  app.get("/healthz", (c) => c.json({ status: "ok", version: options.version ?? "0.0.0" }));
  return app;
}
