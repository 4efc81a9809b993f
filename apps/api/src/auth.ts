/**
 * Bearer keys: every `/v1` route needs `Authorization: Bearer <key>` with a configured key. Keys
 * are compared as SHA-256 digests with `timingSafeEqual`, every key each time, so neither the
 * length nor the content of a key leaks through timing.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { problem } from "./problem.js";

const digest = (key: string) => createHash("sha256").update(key, "utf8").digest();

/** A set of keys to check a presented key against in constant time. */
export class KeyRing {
  readonly #digests: Buffer[];
  constructor(keys: readonly string[]) {
    this.#digests = [...new Set(keys.filter((k) => k.length > 0))].map(digest);
  }
  get size(): number {
    return this.#digests.length;
  }
  /**
   * Whether `key` is one of the ring's keys (every digest is compared, whatever matches).
   * @example new KeyRing(["s3cret"]).has("s3cret") // true
   */
  has(key: string): boolean {
    const presented = digest(key);
    let found = false;
    for (const d of this.#digests) found = timingSafeEqual(d, presented) || found;
    return found;
  }
}

/** The key a request presents as `Authorization: Bearer <key>`, if any. */
export function bearerKey(header: string | undefined): string | undefined {
  const match = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(header ?? "");
  return match?.[1];
}

/**
 * Requires a key of `keys` (unless `keys` is undefined: auth off) and notes whether the key may
 * unmask personal numbers (`unmaskKeys`).
 */
export function bearerAuth(
  keys: KeyRing | undefined,
  unmaskKeys: KeyRing,
): MiddlewareHandler<{ Variables: { canUnmask: boolean } }> {
  return async (c, next) => {
    const key = bearerKey(c.req.header("Authorization"));
    if (keys) {
      if (key === undefined) {
        return problem(c, "unauthorized", "需要 Authorization: Bearer <key> · Bearer key required");
      }
      if (!keys.has(key)) return problem(c, "unauthorized", "API 密钥无效 · Unknown API key");
    }
    c.set("canUnmask", key !== undefined && unmaskKeys.has(key));
    await next();
  };
}
