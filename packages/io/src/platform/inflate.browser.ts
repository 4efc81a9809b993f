/**
 * Raw-deflate inflating in a browser (or a Web Worker): the platform's `DecompressionStream`,
 * native, for streamed sheets; fflate for the small parts read whole (a workbook's relationships
 * and styles, a CSV in a zip). The Node twin is `inflate.ts` (package.json `imports`).
 */
import { inflateSync } from "fflate";

/**
 * Inflates raw deflate data held whole (parts the zip says are small: the caller checks the
 * declared size first), to at most `maxBytes`: fflate writes into a buffer of that size plus one,
 * so a part that lies about its size stops there. Returns `undefined` when it would inflate to more.
 */
export function inflateRawBytes(data: Uint8Array, maxBytes: number): Uint8Array | undefined {
  const out = inflateSync(data, { out: new Uint8Array(Math.max(1, maxBytes) + 1) });
  return out.length > maxBytes ? undefined : out;
}

/** Hands `data` on in chunks to `onChunk`, inflated when `deflated`, `step` bytes at a time. */
export async function streamChunks(
  data: Uint8Array,
  deflated: boolean,
  step: number,
  onChunk: (chunk: Uint8Array) => void,
): Promise<void> {
  if (!deflated) {
    for (let i = 0; i < data.length; i += step) onChunk(data.subarray(i, i + step));
    return;
  }
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const written = (async () => {
    for (let i = 0; i < data.length; i += step) {
      await writer.ready;
      // A copy: a stream may not be handed a view of a buffer it does not own.
      await writer.write(data.slice(i, i + step));
    }
    await writer.close();
  })();
  const reader = stream.readable.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      onChunk(value);
    }
  } catch (error) {
    // `onChunk` refused (a limit): stop inflating, and let the writer's end go quietly.
    written.catch(() => {});
    await reader.cancel().catch(() => {});
    throw error;
  }
  await written;
}
