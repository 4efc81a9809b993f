import { describe, expect, it } from "vitest";
import { authed, compliantCounty, FIXTURE_AS_OF, postJson, testApp } from "../test-helpers.js";

const url = `/v1/audit?asOf=${FIXTURE_AS_OF}`;

describe("Accept: text/html on POST /v1/audit", () => {
  it("answers the report as one page, with a CSP that lets only its styles and images show", async () => {
    const { app } = testApp({ version: "9.9.9" });
    const d = compliantCounty();
    delete (d.units[0] as { deputyId?: string }).deputyId;
    const res = await app.request(url, postJson(d, { Accept: "text/html" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/html; charset=UTF-8");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const csp = res.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'unsafe-inline'");
    expect(csp).not.toContain("script-src");
    const html = await res.text();
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("“单位包村、干部包户”定点帮扶工作核查报告");
    expect(html).toContain("核查基准日");
    expect(html).toContain("9.9.9");
    expect(html).not.toContain("<script");
    const en = await app.request(`${url}&lang=en`, postJson(d, { Accept: "text/html" }));
    expect(await en.text()).toContain("inspection report");
  });

  it("is the audit's alone: plan and forms answer JSON to Accept: text/html", async () => {
    const { app } = testApp();
    const plan = await app.request(`/v1/plan?asOf=${FIXTURE_AS_OF}`, {
      ...postJson(compliantCounty(), { Accept: "text/html" }),
    });
    expect(plan.headers.get("Content-Type")).toMatch(/^application\/json/);
  });
});

describe("GET / — the browser audit page", () => {
  const page = new TextEncoder().encode("<!doctype html><title>双包核查</title>");

  it("serves the page it is given, with a CSP under which no request can leave it", async () => {
    const { app } = testApp({ webPage: page });
    const res = await app.request("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/html; charset=UTF-8");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(page);
    const csp = res.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("worker-src blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    // It needs no key: the page holds no data and calls no route.
    expect((await app.request("/", { headers: authed() })).status).toBe(200);
  });

  it("is a 404 problem when no page was built", async () => {
    const { app } = testApp();
    const res = await app.request("/");
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  });
});
