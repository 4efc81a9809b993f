import { describe, expect, it } from "vitest";
import { createApp } from "./app.js";
import { authed, KEY, testApp } from "./test-helpers.js";

describe("GET /healthz", () => {
  it("answers ok with the version, without a key", async () => {
    const { app } = testApp({ version: "1.2.3" });
    const res = await app.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", version: "1.2.3" });
  });
});

describe("createApp", () => {
  it("refuses to build without keys", () => {
    expect(() => createApp({ log: () => {} })).toThrow(/no API keys/);
  });

  it("builds without keys when auth is off on purpose", async () => {
    const app = createApp({ insecureNoAuth: true, log: () => {} });
    expect((await app.request("/v1/rules")).status).toBe(200);
  });
});

describe("Bearer keys on /v1", () => {
  it("answers 401 problem with WWW-Authenticate when no key is sent", async () => {
    const { app } = testApp();
    const res = await app.request("/v1/rules");
    expect(res.status).toBe(401);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: "urn:shuangbao:problem:unauthorized",
      status: 401,
      instance: "/v1/rules",
    });
    expect(body.requestId).toBe(res.headers.get("X-Request-Id"));
  });

  it("answers 401 for a wrong key, and for a key that is a prefix of a right one", async () => {
    const { app } = testApp();
    for (const key of ["wrong", KEY.slice(0, -1), `${KEY}x`]) {
      const res = await app.request("/v1/rules", { headers: authed({}, key) });
      expect(res.status).toBe(401);
      expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    }
  });

  it("answers 401 for another scheme", async () => {
    const { app } = testApp();
    const res = await app.request("/v1/rules", { headers: { Authorization: `Basic ${KEY}` } });
    expect(res.status).toBe(401);
  });

  it("accepts a right key, with any case of the scheme", async () => {
    const { app } = testApp();
    expect((await app.request("/v1/rules", { headers: authed() })).status).toBe(200);
    const lower = await app.request("/v1/rules", { headers: { Authorization: `bearer ${KEY}` } });
    expect(lower.status).toBe(200);
  });

  it("checks the key before telling whether a route exists", async () => {
    const { app } = testApp();
    expect((await app.request("/v1/nothing")).status).toBe(401);
  });
});

describe("errors as problems", () => {
  it("answers 404 problem for an unknown route", async () => {
    const { app } = testApp();
    const res = await app.request("/v1/nothing", { headers: authed() });
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({
      type: "urn:shuangbao:problem:not-found",
      title: expect.stringContaining("Not found"),
      status: 404,
      detail: expect.stringContaining("/v1/nothing"),
      instance: "/v1/nothing",
      requestId: expect.any(String),
    });
    expect((await app.request("/elsewhere")).status).toBe(404);
  });

  it("answers 500 with a request id and no stack or message, and logs no data", async () => {
    const { app, lines } = testApp();
    app.get("/v1/boom", () => {
      throw new Error("secret 13912345678 at /home/x");
    });
    const res = await app.request("/v1/boom", { headers: authed() });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/secret|13912345678|at \//);
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body).toMatchObject({ type: "urn:shuangbao:problem:internal", status: 500 });
    expect(body.requestId).toBe(res.headers.get("X-Request-Id"));
    expect(lines.join("\n")).not.toMatch(/secret|13912345678/);
    expect(lines.some((l) => l.includes('"level":"error"'))).toBe(true);
  });
});

describe("request log", () => {
  it("writes one line per request: method, path, status, duration, id — no query or body", async () => {
    const { app, lines } = testApp();
    const res = await app.request("/v1/parameters?on=2015-01-01&secret=13912345678", {
      headers: authed(),
    });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({
      method: "GET",
      path: "/v1/parameters",
      status: 200,
      requestId: res.headers.get("X-Request-Id"),
    });
    expect(typeof line.ms).toBe("number");
    expect(lines[0]).not.toMatch(/secret|13912345678|2015-01-01/);
  });

  it("masks a number in the path", async () => {
    const { app, lines } = testApp();
    await app.request("/v1/people/13912345678", { headers: authed() });
    expect(lines[0]).toContain("139****5678");
    expect(lines[0]).not.toContain("13912345678");
  });
});

describe("secure headers and CORS", () => {
  it("sends secure headers and a strict CSP on API responses", async () => {
    const { app } = testApp();
    const res = await app.request("/healthz");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    expect(res.headers.get("X-Frame-Options")).toBeTruthy();
    const problem = await app.request("/v1/rules");
    expect(problem.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
  });

  it("sends no CORS headers unless origins are configured", async () => {
    const { app } = testApp();
    const res = await app.request("/healthz", { headers: { Origin: "https://a.example" } });
    expect(res.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("allows configured origins, answering preflights without a key", async () => {
    const { app } = testApp({ corsOrigins: ["https://a.example"] });
    const pre = await app.request("/v1/audit", {
      method: "OPTIONS",
      headers: {
        Origin: "https://a.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("Access-Control-Allow-Origin")).toBe("https://a.example");
    const other = await app.request("/healthz", { headers: { Origin: "https://b.example" } });
    expect(other.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });
});

describe("GET /readyz", () => {
  it("reports the queue and answers 200 while accepting", async () => {
    const { app } = testApp({ version: "1.2.3" });
    const res = await app.request("/readyz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: "ready",
      version: "1.2.3",
      queue: {
        size: 0,
        capacity: 64,
        running: 0,
        workers: 1,
        bodyBytes: { held: 0, limit: 512 * 1024 * 1024 },
      },
    });
  });
});

describe("405 for a wrong method", () => {
  it("answers 405 problem with Allow naming the methods the path takes", async () => {
    const { app } = testApp();
    const get = await app.request("/v1/audit", { headers: authed() });
    expect(get.status).toBe(405);
    expect(get.headers.get("Allow")).toBe("POST");
    expect(await get.json()).toMatchObject({ type: "urn:shuangbao:problem:method-not-allowed" });
    const post = await app.request("/v1/rules/village.has-unit", {
      method: "POST",
      headers: authed(),
    });
    expect(post.status).toBe(405);
    expect(post.headers.get("Allow")).toBe("GET, HEAD");
    const health = await app.request("/healthz", { method: "DELETE" });
    expect(health.status).toBe(405);
    expect(health.headers.get("Allow")).toBe("GET, HEAD");
    expect((await app.request("/v1/nothing", { method: "PUT", headers: authed() })).status).toBe(
      404,
    );
  });
});

describe("Cache-Control", () => {
  it("is no-store on every response that carries data, problems and probes included", async () => {
    const { app } = testApp();
    const responses = [
      await app.request("/healthz"),
      await app.request("/readyz"),
      await app.request("/v1/rules", { headers: authed() }),
      await app.request("/v1/parameters", { headers: authed() }),
      await app.request("/v1/rules"),
      await app.request("/v1/nothing", { headers: authed() }),
      await app.request("/openapi.json"),
    ];
    for (const res of responses) expect(res.headers.get("Cache-Control"), res.url).toBe("no-store");
  });
});

describe("X-Request-Id", () => {
  it("keeps a client's id of a safe shape and echoes it", async () => {
    const { app, lines } = testApp();
    const res = await app.request("/healthz", { headers: { "X-Request-Id": "abc.DEF_123-x" } });
    expect(res.headers.get("X-Request-Id")).toBe("abc.DEF_123-x");
    expect(lines[0]).toContain('"requestId":"abc.DEF_123-x"');
  });

  it("replaces an id of any other shape, and never logs it as sent", async () => {
    const { app, lines } = testApp();
    for (const sent of [
      "a b",
      "x".repeat(65),
      '"},{"level":"error',
      "id\u00e9",
      "a/b",
      "<script>",
    ]) {
      const res = await app.request("/v1/rules", { headers: { "X-Request-Id": sent } });
      const id = res.headers.get("X-Request-Id") ?? "";
      expect(id).not.toBe(sent);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(((await res.json()) as { requestId: string }).requestId).toBe(id);
    }
    const log = lines.join("\n");
    expect(log).not.toContain("a b");
    expect(log).not.toContain("x".repeat(65));
    expect(log).not.toContain("<script>");
    expect(lines.every((l) => JSON.parse(l).level === "info")).toBe(true);
  });

  it("masks a personal number sent as a request id in the log", async () => {
    const { app, lines } = testApp();
    await app.request("/healthz", { headers: { "X-Request-Id": "13912345678" } });
    expect(lines[0]).not.toContain("13912345678");
  });
});
