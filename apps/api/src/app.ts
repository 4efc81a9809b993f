import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./app-env.js";
import { bearerAuth, KeyRing } from "./auth.js";
import type { DocsAssets } from "./docs-assets.js";
import { errorToProblem, ProblemError, problem } from "./problem.js";
import { requestLog } from "./request-log.js";
import { registerAudit } from "./routes/audit.js";
import { DOCS_CSP, registerDocs } from "./routes/docs.js";
import { registerForms } from "./routes/forms.js";
import { registerHealth } from "./routes/health.js";
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
  /** Largest request body in bytes (default 50 MiB); larger ones get 413. */
  bodyLimitBytes?: number;
  /** Origins allowed by CORS; CORS is off when absent or empty. */
  corsOrigins?: readonly string[];
  /** Where the per-request log lines go (default `console.log`). */
  log?: (line: string) => void;
  /** The clock, for the default `asOf` (today in Asia/Shanghai). */
  now?: () => Date;
  /** The docs' static files (`swaggerUiAssets()` on Node); without them /docs is not served. */
  docsAssets?: DocsAssets;
}

/** The default body limit: 50 MiB. */
export const DEFAULT_BODY_LIMIT = 50 * 1024 * 1024;

const API_CSP = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

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
  const deps = { today: () => shanghaiDate(now()) };

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

  app.use(requestId({ limitLength: 64 }));
  app.use(requestLog(log));
  const apiHeaders = secureHeaders({ contentSecurityPolicy: API_CSP });
  const docsHeaders = secureHeaders({ contentSecurityPolicy: DOCS_CSP });
  app.use((c, next) =>
    c.req.path === "/docs" || c.req.path.startsWith("/docs/")
      ? docsHeaders(c, next)
      : apiHeaders(c, next),
  );
  if (options.corsOrigins && options.corsOrigins.length > 0) {
    app.use(
      cors({
        origin: [...options.corsOrigins],
        allowMethods: ["GET", "POST", "OPTIONS"],
        allowHeaders: ["Authorization", "Content-Type", "Accept"],
        exposeHeaders: ["X-Request-Id", "Content-Disposition"],
        maxAge: 600,
      }),
    );
  }
  app.use("/v1/*", bearerAuth(options.insecureNoAuth ? undefined : keys, unmaskKeys));
  const limit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  app.use(
    "/v1/*",
    bodyLimit({
      maxSize: limit,
      onError: (c) =>
        problem(
          c,
          "too-large",
          `请求体超过 ${limit} 字节 · the body is larger than the limit of ${limit} bytes`,
          "body",
        ),
    }),
  );

  app.openAPIRegistry.registerComponent("securitySchemes", "Bearer", {
    type: "http",
    scheme: "bearer",
    description: "A key of SHUANGBAO_API_KEYS (or SHUANGBAO_UNMASK_KEYS).",
  });
  app.openAPIRegistry.register("Dataset", DatasetSchema);
  registerHealth(app, version);
  registerAudit(app, deps);
  registerRules(app);
  registerParameters(app, deps);
  registerForms(app, deps);
  registerPlan(app, deps);
  registerDocs(app, version, options.docsAssets);

  app.notFound((c) =>
    problem(c, "not-found", `没有此路径 · no route ${c.req.method} ${c.req.path}`),
  );
  app.onError((error, c) => errorToProblem(error, c, log));
  return app;
}
