import { describe, expect, it } from "vitest";
import { DEFAULT_TIMEOUTS, ServerConfigError, serverConfig } from "./config.js";
import { DEFAULT_LIMITS } from "./limits.js";

const KEYS = { SHUANGBAO_API_KEYS: "key-one-0123456789, key-two-0123456789 ," };

describe("serverConfig", () => {
  it("reads keys, limits and the address with their defaults", () => {
    const config = serverConfig(KEYS, []);
    expect(config).toEqual({
      host: "127.0.0.1",
      port: 8787,
      app: {
        apiKeys: ["key-one-0123456789", "key-two-0123456789"],
        unmaskKeys: [],
        insecureNoAuth: false,
        limits: DEFAULT_LIMITS,
        maskNames: false,
      },
      server: DEFAULT_TIMEOUTS,
      warnings: [],
    });
    expect(config.app.limits.bodyBytes).toBe(50 * 1024 * 1024);
  });

  it("reads every variable", () => {
    const config = serverConfig(
      {
        ...KEYS,
        SHUANGBAO_UNMASK_KEYS: "unmask-0123456789abc",
        SHUANGBAO_BODY_LIMIT_MB: "1.5",
        SHUANGBAO_INFLATED_LIMIT_MB: "10",
        SHUANGBAO_MAX_JSON_DEPTH: "8",
        SHUANGBAO_MAX_ROWS: "1000",
        SHUANGBAO_MAX_CELLS: "40000",
        SHUANGBAO_MAX_FINDINGS_PER_COLUMN: "30",
        SHUANGBAO_MAX_FINDINGS: "50",
        SHUANGBAO_RESPONSE_LIMIT_MB: "2",
        SHUANGBAO_INFLIGHT_LIMIT_MB: "100",
        SHUANGBAO_WORKERS: "3",
        SHUANGBAO_QUEUE: "0",
        SHUANGBAO_JOB_TIMEOUT_S: "2.5",
        SHUANGBAO_WORKER_HEAP_MB: "512",
        SHUANGBAO_WORKER_NICE: "0",
        SHUANGBAO_KEEPALIVE_TIMEOUT_S: "30",
        SHUANGBAO_REQUEST_TIMEOUT_S: "40",
        SHUANGBAO_SHUTDOWN_TIMEOUT_S: "5",
        SHUANGBAO_CORS_ORIGINS: "https://a.example,https://b.example",
        HOST: "0.0.0.0",
        PORT: "9000",
      },
      [],
    );
    expect(config.host).toBe("0.0.0.0");
    expect(config.port).toBe(9000);
    expect(config.app.unmaskKeys).toEqual(["unmask-0123456789abc"]);
    expect(config.app.limits).toEqual({
      bodyBytes: 1572864,
      inflatedBytes: 10 * 1024 * 1024,
      jsonDepth: 8,
      rows: 1000,
      cells: 40_000,
      findingsPerColumn: 30,
      findings: 50,
      responseBytes: 2 * 1024 * 1024,
      inflightBytes: 100 * 1024 * 1024,
      workers: 3,
      queue: 0,
      jobTimeoutMs: 2500,
      workerHeapMiB: 512,
      workerNice: 0,
    });
    expect(config.server).toEqual({
      keepAliveTimeoutMs: 30_000,
      headersTimeoutMs: 31_000,
      requestTimeoutMs: 40_000,
      shutdownTimeoutMs: 5000,
    });
    expect(config.app.corsOrigins).toEqual(["https://a.example", "https://b.example"]);
  });

  it("keeps headers waiting longer than idle sockets, and both above clients' idle time", () => {
    const { server } = serverConfig(KEYS, []);
    expect(server.headersTimeoutMs).toBeGreaterThan(server.keepAliveTimeoutMs);
    expect(server.keepAliveTimeoutMs).toBeGreaterThan(60_000);
    expect(server.requestTimeoutMs).toBeGreaterThanOrEqual(server.headersTimeoutMs);
  });

  it("refuses to start without keys", () => {
    expect(() => serverConfig({}, [])).toThrow(ServerConfigError);
    expect(() => serverConfig({ SHUANGBAO_API_KEYS: " , " }, [])).toThrow(/SHUANGBAO_API_KEYS/);
  });

  it("starts without keys with --insecure-no-auth, and says so loudly", () => {
    const config = serverConfig({}, ["--insecure-no-auth"]);
    expect(config.app.insecureNoAuth).toBe(true);
    expect(config.warnings.join("\n")).toMatch(/AUTHENTICATION IS OFF/);
  });

  it("warns of short keys", () => {
    expect(serverConfig({ SHUANGBAO_API_KEYS: "short" }, []).warnings).toHaveLength(1);
  });

  it("refuses a bad limit, timeout, port or argument, naming the variable", () => {
    for (const mb of ["0", "-1", "ten", "1e3"]) {
      expect(() => serverConfig({ ...KEYS, SHUANGBAO_BODY_LIMIT_MB: mb }, [])).toThrow(
        /SHUANGBAO_BODY_LIMIT_MB/,
      );
    }
    for (const [name, value] of [
      ["SHUANGBAO_WORKERS", "0"],
      ["SHUANGBAO_QUEUE", "-1"],
      ["SHUANGBAO_MAX_FINDINGS", "1.5"],
      ["SHUANGBAO_MAX_JSON_DEPTH", "1"],
      ["SHUANGBAO_JOB_TIMEOUT_S", "soon"],
      ["SHUANGBAO_SHUTDOWN_TIMEOUT_S", "0"],
      ["SHUANGBAO_WORKER_NICE", "20"],
      // The read limits are io's (the CLI's checks): a refusal all the same.
      ["SHUANGBAO_MAX_ROWS", "0"],
      ["SHUANGBAO_MAX_CELLS", "many"],
      ["SHUANGBAO_INFLATED_LIMIT_MB", "-5"],
    ] as const) {
      expect(() => serverConfig({ ...KEYS, [name]: value }, [])).toThrow(name);
      expect(() => serverConfig({ ...KEYS, [name]: value }, [])).toThrow(ServerConfigError);
    }
    expect(() =>
      serverConfig(
        { ...KEYS, SHUANGBAO_KEEPALIVE_TIMEOUT_S: "100", SHUANGBAO_REQUEST_TIMEOUT_S: "50" },
        [],
      ),
    ).toThrow(/SHUANGBAO_REQUEST_TIMEOUT_S/);
    expect(() => serverConfig({ ...KEYS, PORT: "70000" }, [])).toThrow(/PORT/);
    expect(() => serverConfig({ ...KEYS, PORT: "http" }, [])).toThrow(/PORT/);
    expect(() => serverConfig(KEYS, ["--no-auth"])).toThrow(/--no-auth/);
  });
});
