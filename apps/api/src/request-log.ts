import type { MiddlewareHandler } from "hono";
import { maskText } from "./mask.js";

/**
 * One log line per request — time, request id, method, path, status, duration — as JSON. Never
 * a body or a query string (they carry data); the path is masked in case one carries a number.
 * @example app.use(requestLog((line) => process.stderr.write(`${line}\n`)))
 */
export function requestLog(log: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    log(
      JSON.stringify({
        time: new Date().toISOString(),
        requestId: c.get("requestId") ?? "",
        method: c.req.method,
        path: maskText(c.req.path),
        status: c.res.status,
        ms: Math.round((performance.now() - start) * 10) / 10,
      }),
    );
  };
}
