/**
 * What the app's routes share: the context variables the middleware sets, the OpenAPI response
 * entries of problems, and the dependencies injected into routes.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { RequestIdVariables } from "hono/request-id";
import { ProblemSchema } from "./schemas.js";

/** The app's Hono environment: the request id and whether the caller may unmask. */
export interface AppEnv {
  Variables: RequestIdVariables & { canUnmask: boolean };
}

/** The app type the routes register on. */
export type Api = OpenAPIHono<AppEnv>;

/** What routes need from the app's options. */
export interface RouteDeps {
  /** Today's date in Asia/Shanghai (the default `asOf` and `on`). */
  today(): string;
}

const problemEntry = (description: string) =>
  ({ description, content: { "application/problem+json": { schema: ProblemSchema } } }) as const;

/** The OpenAPI entries of the problem responses, by status. */
export const PROBLEM_RESPONSES = {
  400: problemEntry("请求无效 · Bad request: not a dataset, or an invalid query or override"),
  401: problemEntry("缺少或错误的 API 密钥 · Missing or wrong Bearer key"),
  403: problemEntry("无权解除脱敏 · unmask=true without an unmask key"),
  404: problemEntry("未找到 · Not found"),
  413: problemEntry("请求体过大 · Body larger than the limit"),
  415: problemEntry("不支持的内容类型 · Unsupported content type"),
  500: problemEntry("服务器内部错误 · Unexpected error (quote the requestId)"),
} as const;

/** The security requirement of every `/v1` route. */
export const BEARER = [{ Bearer: [] }];
