/**
 * What the app's routes share: the context variables the middleware sets, the OpenAPI response
 * entries of problems, and the dependencies injected into routes.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { JobQueue } from "./jobs/queue.js";
import type { Limits } from "./limits.js";
import { ProblemSchema } from "./schemas.js";

/** The app's Hono environment: the request id, whether the caller may unmask, whether the body was read. */
export interface AppEnv {
  Variables: {
    requestId: string;
    canUnmask: boolean;
    bodyRead: boolean;
    /** Milliseconds spent reading the body and running the job, for the log. */
    timing?: { bodyMs: number; jobMs: number };
  };
}

/** The app type the routes register on. */
export type Api = OpenAPIHono<AppEnv>;

/** What routes need from the app's options. */
export interface RouteDeps {
  /** The API's version (written in HTML reports). */
  version: string;
  /** Whether personal names are masked too (`SHUANGBAO_MASK_NAMES`). */
  maskNames: boolean;
  /** Today's date in Asia/Shanghai (the default `asOf` and `on`). */
  today(): string;
  limits: Limits;
  /** The queue in front of the workers. */
  queue: JobQueue;
  /** Where log lines go. */
  log(line: string): void;
}

const problemEntry = (description: string) =>
  ({ description, content: { "application/problem+json": { schema: ProblemSchema } } }) as const;

const retryAfter = {
  "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "integer" } },
} as const;

/** The OpenAPI entries of the problem responses, by status. */
export const PROBLEM_RESPONSES = {
  400: problemEntry(
    "请求无效 · Bad request: not a dataset (nesting deeper than the limit, invalid UTF-8), or an invalid query, date outside the window, or override",
  ),
  401: problemEntry("缺少或错误的 API 密钥 · Missing or wrong Bearer key"),
  403: problemEntry("无权解除脱敏 · unmask=true without an unmask key"),
  404: problemEntry("未找到 · Not found"),
  405: problemEntry("不支持此方法 · Method not allowed (the Allow header lists those that are)"),
  413: problemEntry(
    "超过限制 · Over a limit (`limit` names its variable): body, inflated archive, rows, response size, worker memory. The connection closes when the body was not read whole.",
  ),
  415: problemEntry("不支持的内容类型 · Unsupported content type or charset"),
  500: problemEntry("服务器内部错误 · Unexpected error (quote the requestId)"),
  503: {
    ...problemEntry(
      "繁忙或正在停止 · The queue is full (retry after Retry-After), or the server is stopping",
    ),
    headers: retryAfter,
  },
  504: problemEntry(
    "处理超时 · The job took longer than SHUANGBAO_JOB_TIMEOUT_S and was cancelled",
  ),
} as const;

/** The problem responses of a route that runs a job on the dataset in its body. */
export const JOB_PROBLEMS = {
  400: PROBLEM_RESPONSES[400],
  401: PROBLEM_RESPONSES[401],
  403: PROBLEM_RESPONSES[403],
  413: PROBLEM_RESPONSES[413],
  415: PROBLEM_RESPONSES[415],
  500: PROBLEM_RESPONSES[500],
  503: PROBLEM_RESPONSES[503],
  504: PROBLEM_RESPONSES[504],
} as const;

/** The security requirement of every `/v1` route. */
export const BEARER = [{ Bearer: [] }];
