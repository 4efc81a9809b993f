/**
 * Reading a request body on the main thread: bytes only, no parsing. The size limit is enforced
 * as the body streams in (and from `Content-Length` before a byte is read); each chunk is held
 * against the queue's in-flight budget; a client that goes away mid-upload is told apart from a
 * bad request.
 */
import type { IncomingMessage } from "node:http";
import type { Context } from "hono";
import type { Slot } from "./jobs/queue.js";
import { LIMIT_ENV, sizeText } from "./limits.js";
import { ClientGoneError, ProblemError } from "./problem.js";

/** At most this much of a refused body is read (and dropped) before answering. */
export const DRAIN_BYTES = 64 * 1024 * 1024;
/** For at most this long. */
export const DRAIN_MS = 2000;

/** The chunks of a body as they arrive: Node's request itself, or a web stream elsewhere. */
interface BodySource {
  /** The next chunk, undefined at the end; rejects when the client goes away. */
  next(): Promise<Uint8Array | undefined>;
  /** Stops reading (a web stream is cancelled; Node's request is left to its connection). */
  stop(): void;
}

function nodeSource(incoming: IncomingMessage): BodySource {
  const chunks = incoming[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return {
    next: async () => {
      const r = await chunks.next();
      return r.done ? undefined : r.value;
    },
    stop: () => {},
  };
}

function webSource(stream: ReadableStream<Uint8Array>): BodySource {
  const reader = stream.getReader();
  return {
    next: async () => {
      const r = await reader.read();
      return r.done ? undefined : r.value;
    },
    stop: () => {
      reader.cancel().catch(() => {});
    },
  };
}

/** Node's request under @hono/node-server, when its body has not been touched. */
function nodeIncoming(c: Context): IncomingMessage | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming || typeof incoming[Symbol.asyncIterator] !== "function") return undefined;
  return incoming.readableDidRead || incoming.readableEnded ? undefined : incoming;
}

/** The body's source, or undefined when there is none left to read. */
function bodySource(c: Context): BodySource | undefined {
  const incoming = nodeIncoming(c);
  if (incoming) return nodeSource(incoming);
  const body = c.req.raw.body;
  if (!body || body.locked || c.req.raw.bodyUsed) return undefined;
  return webSource(body);
}

/**
 * Reads and drops the rest of a body, at most `DRAIN_BYTES` for `DRAIN_MS`. A refusal is
 * answered once the client has sent what it was sending: a client still writing when the
 * connection closes would see a reset (EPIPE) instead of the answer.
 */
async function drain(source: BodySource): Promise<void> {
  let total = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), DRAIN_MS);
  });
  try {
    while (total <= DRAIN_BYTES) {
      const chunk = await Promise.race([source.next(), late]);
      if (chunk === "late" || chunk === undefined) break;
      total += chunk.byteLength;
    }
  } catch {
    // The client went away: nothing left to drain.
  } finally {
    clearTimeout(timer);
    source.stop();
  }
}

/**
 * Drains the body of a request answered before its body was read (a refusal), so the answer
 * reaches a client that is still sending. Bounded like `drain`.
 */
export async function drainUnread(c: Context): Promise<void> {
  if (c.get("bodyRead") === true) return;
  const method = c.req.method;
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return;
  const source = bodySource(c);
  if (source) await drain(source);
}

/** The 413 of a body over the limit; the connection closes after it. */
export function bodyTooLarge(limit: number): ProblemError {
  return new ProblemError(
    "too-large",
    `请求体超过 ${sizeText(limit)} · the body is larger than the limit of ${sizeText(limit)} (${LIMIT_ENV.bodyBytes.name})`,
    "body",
    { limit: LIMIT_ENV.bodyBytes.name, close: true },
  );
}

/** Whether a request's declared length is over `limit` (a 413 before reading). */
export function declaredTooLarge(c: Context, limit: number): boolean {
  const declared = c.req.header("Content-Length");
  return declared !== undefined && /^\d+$/.test(declared.trim()) && Number(declared) > limit;
}

/** Uninitialised bytes in an ArrayBuffer of their own (Node's pool is only for small sizes). */
function ownBuffer(size: number): Uint8Array {
  const buffer = Buffer.allocUnsafeSlow(size);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * The body's bytes in one buffer of their own (so they can be moved to a worker). Throws a 413
 * problem past `limit`, a 503 when the in-flight budget is spent, `ClientGoneError` when the
 * client aborts.
 * @example const bytes = await readBody(c, limits.bodyBytes, slot, () => queue.bodyBudgetSpent())
 */
export async function readBody(
  c: Context,
  limit: number,
  slot: Pick<Slot, "hold">,
  budgetSpent: () => ProblemError,
): Promise<Uint8Array> {
  if (declaredTooLarge(c, limit)) throw bodyTooLarge(limit);
  const declared = Number(c.req.header("Content-Length") ?? Number.NaN);
  const known = Number.isSafeInteger(declared) && declared > 0;
  // A declared length is held against the budget before a byte is read: a body that would
  // spend it is refused at once, not halfway.
  if (known && !slot.hold(declared)) throw budgetSpent();
  let held = known ? declared : 0;
  // With a declared length the bytes are copied into place as they arrive, into memory neither
  // zeroed nor touched before (each page is taken as it is written): no work on a whole body at
  // once when many bodies start or end together. Every byte returned has been written.
  let bytes: Uint8Array | undefined = known ? ownBuffer(declared) : undefined;
  const chunks: Uint8Array[] = [];
  let total = 0;
  const source = bodySource(c);
  if (source) {
    for (;;) {
      let chunk: Uint8Array | undefined;
      try {
        chunk = await source.next();
      } catch {
        throw new ClientGoneError("the upload was aborted");
      }
      if (chunk === undefined) break;
      if (total + chunk.byteLength > limit) {
        await drain(source);
        throw bodyTooLarge(limit);
      }
      const more = total + chunk.byteLength - held;
      if (more > 0) {
        if (!slot.hold(more)) {
          await drain(source);
          throw budgetSpent();
        }
        held += more;
      }
      if (bytes && total + chunk.byteLength <= bytes.byteLength) bytes.set(chunk, total);
      else {
        // More than declared (a runtime that does not enforce it): collect, join at the end.
        if (bytes) chunks.push(bytes.subarray(0, total));
        bytes = undefined;
        chunks.push(chunk);
      }
      total += chunk.byteLength;
    }
  }
  c.set("bodyRead", true);
  if (bytes) return total === bytes.byteLength ? bytes : bytes.slice(0, total);
  // One buffer of its own, so that it can be moved to a worker.
  const joined = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.byteLength;
  }
  return joined;
}
