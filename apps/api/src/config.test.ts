import { describe, expect, it } from "vitest";
import { ServerConfigError, serverConfig } from "./config.js";

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
        bodyLimitBytes: 50 * 1024 * 1024,
      },
      warnings: [],
    });
  });

  it("reads every variable", () => {
    const config = serverConfig(
      {
        ...KEYS,
        SHUANGBAO_UNMASK_KEYS: "unmask-0123456789abc",
        SHUANGBAO_BODY_LIMIT_MB: "1.5",
        SHUANGBAO_CORS_ORIGINS: "https://a.example,https://b.example",
        HOST: "0.0.0.0",
        PORT: "9000",
      },
      [],
    );
    expect(config.host).toBe("0.0.0.0");
    expect(config.port).toBe(9000);
    expect(config.app.unmaskKeys).toEqual(["unmask-0123456789abc"]);
    expect(config.app.bodyLimitBytes).toBe(1572864);
    expect(config.app.corsOrigins).toEqual(["https://a.example", "https://b.example"]);
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

  it("refuses a bad body limit, port or argument", () => {
    for (const mb of ["0", "-1", "ten", "1e3"]) {
      expect(() => serverConfig({ ...KEYS, SHUANGBAO_BODY_LIMIT_MB: mb }, [])).toThrow(
        /SHUANGBAO_BODY_LIMIT_MB/,
      );
    }
    expect(() => serverConfig({ ...KEYS, PORT: "70000" }, [])).toThrow(/PORT/);
    expect(() => serverConfig({ ...KEYS, PORT: "http" }, [])).toThrow(/PORT/);
    expect(() => serverConfig(KEYS, ["--no-auth"])).toThrow(/--no-auth/);
  });
});
