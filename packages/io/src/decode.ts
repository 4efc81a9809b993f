/**
 * Text decoding of CSV bytes, detected without being told: UTF-16 (little or big endian, by its
 * BOM — Excel's "Unicode text" — or by the zero bytes of its ASCII), UTF-8 (with or without BOM),
 * or GB18030/GBK. The first chunk decides: a BOM, or bytes that are valid UTF-8, mean UTF-8;
 * anything else is read as GB18030 (a superset of GBK, what Chinese Excel writes).
 */
import { InputError } from "./errors.js";

export type CsvEncoding = "utf-8" | "gb18030" | "utf-16le" | "utf-16be";

/** The UTF-16 byte order a text starts with — by BOM, or by zero bytes all on one side. */
export function utf16Order(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  // No BOM: ASCII in UTF-16 has a zero byte in every other place; count them in the first 4 KiB.
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.3 && even === 0) return "utf-16le";
  if (even >= pairs * 0.3 && odd === 0) return "utf-16be";
  return undefined;
}

/** Whether the bytes look binary (a NUL byte in the first 8 KiB, not UTF-16 text). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return utf16Order(bytes) === undefined;
  return false;
}

/**
 * Detects the encoding of a CSV from its first bytes.
 * @example detectEncoding(new TextEncoder().encode("id,name")) // "utf-8"
 */
export function detectEncoding(first: Uint8Array): CsvEncoding {
  const utf16 = utf16Order(first);
  if (utf16) return utf16;
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) return "utf-8";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(first, { stream: true });
    return "utf-8";
  } catch {
    return "gb18030";
  }
}

/**
 * The bytes the encoding is detected on: the same whether a file is streamed from disk or read
 * from memory (a file picked in a browser), so both read it alike.
 */
export const DETECT_BYTES = 1 << 20;

/**
 * A streaming decoder that detects the encoding on its first chunk (at most `DETECT_BYTES` of
 * it), unless told the encoding.
 */
export class CsvDecoder {
  private decoder: InstanceType<typeof TextDecoder> | undefined;
  encoding: CsvEncoding | undefined;
  private head: Uint8Array | undefined;
  constructor(
    private readonly name: string,
    private readonly known?: CsvEncoding,
  ) {}

  write(chunk: Uint8Array): string {
    if (!this.decoder) {
      // Too few bytes to tell (a stream's first chunk may be tiny): wait for more.
      const bytes = this.head ? concat(this.head, chunk) : chunk;
      if (bytes.length < 4) {
        this.head = bytes;
        return "";
      }
      this.head = undefined;
      this.start(bytes);
      return this.decoder!.decode(bytes, { stream: true });
    }
    return this.decoder.decode(chunk, { stream: true });
  }

  private start(bytes: Uint8Array): void {
    if (looksBinary(bytes)) {
      throw new InputError(
        this.name,
        "是二进制文件，不是 CSV 文本 / is a binary file, not CSV text",
      );
    }
    this.encoding = this.known ?? detectEncoding(bytes.subarray(0, DETECT_BYTES));
    this.decoder = new TextDecoder(this.encoding);
  }

  end(): string {
    if (!this.decoder && this.head) {
      const head = this.head;
      this.head = undefined;
      this.start(head);
      return this.decoder!.decode(head);
    }
    return this.decoder ? this.decoder.decode() : "";
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Decodes a whole CSV held in memory. */
export function decodeCsv(bytes: Uint8Array, name: string): string {
  const d = new CsvDecoder(name);
  return d.write(bytes) + d.end();
}
