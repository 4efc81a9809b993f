/**
 * The request id: a client's `X-Request-Id` is kept only in a safe shape (letters, digits, `.`,
 * `_`, `-`; 1–64 characters), else replaced by a generated one; either way it is echoed back and
 * is the id in logs and problems.
 */
import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";

/** The shape of a request id the API keeps. */
export const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The id to use for a request: the client's when it is safe, else a new UUID.
 * @example requestIdFor("abc-123") // "abc-123"; requestIdFor("a b") // a UUID
 */
export function requestIdFor(sent: string | undefined): string {
  return sent !== undefined && SAFE_REQUEST_ID.test(sent) ? sent : randomUUID();
}

/** Sets `requestId` (and `bodyRead: false`) and echoes the id in `X-Request-Id`. */
export function requestIdMiddleware(): MiddlewareHandler<{
  Variables: { requestId: string; bodyRead: boolean };
}> {
  return async (c, next) => {
    const id = requestIdFor(c.req.header("X-Request-Id"));
    c.set("requestId", id);
    c.set("bodyRead", false);
    c.header("X-Request-Id", id);
    await next();
  };
}
