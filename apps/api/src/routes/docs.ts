import type { Context } from "hono";
import type { Api } from "../app-env.js";
import type { DocsAssets } from "../docs-assets.js";
import { ProblemError } from "../problem.js";

/** The OpenAPI document's fixed part. */
export const OPENAPI_INFO = {
  openapi: "3.1.0",
  info: {
    title: "双包核查 API · shuangbao API",
    description:
      "安徽省“单位包村、干部包户”(2014) 政策规则核查 · Audits data against Anhui's 2014 “双包” " +
      "policy. Every /v1 route needs `Authorization: Bearer <key>`. Resident ID and mobile " +
      "numbers are masked in responses unless `unmask=true` is sent with an unmask key.",
  },
} as const;

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>双包核查 API · shuangbao API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
<link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/init.js"></script>
</body>
</html>
`;

// A file, not an inline script, so the docs' CSP needs no 'unsafe-inline' for scripts.
const INIT = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
`;

const TYPES: Record<string, string> = {
  css: "text/css; charset=UTF-8",
  js: "text/javascript; charset=UTF-8",
  png: "image/png",
};

/** The content security policy of /docs: its own scripts, styles (inline too) and images. */
export const DOCS_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

/** `GET /openapi.json` (OpenAPI 3.1) and, with `assets`, `GET /docs` and its files. */
export function registerDocs(app: Api, version: string, assets: DocsAssets | undefined): void {
  app.doc31("/openapi.json", { ...OPENAPI_INFO, info: { ...OPENAPI_INFO.info, version } });
  if (!assets) return;
  app.get("/docs", (c) => c.html(PAGE));
  app.get("/docs/assets/:file", async (c: Context) => {
    const file = c.req.param("file") ?? "";
    const cache = { "Cache-Control": "public, max-age=86400" };
    if (file === "init.js") return c.body(INIT, 200, { ...cache, "Content-Type": TYPES.js! });
    const bytes = await assets(file);
    if (!bytes) throw new ProblemError("not-found", `没有此文件 · no file “${file}”`, "path.file");
    const type = TYPES[file.slice(file.lastIndexOf(".") + 1)] ?? "application/octet-stream";
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { ...cache, "Content-Type": type });
  });
}
