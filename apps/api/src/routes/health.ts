import { createRoute, z } from "@hono/zod-openapi";
import type { Api } from "../app-env.js";

const route = createRoute({
  method: "get",
  path: "/healthz",
  tags: ["service"],
  summary: "健康检查 · Liveness",
  responses: {
    200: {
      description: "The service is up.",
      content: {
        "application/json": {
          schema: z.object({ status: z.literal("ok"), version: z.string() }).openapi("Health"),
        },
      },
    },
  },
});

/** `GET /healthz`: `{ status: "ok", version }`, without a key. */
export function registerHealth(app: Api, version: string): void {
  app.openapi(route, (c) => c.json({ status: "ok" as const, version }, 200));
}
