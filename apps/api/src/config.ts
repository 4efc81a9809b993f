/**
 * The server's configuration from its environment and arguments — the only place that reads
 * them; `createApp` gets everything injected. Refuses (throws `ServerConfigError`) rather than
 * guessing: no keys without `--insecure-no-auth`, a body limit or port that is not a number.
 */
import type { AppOptions } from "./app.js";

/** A configuration the server refuses to start with. */
export class ServerConfigError extends Error {
  override name = "ServerConfigError";
}

/** What the server listens on and the app's options. */
export interface ServerConfig {
  host: string;
  port: number;
  app: Omit<AppOptions, "log" | "docsAssets" | "version">;
  /** Loud warnings for stderr (auth off, short keys). */
  warnings: string[];
}

const list = (text: string | undefined) =>
  (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** The usage text of `node dist/server.js --help`. */
export const USAGE = `shuangbao api — the HTTP API (Hono on Node)

Usage: node apps/api/dist/server.js [--insecure-no-auth]

Environment:
  SHUANGBAO_API_KEYS       comma-separated Bearer keys for /v1 (required)
  SHUANGBAO_UNMASK_KEYS    comma-separated keys that may also send unmask=true
  SHUANGBAO_BODY_LIMIT_MB  largest request body in MiB (default 50)
  SHUANGBAO_CORS_ORIGINS   comma-separated origins allowed by CORS (default: CORS off)
  HOST                     address to listen on (default 127.0.0.1)
  PORT                     port (default 8787)
`;

/**
 * Reads the server's configuration.
 * @example serverConfig({ SHUANGBAO_API_KEYS: "k1,k2" }, []).app.apiKeys // ["k1", "k2"]
 */
export function serverConfig(
  env: Readonly<Record<string, string | undefined>>,
  argv: readonly string[],
): ServerConfig {
  const insecureNoAuth = argv.includes("--insecure-no-auth");
  const unknown = argv.filter((a) => a !== "--insecure-no-auth");
  if (unknown.length > 0) {
    throw new ServerConfigError(`未知参数 · unknown argument “${unknown[0]}”\n\n${USAGE}`);
  }
  const apiKeys = list(env.SHUANGBAO_API_KEYS);
  const unmaskKeys = list(env.SHUANGBAO_UNMASK_KEYS);
  const warnings: string[] = [];
  if (apiKeys.length + unmaskKeys.length === 0 && !insecureNoAuth) {
    throw new ServerConfigError(
      "拒绝启动:未设置 SHUANGBAO_API_KEYS · refusing to start without SHUANGBAO_API_KEYS " +
        "(comma-separated Bearer keys). For a throwaway local run only: --insecure-no-auth",
    );
  }
  if (insecureNoAuth) {
    warnings.push(
      "警告 WARNING: 身份验证已关闭 AUTHENTICATION IS OFF (--insecure-no-auth).\n" +
        "  任何能访问此端口的人都可以提交并读取个人数据 · Anyone who can reach this port can " +
        "send and read personal data.\n  Never use it on a shared machine or network.",
    );
  } else if ([...apiKeys, ...unmaskKeys].some((k) => k.length < 16)) {
    warnings.push("警告 WARNING: 有密钥短于 16 个字符 · some keys are shorter than 16 characters");
  }

  const mb = env.SHUANGBAO_BODY_LIMIT_MB?.trim() || "50";
  const limit = Number(mb);
  if (!/^\d+(\.\d+)?$/.test(mb) || !(limit > 0)) {
    throw new ServerConfigError(
      `SHUANGBAO_BODY_LIMIT_MB 应为正数 · must be a positive number of MiB, not “${mb}”`,
    );
  }
  const portText = env.PORT?.trim() || "8787";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new ServerConfigError(`PORT 应为 0–65535 · must be a port number, not “${portText}”`);
  }
  const corsOrigins = list(env.SHUANGBAO_CORS_ORIGINS);
  return {
    host: env.HOST?.trim() || "127.0.0.1",
    port,
    app: {
      apiKeys,
      unmaskKeys,
      insecureNoAuth,
      bodyLimitBytes: Math.floor(limit * 1024 * 1024),
      ...(corsOrigins.length > 0 ? { corsOrigins } : {}),
    },
    warnings,
  };
}
