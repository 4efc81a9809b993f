/**
 * Problem responses (RFC 9457, `application/problem+json`): the one place where every error the
 * API answers with is made. Routes throw a `ProblemError` (or let core's `ConfigurationError` and
 * io's `InputError` through); workers send a problem back as data; the app's error handler turns
 * each into a problem here. Every problem's text is masked and quotes input only as a short excerpt.
 */
import { ConfigurationError, maskText } from "@shuangbao/core";
import { InputError } from "@shuangbao/io";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import {
  cutQuotes,
  PROBLEMS,
  type ProblemData,
  type ProblemKind,
  type ProblemStatus,
  requestPart,
} from "./problem-kinds.js";

export {
  excerpt,
  PROBLEMS,
  type ProblemData,
  type ProblemKind,
  type ProblemStatus,
  requestPart,
} from "./problem-kinds.js";

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
  /** The environment variable of the limit that was hit. */
  limit?: string;
}

/** What a problem response adds to its headers. */
export interface ProblemHeaders {
  /** Seconds to wait before retrying (503). */
  retryAfter?: number;
  /** Close the connection after answering (the body was not read, or not whole). */
  close?: boolean;
  /** Methods the path allows (405). */
  allow?: string;
  /** The content codings a body may have (415 for a coding not taken). */
  acceptEncoding?: string;
}

/**
 * An error a route throws to answer with a problem.
 * @example throw new ProblemError("not-found", "没有此规则 · no rule “x”", "path.id")
 */
export class ProblemError extends Error {
  override name = "ProblemError";
  readonly kind: ProblemKind;
  readonly part: string | undefined;
  readonly limit: string | undefined;
  readonly headers: ProblemHeaders;
  constructor(
    kind: ProblemKind,
    detail: string,
    part?: string,
    options: { limit?: string } & ProblemHeaders = {},
  ) {
    super(detail);
    this.kind = kind;
    this.part = part;
    const { limit, ...headers } = options;
    this.limit = limit;
    this.headers = headers;
  }

  /** A problem error from a problem sent back as data. */
  static of(data: ProblemData, headers: ProblemHeaders = {}): ProblemError {
    return new ProblemError(data.kind, data.detail, data.part, {
      ...(data.limit ? { limit: data.limit } : {}),
      ...headers,
    });
  }
}

/** The client went away (an aborted upload or request): nobody reads the answer. */
export class ClientGoneError extends Error {
  override name = "ClientGoneError";
}

/**
 * Whether the request has a body this answer leaves unread: then the connection closes after the
 * answer, rather than the server reading (or the client sending) the rest for nothing.
 */
function unreadBody(c: Context): boolean {
  if (c.get("bodyRead") === true) return false;
  const method = c.req.method;
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return false;
  const length = c.req.header("Content-Length");
  if (length !== undefined) return length.trim() !== "0";
  return c.req.header("Transfer-Encoding") !== undefined;
}

/**
 * Makes a problem response. Its text is masked like every response, and cut: a detail or part
 * may echo input.
 * @example return problem(c, "not-found", "没有此路径 · no such route")
 */
export function problem(
  c: Context,
  kind: ProblemKind,
  detail: string,
  part?: string,
  options: { limit?: string | undefined } & ProblemHeaders = {},
): Response {
  const def = PROBLEMS[kind];
  const body: Problem = {
    type: `urn:shuangbao:problem:${kind}`,
    title: `${def.zh} · ${def.en}`,
    status: def.status,
    detail: cutQuotes(maskText(detail)),
    instance: maskText(c.req.path),
    requestId: (c.get("requestId") as string | undefined) ?? "",
  };
  if (part !== undefined) body.part = maskText(part);
  if (options.limit !== undefined) body.limit = options.limit;
  const headers: Record<string, string> = {
    "Content-Type": "application/problem+json",
    "Cache-Control": "no-store",
  };
  if (kind === "unauthorized") headers["WWW-Authenticate"] = 'Bearer realm="shuangbao"';
  if (options.retryAfter !== undefined) headers["Retry-After"] = String(options.retryAfter);
  if (options.allow !== undefined) headers.Allow = options.allow;
  if (options.acceptEncoding !== undefined) headers["Accept-Encoding"] = options.acceptEncoding;
  if (options.close || unreadBody(c)) headers.Connection = "close";
  return c.body(JSON.stringify(body), def.status, headers);
}

/** Logs an unexpected error by class and stack frames only, never by message (it may quote data). */
export function logInternal(
  log: (line: string) => void,
  requestId: string,
  error: { name: string; stack: readonly string[] },
): void {
  log(
    JSON.stringify({
      level: "error",
      requestId,
      error: error.name,
      stack: error.stack.slice(0, 8),
    }),
  );
}

/** The stack frames of an error, without its message. */
export function stackFrames(error: Error): string[] {
  return (error.stack ?? "")
    .split("\n")
    .filter((l) => /^\s+at /.test(l))
    .map((l) => l.trim());
}

/** The answer to an unexpected error: a request id and no stack or message. */
export function internalProblem(c: Context): Response {
  return problem(
    c,
    "internal",
    "请求处理失败,请凭 requestId 联系管理员 · The request failed; quote the requestId to the operator",
  );
}

/**
 * The app's error handler: problems, core's and io's errors as 400, Hono's HTTP errors by status,
 * a client that went away logged as what it is, anything else as 500 — logged by class and stack
 * frames only, and answered without a stack.
 */
export function errorToProblem(error: Error, c: Context, log: (line: string) => void): Response {
  if (error instanceof ProblemError) {
    return problem(c, error.kind, error.message, error.part, {
      limit: error.limit,
      ...error.headers,
    });
  }
  if (error instanceof ConfigurationError) {
    return problem(c, "invalid-request", error.message, requestPart(error.path));
  }
  if (error instanceof InputError) return problem(c, "not-a-dataset", error.message, "body");
  if (error instanceof ClientGoneError) {
    // Nobody reads this answer; the request log notes the abort.
    return problem(c, "invalid-request", "客户端已断开 · the client went away", "body", {
      close: true,
    });
  }
  if (error instanceof HTTPException) {
    const kind = (Object.keys(PROBLEMS) as ProblemKind[]).find(
      (k) => PROBLEMS[k].status === error.status,
    );
    if (kind) return problem(c, kind, error.message || PROBLEMS[kind].en);
  }
  logInternal(log, (c.get("requestId") as string | undefined) ?? "", {
    name: error.name,
    stack: stackFrames(error),
  });
  return internalProblem(c);
}
