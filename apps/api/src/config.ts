/**
 * The server's configuration from its environment and arguments — the only place that reads
 * them; `createApp` gets everything injected. Refuses (throws `ServerConfigError`) rather than
 * guessing: no keys without `--insecure-no-auth`, a limit, timeout or port that is not a number.
 */
import { type ReadLimits, readLimitsFromEnv } from "@shuangbao/io";
import type { AppOptions } from "./app.js";
import {
  API_READ_LIMITS,
  DEFAULT_LIMITS,
  type EnvNumber,
  type Limits,
  OWN_LIMIT_ENV,
} from "./limits.js";

/** A configuration the server refuses to start with. */
export class ServerConfigError extends Error {
  override name = "ServerConfigError";
}

/** The Node server's timeouts (milliseconds). */
export interface ServerTimeouts {
  /** Idle time of a kept-alive socket before the server closes it: above clients' idle time. */
  keepAliveTimeoutMs: number;
  /** Time to receive a request's headers: above `keepAliveTimeoutMs`. */
  headersTimeoutMs: number;
  /** Time to receive a whole request (headers and body). */
  requestTimeoutMs: number;
  /** Time from SIGTERM to exit: running jobs finish within it, or are cancelled. */
  shutdownTimeoutMs: number;
}

/** What the server listens on, the app's options and the server's timeouts. */
export interface ServerConfig {
  host: string;
  port: number;
  app: Omit<AppOptions, "log" | "docsAssets" | "version" | "jobs" | "limits"> & {
    limits: Limits;
  };
  server: ServerTimeouts;
  /** Loud warnings for stderr (auth off, short keys). */
  warnings: string[];
}

/** The default timeouts. */
export const DEFAULT_TIMEOUTS: ServerTimeouts = {
  keepAliveTimeoutMs: 65_000,
  headersTimeoutMs: 66_000,
  requestTimeoutMs: 300_000,
  shutdownTimeoutMs: 25_000,
};

/** The variable of each timeout (the headers timeout is the keep-alive one + 1 s). */
const TIMEOUT_ENV = {
  keepAliveTimeoutMs: { name: "SHUANGBAO_KEEPALIVE_TIMEOUT_S", unit: "s" },
  requestTimeoutMs: { name: "SHUANGBAO_REQUEST_TIMEOUT_S", unit: "s" },
  shutdownTimeoutMs: { name: "SHUANGBAO_SHUTDOWN_TIMEOUT_S", unit: "s" },
} as const satisfies Record<Exclude<keyof ServerTimeouts, "headersTimeoutMs">, EnvNumber>;

const list = (text: string | undefined) =>
  (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** The usage text of `node dist/server.js --help`. */
export const USAGE = `shuangbao api — the HTTP API (Hono on Node)

Usage: node apps/api/dist/server.js [--insecure-no-auth]

Environment:
  SHUANGBAO_API_KEYS           comma-separated Bearer keys for /v1 (required)
  SHUANGBAO_UNMASK_KEYS        comma-separated keys that may also send unmask=true
  SHUANGBAO_CORS_ORIGINS       comma-separated origins allowed by CORS (default: CORS off)
  SHUANGBAO_MASK_NAMES         true: mask people's and household heads' names too (张三 → 张*)
                               in every response, like ID numbers; an unmask key lifts it
  SHUANGBAO_WEB_PAGE           the browser audit page served at / (default: the built
                               apps/web page beside server.js; off: none)
  HOST                         address to listen on (default 127.0.0.1)
  PORT                         port (default 8787)
Limits (a request over one is refused with a problem naming the variable):
  SHUANGBAO_BODY_LIMIT_MB      request body, MiB (default 50) → 413
  SHUANGBAO_INFLATED_LIMIT_MB  bytes a zip or XLSX inflates to, MiB (default 200) → 413
  SHUANGBAO_MAX_JSON_DEPTH     nesting of a JSON body (default 16) → 400
  SHUANGBAO_MAX_ROWS           rows in one collection, any format (default 300000) → 413
  SHUANGBAO_MAX_CELLS          cells of one sheet or CSV file (default 20000000) → 413
  SHUANGBAO_MAX_FINDINGS_PER_COLUMN
                               data findings of a kind listed per column; more are counted
                               in one finding (default 10000)
  SHUANGBAO_MAX_FINDINGS       findings in a response; more are cut (default 10000)
  SHUANGBAO_RESPONSE_LIMIT_MB  response body, MiB (default 64) → 413
Work:
  SHUANGBAO_WORKERS            worker threads (default: one per available core)
  SHUANGBAO_QUEUE              jobs that may wait for a worker (default 64) → 503
  SHUANGBAO_INFLIGHT_LIMIT_MB  request bodies held at once, MiB (default 512) → 503
  SHUANGBAO_JOB_TIMEOUT_S      a job's wait and run, seconds (default 60) → 504
  SHUANGBAO_WORKER_HEAP_MB     heap of each worker, MiB (default 1024) → 413
  SHUANGBAO_WORKER_NICE        how much lower the workers' priority is (Linux, 0–19; default 10)
Server:
  SHUANGBAO_KEEPALIVE_TIMEOUT_S  idle keep-alive socket, seconds (default 65; headers: +1 s)
  SHUANGBAO_REQUEST_TIMEOUT_S    receiving a whole request, seconds (default 300)
  SHUANGBAO_SHUTDOWN_TIMEOUT_S   SIGTERM to exit, seconds (default 25)
`;

const MiB = 1024 * 1024;

/** A number as `spec` says the environment writes it (MiB in bytes, seconds in milliseconds). */
function envNumber(spec: EnvNumber, text: string): number {
  const { name, unit, min = 1, max } = spec;
  const value = Number(text);
  if (unit !== "count") {
    if (!/^\d+(\.\d+)?$/.test(text) || !(value > 0)) {
      const what = unit === "MiB" ? "MiB" : "seconds";
      throw new ServerConfigError(
        `${name} 应为正数 · must be a positive number of ${what}, not “${text}”`,
      );
    }
    return unit === "MiB" ? Math.floor(value * MiB) : Math.max(1, Math.round(value * 1000));
  }
  if (!/^\d+$/.test(text) || value < min || !Number.isSafeInteger(value)) {
    throw new ServerConfigError(
      `${name} 应为 ≥ ${min} 的整数 · must be a whole number ≥ ${min}, not “${text}”`,
    );
  }
  if (max !== undefined && value > max) {
    throw new ServerConfigError(
      `${name} 应为 ${min}–${max} · must be ${min}–${max}, not “${value}”`,
    );
  }
  return value;
}

/** The numbers `table` names, each from its variable when set, else from `defaults`. */
function numbersFromEnv<K extends string, T extends Record<K, number>>(
  env: Readonly<Record<string, string | undefined>>,
  table: Readonly<Record<K, EnvNumber>>,
  defaults: T,
): T {
  const out = { ...defaults };
  for (const key of Object.keys(table) as K[]) {
    const text = env[table[key].name]?.trim();
    if (text) out[key] = envNumber(table[key], text) as T[K];
  }
  return out;
}

/**
 * The limits from the environment, each with its default: the read limits as io reads them
 * (the CLI's variables and checks, the API's defaults), the API's own from its table.
 */
export function limitsFromEnv(env: Readonly<Record<string, string | undefined>>): Limits {
  let read: ReadLimits;
  try {
    read = readLimitsFromEnv(env, API_READ_LIMITS);
  } catch (error) {
    throw new ServerConfigError((error as Error).message);
  }
  return { ...numbersFromEnv(env, OWN_LIMIT_ENV, DEFAULT_LIMITS), ...read };
}

/** The server's timeouts from the environment. */
export function timeoutsFromEnv(env: Readonly<Record<string, string | undefined>>): ServerTimeouts {
  const { keepAliveTimeoutMs, requestTimeoutMs, shutdownTimeoutMs } = numbersFromEnv(
    env,
    TIMEOUT_ENV,
    DEFAULT_TIMEOUTS,
  );
  const headersTimeoutMs = keepAliveTimeoutMs + 1000;
  if (requestTimeoutMs < headersTimeoutMs) {
    throw new ServerConfigError(
      `SHUANGBAO_REQUEST_TIMEOUT_S 应不小于 keep-alive + 1 秒 · must be at least SHUANGBAO_KEEPALIVE_TIMEOUT_S + 1 (${headersTimeoutMs / 1000} s)`,
    );
  }
  return { keepAliveTimeoutMs, headersTimeoutMs, requestTimeoutMs, shutdownTimeoutMs };
}

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
  const limits = limitsFromEnv(env);
  const server = timeoutsFromEnv(env);
  const portText = env.PORT?.trim() || "8787";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new ServerConfigError(`PORT 应为 0–65535 · must be a port number, not “${portText}”`);
  }
  const corsOrigins = list(env.SHUANGBAO_CORS_ORIGINS);
  const maskNamesText = env.SHUANGBAO_MASK_NAMES?.trim().toLowerCase() || "false";
  if (!["true", "false", "1", "0"].includes(maskNamesText)) {
    throw new ServerConfigError(
      `SHUANGBAO_MASK_NAMES 应为 true 或 false · must be true or false, not “${maskNamesText.slice(0, 20)}”`,
    );
  }
  const maskNames = maskNamesText === "true" || maskNamesText === "1";
  return {
    host: env.HOST?.trim() || "127.0.0.1",
    port,
    app: {
      apiKeys,
      unmaskKeys,
      insecureNoAuth,
      limits,
      maskNames,
      ...(corsOrigins.length > 0 ? { corsOrigins } : {}),
    },
    server,
    warnings,
  };
}
