/**
 * Zip archives read from their central directory: the entries' names decoded as their makers
 * wrote them (UTF-8 when flagged or valid, else GB18030 — what Windows' built-in zip writes on a
 * Chinese system), and each entry inflated whole or streamed in chunks, in any order (a workbook
 * written by a streaming writer has its workbook part last). Inflating is the platform's: zlib on
 * Node, `DecompressionStream` in a browser (`#inflate`, by package.json `imports`).
 */
import { inflateRawBytes, streamChunks } from "#inflate";
import type { InflateBudget } from "./limits.js";

/** One file in a zip archive. */
export interface ZipEntry {
  /** The entry's path inside the archive, decoded. */
  name: string;
  /** Compression method: 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) =>
  (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 2 ** 32;

const utf8Fatal = new TextDecoder("utf-8", { fatal: true });
const gb18030 = new TextDecoder("gb18030");

/**
 * An entry name from its raw bytes: UTF-8 when the language flag (bit 11) is set or the bytes are
 * valid UTF-8; otherwise GB18030 (a superset of GBK, the code page of Chinese Windows).
 */
export function decodeEntryName(raw: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return new TextDecoder().decode(raw);
  if (raw.every((b) => b < 0x80)) return String.fromCharCode(...raw);
  try {
    return utf8Fatal.decode(raw);
  } catch {
    return gb18030.decode(raw);
  }
}

/** Whether the bytes start like a zip archive (a local file header). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The entries of a zip archive held in memory, from its central directory. Throws an `Error`
 * naming what is wrong when the archive is damaged.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  // The end-of-central-directory record: the last 22 bytes, or further back past a comment.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("no central directory (the file is cut short or not a zip)");
  let count = u16(bytes, eocd + 10);
  let cdOffset = u32(bytes, eocd + 16);
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20) {
    // Zip64: the locator just before the record points at the zip64 end record.
    if (u32(bytes, eocd - 20) === 0x07064b50) {
      const z = u64(bytes, eocd - 12);
      if (u32(bytes, z) === 0x06064b50) {
        count = u64(bytes, z + 32);
        cdOffset = u64(bytes, z + 48);
      }
    }
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) {
      throw new Error("damaged central directory");
    }
    const flag = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    let offset = u32(bytes, p + 42);
    const raw = bytes.subarray(p + 46, p + 46 + nameLength);
    let name: string | undefined;
    // Extra fields: zip64 sizes (0x0001), Info-ZIP's Unicode path (0x7075).
    let e = p + 46 + nameLength;
    const end = e + extraLength;
    while (e + 4 <= end) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      const d = e + 4;
      if (id === 0x0001) {
        let q = d;
        if (size === 0xffffffff) {
          size = u64(bytes, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, q);
          q += 8;
        }
        if (offset === 0xffffffff) offset = u64(bytes, q);
      } else if (id === 0x7075 && len > 5 && bytes[d] === 1) {
        name = new TextDecoder().decode(bytes.subarray(d + 5, d + len));
      }
      e = d + len;
    }
    name ??= decodeEntryName(raw, (flag & 0x800) !== 0);
    entries.push({ name, method, compressedSize, size, offset });
    p = end + commentLength;
  }
  return entries;
}

/** The compressed bytes of an entry, past its local header. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const p = entry.offset;
  if (u32(bytes, p) !== 0x04034b50) throw new Error(`damaged entry ${entry.name}`);
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
  return bytes.subarray(start, start + entry.compressedSize);
}

function unsupported(entry: ZipEntry): Error {
  return new Error(`entry ${entry.name} uses compression method ${entry.method}`);
}

/**
 * An entry's bytes, inflated whole and spent from `budget` (an entry whose declared or actual size
 * passes what is left throws the budget's `ReadLimitError`; `path` names it).
 */
export function entryBytes(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
  path: string,
): Uint8Array {
  if (entry.size > budget.left) throw budget.exceeded(path);
  const data = entryData(bytes, entry);
  if (entry.method !== 0 && entry.method !== 8) throw unsupported(entry);
  const out = entry.method === 0 ? data : inflateRawBytes(data, budget.left);
  if (out === undefined) throw budget.exceeded(path);
  budget.spend(out.length, path);
  return out;
}

/** Compressed bytes handed to the inflater at a time. */
const STEP = 1 << 18;

/**
 * Streams an entry's bytes in chunks to `onChunk`, inflated as they are consumed and spent from
 * `budget`: inflating stops at the chunk that passes the limit (the budget's `ReadLimitError`).
 */
export async function streamEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  onChunk: (chunk: Uint8Array) => void,
  budget: InflateBudget,
  path: string,
): Promise<void> {
  if (entry.size > budget.left) throw budget.exceeded(path);
  const data = entryData(bytes, entry);
  if (entry.method !== 0 && entry.method !== 8) throw unsupported(entry);
  await streamChunks(data, entry.method === 8, STEP, (chunk) => {
    budget.spend(chunk.length, path);
    onChunk(chunk);
  });
}
