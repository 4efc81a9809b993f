/**
 * Raw-deflate inflating on Node: zlib, native, and streamed on the thread pool while the previous
 * chunk is parsed — fflate's JavaScript inflate took 1.9 s of CPU on a 108 MB sheet, about a
 * third of the whole read. The browser's twin is `inflate.browser.ts` (package.json `imports`).
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createInflateRaw, inflateRawSync } from "node:zlib";

/** Inflates raw deflate data held whole. */
export function inflateRawBytes(data: Uint8Array): Uint8Array {
  return new Uint8Array(inflateRawSync(data));
}

/**
 * Hands `data` on in chunks to `onChunk`, inflated when `deflated` — `step` compressed bytes at a
 * time, the event loop running between chunks (so progress displays stay live).
 */
export async function streamChunks(
  data: Uint8Array,
  deflated: boolean,
  step: number,
  onChunk: (chunk: Uint8Array) => void,
): Promise<void> {
  function* slices() {
    for (let i = 0; i < data.length; i += step) {
      yield Buffer.from(data.buffer, data.byteOffset + i, Math.min(step, data.length - i));
    }
  }
  const consume = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) onChunk(chunk);
  };
  if (!deflated) await consume(Readable.from(slices()));
  else await pipeline(Readable.from(slices()), createInflateRaw({ chunkSize: step }), consume);
}
