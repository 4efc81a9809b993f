import { describe, expect, it } from "vitest";
import { swaggerUiAssets } from "../docs-assets.js";
import { testApp } from "../test-helpers.js";

interface OpenApiDoc {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, { security?: unknown[]; responses: object }>>;
  components: { securitySchemes: object; schemas: Record<string, unknown> };
}

describe("GET /openapi.json", () => {
  it("is an OpenAPI 3.1 document listing every route, /v1 ones behind Bearer", async () => {
    const { app } = testApp({ version: "9.9.9" });
    const res = await app.request("/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as OpenApiDoc;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.version).toBe("9.9.9");
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        "GET /healthz",
        "GET /readyz",
        "GET /v1/parameters",
        "GET /v1/rules",
        "GET /v1/rules/{id}",
        "POST /v1/audit",
        "POST /v1/forms/{form}",
        "POST /v1/plan",
      ].sort(),
    );
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const op of Object.values(ops)) {
        if (path.startsWith("/v1")) {
          expect(op.security).toEqual([{ Bearer: [] }]);
          expect(op.responses).toHaveProperty("401");
        }
      }
    }
    expect(doc.components.securitySchemes).toHaveProperty("Bearer");
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["AuditReport", "Dataset", "Problem", "Rule", "Table", "Finding"]),
    );
  });

  it("documents the dataset body types and the table formats of the audit", async () => {
    const { app } = testApp();
    const doc = (await (await app.request("/openapi.json")).json()) as {
      paths: Record<
        string,
        Record<string, Record<string, Record<string, Record<string, unknown>>>>
      >;
    };
    const post = doc.paths["/v1/audit"]!.post!;
    expect(Object.keys(post.requestBody!.content!)).toEqual([
      "application/json",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/zip",
      "application/x-zip-compressed",
      "multipart/form-data",
    ]);
    expect(Object.keys(post.responses!)).toEqual(
      expect.arrayContaining(["400", "413", "415", "503", "504"]),
    );
    expect(Object.keys(post.responses!["200"]!.content as object)).toContain("text/csv");
  });
});

describe("GET /docs", () => {
  it("serves the interactive docs from the installed package, with its own CSP", async () => {
    const { app } = testApp({ docsAssets: swaggerUiAssets() });
    const page = await app.request("/docs");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("/docs/assets/swagger-ui-bundle.js");
    expect(html).not.toMatch(/https?:\/\//);
    const csp = page.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-eval");
    for (const file of ["swagger-ui-bundle.js", "swagger-ui.css", "init.js", "favicon-32x32.png"]) {
      const res = await app.request(`/docs/assets/${file}`);
      expect(res.status, file).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
    const init = await (await app.request("/docs/assets/init.js")).text();
    expect(init).toContain('"/openapi.json"');
  });

  it("serves no other file of the package, and nothing outside it", async () => {
    const { app } = testApp({ docsAssets: swaggerUiAssets() });
    for (const file of ["package.json", "..%2Fpackage.json", "index.js"]) {
      expect((await app.request(`/docs/assets/${file}`)).status).toBe(404);
    }
  });

  it("is not served without assets", async () => {
    const { app } = testApp();
    expect((await app.request("/docs")).status).toBe(404);
  });
});
