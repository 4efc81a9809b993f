/**
 * CSV reading with papaparse from bytes held in memory (a zip entry, a file picked in a browser);
 * `csv-file.ts` streams a file from disk the same way.
 *
 * Line endings are normalised before parsing (papaparse takes one newline for the whole file, so
 * a file mixing CRLF and LF lines would merge rows); the delimiter — comma, or tab as in Excel's
 * "Unicode text" — is detected from the first lines.
 */
import type { CollectionName } from "@shuangbao/core";
import Papa from "papaparse";
import { type ReadContext, RecordCollector } from "./collect.js";
import { CsvDecoder, type CsvEncoding } from "./decode.js";

/** Where a CSV comes from and what its name says. */
export interface CsvSource {
  /** The file as findings name it. */
  file: string;
  /** The file as the structure report names it, when not `file` ("archive.zip/村.csv"). */
  label?: string;
  /** The collection its name names; `undefined`: recognise it by its headers. */
  collection: CollectionName | undefined;
  /** No finding when not recognised (a `.txt` file may be notes). */
  quietIfUnrecognised?: boolean;
}

/**
 * The delimiter of a CSV from its first lines: tab when tabs outnumber commas (outside quotes),
 * else comma.
 * @example detectDelimiter("户编号\t村代码\n") // "\t"
 */
export function detectDelimiter(text: string): "," | "\t" {
  let commas = 0;
  let tabs = 0;
  let quoted = false;
  let lines = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n && lines < 20; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (ch === 44) commas++;
    else if (ch === 9) tabs++;
    else if (ch === 10) lines++;
  }
  return tabs > commas ? "\t" : ",";
}

/** Turns CRLF and lone CR line endings into LF, across chunk boundaries. */
export class NewlineNormaliser {
  private cr = false;
  write(text: string): string {
    let t = this.cr ? `\r${text}` : text;
    this.cr = t.endsWith("\r");
    if (this.cr) t = t.slice(0, -1);
    return t.indexOf("\r") < 0 ? t : t.replace(/\r\n?/g, "\n");
  }
  end(): string {
    const t = this.cr ? "\n" : "";
    this.cr = false;
    return t;
  }
}

/** Bytes decoded whole by `decoder`, their line breaks made `\n`. */
function decodeText(decoder: CsvDecoder, bytes: Uint8Array): string {
  return normaliseNewlines(decoder.write(bytes) + decoder.end());
}

/** Text whole, its line breaks made `\n`. */
function normaliseNewlines(text: string): string {
  const newlines = new NewlineNormaliser();
  return newlines.write(text) + newlines.end();
}

/**
 * The records of whole lines of a CSV — bytes that end after a line break, or at the file's end —
 * as the streaming reader parses them: the last line break ends its line and begins no record
 * (the bytes of one line break are one blank record). `midFile`: the bytes are lines from inside
 * a file, where a byte order mark is a character of a cell, as the streaming reader reads it.
 */
export function parseLines(
  bytes: Uint8Array,
  file: string,
  encoding: CsvEncoding,
  delimiter: string,
  midFile = false,
): string[][] {
  let text = midFile
    ? normaliseNewlines(new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes))
    : decodeText(new CsvDecoder(file, encoding), bytes);
  const ended = text.endsWith("\n");
  if (ended) text = text.slice(0, -1);
  if (text === "") return ended ? [[""]] : [];
  return Papa.parse<string[]>(text, {
    header: false,
    delimiter,
    newline: "\n",
    skipEmptyLines: false,
  }).data;
}

/** Reads a CSV held in memory (a zip entry, a file picked in a browser) into the loader. */
export function readCsvBytes(bytes: Uint8Array, source: CsvSource, ctx: ReadContext): void {
  const decoder = new CsvDecoder(source.file);
  const text = decodeText(decoder, bytes);
  const collector = new RecordCollector(ctx, {
    file: source.file,
    label: source.label,
    collection: source.collection,
    encoding: decoder.encoding ?? "utf-8",
    quietIfUnrecognised: source.quietIfUnrecognised ?? false,
  });
  let line = 0;
  let n = 0;
  Papa.parse<string[]>(text, {
    header: false,
    delimiter: detectDelimiter(text),
    newline: "\n",
    skipEmptyLines: false,
    step(result) {
      line++;
      collector.record(result.data, line);
      if (++n === 4096) {
        ctx.onRows?.(n);
        n = 0;
      }
    },
  });
  if (n > 0) ctx.onRows?.(n);
  collector.finish();
}
