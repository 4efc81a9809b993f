/**
 * Raw-deflate inflating on Node: zlib, native, and streamed on the thread pool while the previous
 * chunk is parsed — fflate's JavaScript inflate took 1.9 s of CPU on a 108 MB sheet, about a
 * third of the whole read. The browser's twin is `inflate.browser.ts` (package.json `imports`).
 */

import { constants } from "node:buffer";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createInflateRaw, inflateRawSync } from "node:zlib";

/**
 * Inflates raw deflate data held whole, to at most `maxBytes` (zlib stops there: a bomb is never
 * inflated past the limit). Returns `undefined` when the data would inflate to more.
 */
export function inflateRawBytes(data: Uint8Array, maxBytes: number): Uint8Array | undefined {
  try {
    return new Uint8Array(
      inflateRawSync(data, {
        // zlib takes at most a Buffer's greatest length; a part held whole is far smaller.
        maxOutputLength: Math.max(1, Math.min(maxBytes, constants.MAX_LENGTH)),
      }),
    );
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return undefined;
    throw error;
  }
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
  // What `onChunk` threw (a limit): the pipeline reports it as an abort, so it is kept here.
  let refused: unknown;
  const consume = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      try {
        onChunk(chunk);
      } catch (error) {
        refused = error;
        throw error;
      }
    }
  };
  try {
    if (!deflated) await consume(Readable.from(slices()));
    else await pipeline(Readable.from(slices()), createInflateRaw({ chunkSize: step }), consume);
  } catch (error) {
    throw refused ?? error;
  }
}
