/**
 * Text decoding of CSV bytes: UTF-8 (with or without BOM) or GB18030/GBK, detected without being
 * told. The first chunk decides: a UTF-8 BOM, or bytes that are valid UTF-8, mean UTF-8;
 * anything else is read as GB18030 (a superset of GBK, what Chinese Excel writes).
 */
import { InputError } from "./errors.js";

export type CsvEncoding = "utf-8" | "gb18030";

/** Whether the bytes look binary (a NUL byte in the first 8 KiB): not a text file at all. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * Detects the encoding of a CSV from its first bytes.
 * @example detectEncoding(new TextEncoder().encode("id,name")) // "utf-8"
 */
export function detectEncoding(first: Uint8Array): CsvEncoding {
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) return "utf-8";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(first, { stream: true });
    return "utf-8";
  } catch {
    return "gb18030";
  }
}

/** A streaming decoder that detects the encoding on its first chunk. */
export class CsvDecoder {
  private decoder: InstanceType<typeof TextDecoder> | undefined;
  encoding: CsvEncoding | undefined;
  constructor(private readonly name: string) {}

  write(chunk: Uint8Array): string {
    if (!this.decoder) {
      if (looksBinary(chunk)) throw new InputError(this.name, "is a binary file, not CSV text");
      this.encoding = detectEncoding(chunk);
      this.decoder = new TextDecoder(this.encoding);
    }
    return this.decoder.decode(chunk, { stream: true });
  }

  end(): string {
    return this.decoder ? this.decoder.decode() : "";
  }
}

/** Decodes a whole CSV held in memory. */
export function decodeCsv(bytes: Uint8Array, name: string): string {
  const d = new CsvDecoder(name);
  return d.write(bytes) + d.end();
}
