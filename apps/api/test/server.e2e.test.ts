import { spawn } from "node:child_process";
import { once } from "node:events";
import { compliantCounty, FIXTURE_AS_OF } from "@shuangbao/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEY, type RunningServer, serverJs, startServer } from "./server-process.js";

const start = (env: Record<string, string>, args: string[] = []) => startServer(env, args);

describe("the built server", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await start({ SHUANGBAO_API_KEYS: KEY });
  });
  afterAll(() => {
    if (server.child.exitCode === null) server.child.kill("SIGTERM");
  });

  it("answers /healthz over real HTTP", async () => {
    const res = await fetch(`${server.base}/healthz`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe("ok");
  });

  it("audits a dataset over real HTTP with the key", async () => {
    const res = await fetch(`${server.base}/v1/audit?asOf=${FIXTURE_AS_OF}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${KEY}`, "Content-Type": "application/json" },
      body: JSON.stringify(compliantCounty()),
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as { asOf: string; summary: { error: number } };
    expect(report.asOf).toBe(FIXTURE_AS_OF);
    expect(report.summary.error).toBe(0);
  });

  it("answers 401 without the key", async () => {
    const res = await fetch(`${server.base}/v1/rules`);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("serves the docs and their assets from the installed package", async () => {
    const page = await fetch(`${server.base}/docs`);
    expect(page.status).toBe(200);
    const bundle = await fetch(`${server.base}/docs/assets/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
  });

  it("logs one line per request without query strings or bodies", () => {
    const lines = server.stdout().trim().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(server.stdout()).not.toContain(FIXTURE_AS_OF);
    expect(server.stdout()).not.toContain("Bearer");
  });

  it("stops on SIGTERM", async () => {
    server.child.kill("SIGTERM");
    const [code] = await once(server.child, "exit");
    expect(code).toBe(0);
  });
});

describe("starting the built server", () => {
  it("refuses to start without keys", async () => {
    const child = spawn(process.execPath, [serverJs], {
      env: { ...process.env, SHUANGBAO_API_KEYS: "", SHUANGBAO_UNMASK_KEYS: "", PORT: "0" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const [code] = await once(child, "exit");
    expect(code).toBe(2);
    expect(stderr).toContain("SHUANGBAO_API_KEYS");
  });

  it("starts without keys only with --insecure-no-auth, and says so on stderr", async () => {
    const server = await start({ SHUANGBAO_API_KEYS: "", SHUANGBAO_BODY_LIMIT_MB: "0.001" }, [
      "--insecure-no-auth",
    ]);
    try {
      expect(server.stderr()).toContain("AUTHENTICATION IS OFF");
      expect((await fetch(`${server.base}/v1/rules`)).status).toBe(200);
      const big = await fetch(`${server.base}/v1/audit`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(compliantCounty()),
      });
      expect(big.status).toBe(413);
    } finally {
      server.child.kill("SIGTERM");
      await once(server.child, "exit");
    }
  });
});
