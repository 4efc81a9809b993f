/**
 * Problem responses (RFC 9457, `application/problem+json`): the one place where every error the
 * API answers with is made — 400, 401, 403, 404, 413, 415 and 500 alike. Routes throw a
 * `ProblemError` (or let core's `ConfigurationError` and io's `InputError` through); the app's
 * error handler turns each into a problem here.
 */
import { ConfigurationError } from "@shuangbao/core";
import { InputError } from "@shuangbao/io";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { maskText } from "./mask.js";

/** The statuses the API answers problems with. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 413 | 415 | 500;

/** The kinds of problem: each has a stable type URI and a bilingual title. */
export const PROBLEMS = {
  "invalid-request": { status: 400, zh: "请求参数无效", en: "Invalid request parameter" },
  "not-a-dataset": { status: 400, zh: "请求体不是数据集", en: "Body is not a dataset" },
  unauthorized: { status: 401, zh: "缺少或错误的 API 密钥", en: "Missing or wrong API key" },
  forbidden: { status: 403, zh: "无权执行此操作", en: "Not allowed" },
  "not-found": { status: 404, zh: "未找到", en: "Not found" },
  "too-large": { status: 413, zh: "请求体过大", en: "Content too large" },
  "unsupported-media-type": {
    status: 415,
    zh: "不支持的内容类型",
    en: "Unsupported media type",
  },
  internal: { status: 500, zh: "服务器内部错误", en: "Internal server error" },
} as const satisfies Record<string, { status: ProblemStatus; zh: string; en: string }>;

export type ProblemKind = keyof typeof PROBLEMS;

/** The body of a problem response. */
export interface Problem {
  /** `urn:shuangbao:problem:<kind>`. */
  type: string;
  title: string;
  status: ProblemStatus;
  detail: string;
  /** The request's path (never its query string, which may carry data). */
  instance: string;
  requestId: string;
  /** The offending part of the request: `body`, `query.asOf`, `parameters.termYears`, … */
  part?: string;
}

/**
 * An error a route throws to answer with a problem.
 * @example throw new ProblemError("not-found", "没有此规则 · no rule “x”", "path.id")
 */
export class ProblemError extends Error {
  override name = "ProblemError";
  readonly kind: ProblemKind;
  readonly part: string | undefined;
  constructor(kind: ProblemKind, detail: string, part?: string) {
    super(detail);
    this.kind = kind;
    this.part = part;
  }
}

/**
 * Makes a problem response. Its text is masked like every response: a detail may echo input.
 * @example return problem(c, "not-found", "没有此路径 · no such route")
 */
export function problem(c: Context, kind: ProblemKind, detail: string, part?: string): Response {
  const def = PROBLEMS[kind];
  const body: Problem = {
    type: `urn:shuangbao:problem:${kind}`,
    title: `${def.zh} · ${def.en}`,
    status: def.status,
    detail: maskText(detail),
    instance: maskText(c.req.path),
    requestId: (c.get("requestId") as string | undefined) ?? "",
  };
  if (part !== undefined) body.part = part;
  const headers: Record<string, string> = { "Content-Type": "application/problem+json" };
  if (kind === "unauthorized") headers["WWW-Authenticate"] = 'Bearer realm="shuangbao"';
  return c.body(JSON.stringify(body), def.status, headers);
}

/** Where in the request a core configuration path came from (`rules.skip` → `query.skipRules`). */
export function requestPart(configPath: string): string {
  if (configPath === "asOf") return "query.asOf";
  if (configPath === "rules.only") return "query.rules";
  if (configPath === "rules.skip") return "query.skipRules";
  if (configPath.startsWith("rules.severity")) return "query.severity";
  return configPath;
}

/**
 * The app's error handler: problems, core's and io's errors as 400, Hono's HTTP errors by status,
 * anything else as 500 — logged by class and stack frames only, never by message (which may
 * quote data), and answered without a stack.
 */
export function errorToProblem(error: Error, c: Context, log: (line: string) => void): Response {
  if (error instanceof ProblemError) return problem(c, error.kind, error.message, error.part);
  if (error instanceof ConfigurationError) {
    return problem(c, "invalid-request", error.message, requestPart(error.path));
  }
  if (error instanceof InputError) return problem(c, "not-a-dataset", error.message, "body");
  if (error instanceof HTTPException) {
    const kind = (Object.keys(PROBLEMS) as ProblemKind[]).find(
      (k) => PROBLEMS[k].status === error.status,
    );
    if (kind) return problem(c, kind, error.message || PROBLEMS[kind].en);
  }
  const frames = (error.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l));
  log(
    JSON.stringify({
      level: "error",
      requestId: c.get("requestId") ?? "",
      error: error.name,
      stack: frames.slice(0, 8).map((l) => l.trim()),
    }),
  );
  return problem(
    c,
    "internal",
    "请求处理失败,请凭 requestId 联系管理员 · The request failed; quote the requestId to the operator",
  );
}
