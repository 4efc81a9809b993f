/**
 * A worker thread of the parallel CSV reader (`csv-parallel.ts`): reads one range of a visits
 * file's lines, decodes and parses it, and encodes its records as core's visit columns. A range
 * with a quote in it is not parsed here: a quoted field may hold a line break, and only a reader
 * that starts at the top of the file knows where the field ends.
 */
import { open } from "node:fs/promises";
import { encodeVisitRecords, type VisitColumns } from "@shuangbao/core";
import { parseLines } from "./csv-reader.js";
import type { CsvEncoding } from "./decode.js";
import { repeatsHeader } from "./headers.js";

/** One range of lines of a file: bytes `start` to `end`, each a line's first byte (or the end). */
export interface RangeTask {
  path: string;
  /** The file as messages name it. */
  file: string;
  start: number;
  end: number;
  encoding: CsvEncoding;
  delimiter: string;
  /** The field of each column, and the header's cells (`headerText`), of the file's header. */
  fields: (string | undefined)[];
  header: string[];
}

/** What a range gave: its records encoded (raw ones as cells), or that it holds a quote. */
export type RangeResult =
  | { quoted: true }
  | { quoted: false; records: number; columns: VisitColumns; raw: string[][] };

/** Reads, parses and encodes one range. */
export default async function readRange(task: RangeTask): Promise<RangeResult> {
  const bytes = Buffer.allocUnsafe(task.end - task.start);
  const handle = await open(task.path, "r");
  try {
    let at = 0;
    while (at < bytes.length) {
      const { bytesRead } = await handle.read(bytes, at, bytes.length - at, task.start + at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
  } finally {
    await handle.close();
  }
  if (bytes.indexOf(0x22) >= 0) return { quoted: true };
  const records = parseLines(bytes, task.file, task.encoding, task.delimiter);
  const width = task.header.length;
  const columns = encodeVisitRecords(
    task.fields,
    records,
    (cells) => cells.length === width && !repeatsHeader(task.header, cells),
  )!;
  return {
    quoted: false,
    records: records.length,
    columns,
    raw: columns.raw.map((r) => records[r]!),
  };
}
