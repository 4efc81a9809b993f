/**
 * The kinds of problem the API answers with, and the helpers that shape their text. Free of Hono
 * so the workers use it too: a job's problem crosses the thread boundary as plain data.
 */
import { maskText } from "@shuangbao/core";

/** The statuses the API answers problems with. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 405 | 408 | 413 | 415 | 431 | 500 | 503 | 504;

/** The kinds of problem: each has a stable type URI and a bilingual title. */
export const PROBLEMS = {
  "invalid-request": { status: 400, zh: "请求参数无效", en: "Invalid request parameter" },
  "not-a-dataset": { status: 400, zh: "请求体不是数据集", en: "Body is not a dataset" },
  unauthorized: { status: 401, zh: "缺少或错误的 API 密钥", en: "Missing or wrong API key" },
  forbidden: { status: 403, zh: "无权执行此操作", en: "Not allowed" },
  "not-found": { status: 404, zh: "未找到", en: "Not found" },
  "method-not-allowed": { status: 405, zh: "不支持此方法", en: "Method not allowed" },
  "request-timeout": { status: 408, zh: "请求超时", en: "Request timeout" },
  "too-large": { status: 413, zh: "超过限制", en: "Content too large" },
  "unsupported-media-type": {
    status: 415,
    zh: "不支持的内容类型",
    en: "Unsupported media type",
  },
  "headers-too-large": {
    status: 431,
    zh: "请求头过大",
    en: "Request header fields too large",
  },
  internal: { status: 500, zh: "服务器内部错误", en: "Internal server error" },
  busy: { status: 503, zh: "服务繁忙,请稍后重试", en: "Busy: retry later" },
  "shutting-down": { status: 503, zh: "服务正在停止", en: "Shutting down" },
  timeout: { status: 504, zh: "处理超时", en: "Timed out" },
} as const satisfies Record<string, { status: ProblemStatus; zh: string; en: string }>;

export type ProblemKind = keyof typeof PROBLEMS;

/** A problem as plain data: what a route or a worker found wrong. */
export interface ProblemData {
  kind: ProblemKind;
  detail: string;
  /** The offending part of the request: `body`, `query.asOf`, `parameters.termYears`, … */
  part?: string | undefined;
  /** The environment variable of the limit that was hit, e.g. `SHUANGBAO_BODY_LIMIT_MB`. */
  limit?: string | undefined;
}

/** The longest excerpt of input a problem quotes. */
export const EXCERPT_CHARS = 40;

/**
 * A short excerpt of input to quote: masked first (so a cut never leaves part of a number
 * unmasked), at most 40 characters, cut with "…" when longer, control characters shown as "�".
 * @example excerpt("x".repeat(100)).length // 40
 */
export function excerpt(text: string): string {
  const chars = [...maskText(text)].map((ch) => {
    const code = ch.codePointAt(0)!;
    return code < 0x20 || (code >= 0x7f && code < 0xa0) ? "\uFFFD" : ch;
  });
  return chars.length <= EXCERPT_CHARS
    ? chars.join("")
    : `${chars.slice(0, EXCERPT_CHARS - 1).join("")}…`;
}

/**
 * A detail made by core or io (which may quote input) with each quoted piece cut to an excerpt:
 * “…”, "…" and the JSON after `not ` (core's “must be …, not <value>”); the whole held to 400
 * characters.
 */
export function cutQuotes(detail: string): string {
  const cut = detail
    .replace(/“([^”]*)”/g, (_m, inner: string) => `“${excerpt(inner)}”`)
    .replace(/"((?:[^"\\]|\\.)*)"/g, (_m, inner: string) => `"${excerpt(inner)}"`)
    .replace(/(, not )(.+)$/s, (_m, lead: string, rest: string) => `${lead}${excerpt(rest)}`);
  const chars = [...cut];
  return chars.length <= 400 ? cut : `${chars.slice(0, 399).join("")}…`;
}

/** Where in the request a core configuration path came from (`rules.skip` → `query.skipRules`). */
export function requestPart(configPath: string): string {
  if (configPath === "asOf") return "query.asOf";
  if (configPath === "rules.only") return "query.rules";
  if (configPath === "rules.skip") return "query.skipRules";
  if (configPath.startsWith("rules.severity")) return "query.severity";
  const dot = configPath.indexOf(".");
  // `parameters.<name>`: the name is input, quoted as an excerpt.
  if (dot > 0) return `${configPath.slice(0, dot)}.${excerpt(configPath.slice(dot + 1))}`;
  return configPath;
}

/**
 * The JSON text of a problem made outside the app (Node's own answers: broken framing, an
 * `Expect: 100-continue` over the body limit).
 */
export function problemJson(data: ProblemData & { instance: string; requestId: string }): string {
  const def = PROBLEMS[data.kind];
  return JSON.stringify({
    type: `urn:shuangbao:problem:${data.kind}`,
    title: `${def.zh} · ${def.en}`,
    status: def.status,
    detail: data.detail,
    instance: data.instance,
    requestId: data.requestId,
    ...(data.part ? { part: data.part } : {}),
    ...(data.limit ? { limit: data.limit } : {}),
  });
}
