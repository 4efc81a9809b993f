import type { MiddlewareHandler } from "hono";
import { maskText } from "./mask.js";

/**
 * One log line per request — time, request id, method, path, status, duration (and for a job:
 * the milliseconds reading its body and running it) — as JSON. Never
 * a body, a query string or a header as sent; the path and id are masked in case one carries a
 * number. A request whose client went away is logged as such (`aborted`), not as an error.
 * @example app.use(requestLog((line) => process.stderr.write(`${line}\n`)))
 */
export function requestLog(log: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    const aborted = c.req.raw.signal?.aborted === true;
    log(
      JSON.stringify({
        time: new Date().toISOString(),
        level: "info",
        requestId: maskText((c.get("requestId") as string | undefined) ?? ""),
        method: c.req.method,
        path: maskText(c.req.path),
        // 499 (nginx's "client closed request"): nobody read the answer.
        status: aborted ? 499 : c.res.status,
        ms: Math.round((performance.now() - start) * 10) / 10,
        ...(c.get("timing") ?? {}),
        ...(aborted ? { aborted: true } : {}),
      }),
    );
  };
}
