import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { cors } from "hono/cors";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./app-env.js";
import { bearerAuth, KeyRing } from "./auth.js";
import { drainUnread } from "./body.js";
import type { DocsAssets } from "./docs-assets.js";
import { inlineRunner, JobQueue } from "./jobs/queue.js";
import { DEFAULT_LIMITS, type Limits } from "./limits.js";
import { errorToProblem, ProblemError, problem } from "./problem.js";
import { requestIdMiddleware } from "./request-id.js";
import { requestLog } from "./request-log.js";
import { registerAudit } from "./routes/audit.js";
import { DOCS_CSP, registerDocs } from "./routes/docs.js";
import { registerForms } from "./routes/forms.js";
import { registerHealth } from "./routes/health.js";
import { PAGE_CSP, registerPage } from "./routes/page.js";
import { registerParameters } from "./routes/parameters.js";
import { registerPlan } from "./routes/plan.js";
import { registerRules } from "./routes/rules.js";
import { DatasetSchema } from "./schemas.js";
import { shanghaiDate } from "./today.js";

/** Options for building the app; the server reads them from the environment. */
export interface AppOptions {
  /** Shown by /healthz and the OpenAPI document. */
  version?: string;
  /** Bearer keys accepted on every `/v1` route. Required unless `insecureNoAuth`. */
  apiKeys?: readonly string[];
  /** Keys that may also ask for `unmask=true` (each is accepted as an API key too). */
  unmaskKeys?: readonly string[];
  /** Serve `/v1` without keys. Never on a network that reaches personal data. */
  insecureNoAuth?: boolean;
  /** Limits (`limits.ts`); each missing one has its default. */
  limits?: Partial<Limits>;
  /**
   * The queue that runs audits, plans and forms. The server passes one over a pool of worker
   * threads; by default jobs run in-process (tests, runtimes without worker threads).
   */
  jobs?: JobQueue;
  /**
   * Mask personal names too (people's, household heads': 张三 → 张*) in every response, as ID and
   * phone numbers always are; `unmask=true` with an unmask key lifts it. Default false.
   */
  maskNames?: boolean;
  /** Origins allowed by CORS; CORS is off when absent or empty. */
  corsOrigins?: readonly string[];
  /** Where the per-request log lines go (default `console.log`). */
  log?: (line: string) => void;
  /** The clock, for the default `asOf` (today in Asia/Shanghai). */
  now?: () => Date;
  /** The docs' static files (`swaggerUiAssets()` on Node); without them /docs is not served. */
  docsAssets?: DocsAssets;
  /** The browser audit page (apps/web's `index.html`), served at `/`; without it `/` is a 404. */
  webPage?: Uint8Array;
}

/** The default body limit: 50 MiB. */
export const DEFAULT_BODY_LIMIT = DEFAULT_LIMITS.bodyBytes;

const API_CSP = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

/** The CSP of an HTML audit report (`Accept: text/html` on `POST /v1/audit`). */
const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A route path of Hono (`/v1/rules/:id`) as a regular expression. */
const pathPattern = (path: string) =>
  new RegExp(
    `^${path
      .split("/")
      .map((part) =>
        part.startsWith(":")
          ? "[^/]+"
          : part === "*"
            ? ".*"
            : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
      )
      .join("/")}$`,
  );

/**
 * Builds the Hono app without listening, so it also runs on Bun, Deno or a worker. Throws when
 * given no keys without `insecureNoAuth`: the API is safe by default.
 * @example const res = await createApp({ apiKeys: ["k"] }).request("/healthz")
 */
export function createApp(options: AppOptions = {}): OpenAPIHono<AppEnv> {
  const version = options.version ?? "0.0.0";
  const log = options.log ?? ((line: string) => console.log(line));
  const unmaskKeys = new KeyRing(options.unmaskKeys ?? []);
  const keys = new KeyRing([...(options.apiKeys ?? []), ...(options.unmaskKeys ?? [])]);
  if (keys.size === 0 && !options.insecureNoAuth) {
    throw new Error("createApp: no API keys given; pass apiKeys, or insecureNoAuth: true");
  }
  const now = options.now ?? (() => new Date());
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const queue = options.jobs ?? new JobQueue(inlineRunner(), limits);
  const deps = {
    version,
    maskNames: options.maskNames ?? false,
    today: () => shanghaiDate(now()),
    limits,
    queue,
    log,
  };

  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const issue = result.error.issues[0];
      const where = result.target === "param" ? "path" : result.target;
      const key = issue?.path.map(String).join(".") ?? "";
      throw new ProblemError(
        "invalid-request",
        `${key ? `${key}: ` : ""}${issue?.message ?? "invalid"}`,
        key ? `${where}.${key}` : where,
      );
    },
  });

  app.use(requestIdMiddleware());
  app.use(requestLog(log));
  // A refusal answered before the body was read waits for the client to finish sending (bounded).
  app.use(async (c, next) => {
    await next();
    if (c.res.status >= 400) await drainUnread(c);
  });
  app.use(async (c, next) => {
    await next();
    // Every answer that may carry data is not to be stored; the docs' files say otherwise.
    if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", "no-store");
    // While the server stops, every answer closes its connection.
    if (queue.draining) c.res.headers.set("Connection", "close");
    // An HTML audit report is read in a browser: its inline styles and SVG charts may show,
    // nothing else (it has no script and makes no request).
    if (c.req.path === "/v1/audit" && c.res.headers.get("Content-Type")?.startsWith("text/html")) {
      c.res.headers.set("Content-Security-Policy", REPORT_CSP);
    }
  });
  const apiHeaders = secureHeaders({ contentSecurityPolicy: API_CSP });
  const docsHeaders = secureHeaders({ contentSecurityPolicy: DOCS_CSP });
  const pageHeaders = secureHeaders({ contentSecurityPolicy: PAGE_CSP });
  app.use((c, next) =>
    c.req.path === "/docs" || c.req.path.startsWith("/docs/")
      ? docsHeaders(c, next)
      : c.req.path === "/" && options.webPage
        ? pageHeaders(c, next)
        : apiHeaders(c, next),
  );
  if (options.corsOrigins && options.corsOrigins.length > 0) {
    app.use(
      cors({
        origin: [...options.corsOrigins],
        allowMethods: ["GET", "POST", "OPTIONS"],
        allowHeaders: ["Authorization", "Content-Type", "Accept", "X-Request-Id"],
        exposeHeaders: [
          "X-Request-Id",
          "Content-Disposition",
          "Retry-After",
          "X-Findings-Truncated",
          "X-Plan-Audit",
        ],
        maxAge: 600,
      }),
    );
  }
  app.use("/v1/*", bearerAuth(options.insecureNoAuth ? undefined : keys, unmaskKeys));

  app.openAPIRegistry.registerComponent("securitySchemes", "Bearer", {
    type: "http",
    scheme: "bearer",
    description: "A key of SHUANGBAO_API_KEYS (or SHUANGBAO_UNMASK_KEYS).",
  });
  app.openAPIRegistry.register("Dataset", DatasetSchema);
  registerHealth(app, version, queue);
  registerAudit(app, deps);
  registerRules(app);
  registerParameters(app, deps);
  registerForms(app, deps);
  registerPlan(app, deps);
  registerDocs(app, version, options.docsAssets);
  if (options.webPage) registerPage(app, options.webPage);

  // The methods each route path allows, for 405 answers.
  const allowed = (path: string): string[] => {
    const methods = new Set<string>();
    for (const route of app.routes) {
      if (route.method === "ALL" || !pathPattern(route.path).test(path)) continue;
      methods.add(route.method);
      if (route.method === "GET") methods.add("HEAD");
    }
    return [...methods].sort();
  };
  app.notFound((c: Context) => {
    const allow = allowed(c.req.path);
    if (allow.length > 0) {
      return problem(
        c,
        "method-not-allowed",
        `${c.req.method} 不适用于此路径 · ${c.req.method} is not allowed here; use ${allow.join(", ")}`,
        "method",
        { allow: allow.join(", ") },
      );
    }
    return problem(c, "not-found", `没有此路径 · no route ${c.req.method} ${c.req.path}`);
  });
  app.onError((error, c) => errorToProblem(error, c, log));
  return app;
}
