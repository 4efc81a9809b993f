/**
 * A worker thread of the parallel CSV reader (`csv-parallel.ts`): reads one range of a visits
 * file's lines, decodes and parses it, and encodes its records as core's visit columns. A range
 * with a quote in it is not parsed here: a quoted field may hold a line break, and only a reader
 * that starts at the top of the file knows where the field ends.
 */
import { open } from "node:fs/promises";
import { encodeVisitLines, encodeVisitRecords, type VisitColumns } from "@shuangbao/core";
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
  const width = task.header.length;
  // UTF-8 lines are encoded from their bytes; only the lines that are not plain are parsed.
  const lines =
    task.encoding === "utf-8"
      ? encodeVisitLines(task.fields, width, bytes, task.delimiter)
      : undefined;
  if (lines) {
    return {
      quoted: false,
      records: lines.lines,
      columns: lines.columns,
      raw: rawRecords(bytes, lines.rawLines, task),
    };
  }
  const records = parseLines(bytes, task.file, task.encoding, task.delimiter, true);
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

/**
 * The records of the lines `encodeVisitLines` left (start and end of each, in pairs), parsed
 * together: each line, given its own line break, is one record (no quote, no lone CR).
 */
function rawRecords(bytes: Uint8Array, lines: Int32Array, task: RangeTask): string[][] {
  if (lines.length === 0) return [];
  let size = 0;
  for (let j = 0; j < lines.length; j += 2) size += lines[j + 1]! - lines[j]! + 1;
  const joined = new Uint8Array(size);
  let at = 0;
  for (let j = 0; j < lines.length; j += 2) {
    joined.set(bytes.subarray(lines[j]!, lines[j + 1]!), at);
    at += lines[j + 1]! - lines[j]!;
    joined[at++] = 0x0a;
  }
  const records = parseLines(joined, task.file, task.encoding, task.delimiter, true);
  if (records.length !== lines.length / 2)
    throw new Error(`${task.file}: ${records.length} records of ${lines.length / 2} lines`);
  return records;
}
