/**
 * CSV files on disk, streamed: read (decoded chunk by chunk, parsed record by record, handed to
 * the loader in batches — as `readCsvBytes` reads bytes held in memory) and written (rows as
 * `tableToCsv` writes them).
 */
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { Transform } from "node:stream";
import type { Table } from "@shuangbao/core";
import Papa from "papaparse";
import { type ReadContext, RecordCollector } from "./collect.js";
import { ParallelCsv, parallelOptions } from "./csv-parallel.js";
import { type CsvSource, detectDelimiter, NewlineNormaliser } from "./csv-reader.js";
import { BOM, type CsvOptions, cellText, csvHeaderOf, csvLine } from "./csv-writer.js";
import { CsvDecoder, type CsvEncoding, DETECT_BYTES } from "./decode.js";
import { InputError } from "./errors.js";

/** The first bytes of a file. */
async function head(path: string, name: string, size = DETECT_BYTES): Promise<Uint8Array> {
  try {
    const handle = await open(path, "r");
    try {
      const buffer = Buffer.alloc(size);
      const { bytesRead } = await handle.read(buffer, 0, size, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new InputError(name, `无法读取 / cannot be read: ${(error as Error).message}`);
  }
}

/**
 * What a CSV file's first bytes say: its encoding and delimiter, and — a large visits file — its
 * plan for worker threads (`ParallelCsv`), which may start before the file's turn.
 */
export interface CsvStart {
  first: Uint8Array;
  encoding: CsvEncoding | undefined;
  delimiter: string;
  parallel?: ParallelCsv;
}

/** Looks at a CSV file's first bytes (`CsvStart`). */
export async function startCsvFile(
  path: string,
  source: CsvSource,
  ctx: ReadContext,
): Promise<CsvStart> {
  const name = source.file;
  // The encoding and delimiter are decided on the first bytes, before streaming begins.
  const probe = new CsvDecoder(name);
  const first = await head(path, name);
  const delimiter = detectDelimiter(new NewlineNormaliser().write(probe.write(first)));
  const parallel =
    source.collection === "visits" && ctx.loader.takesFastPath
      ? await ParallelCsv.plan(
          path,
          name,
          first,
          probe.encoding,
          delimiter,
          await sizeOf(path, name),
          parallelOptions(ctx.parallel),
        )
      : undefined;
  return { first, encoding: probe.encoding, delimiter, ...(parallel ? { parallel } : {}) };
}

/**
 * Reads a CSV file into the loader: streamed on this thread, or — a large visits file — its head
 * here and the rest on worker threads (`csv-parallel.ts`), with the same result. `started`: what
 * `startCsvFile` found, its workers perhaps begun.
 */
export async function readCsvFile(
  path: string,
  source: CsvSource,
  ctx: ReadContext,
  started?: CsvStart,
): Promise<void> {
  const { encoding, delimiter, parallel } = started ?? (await startCsvFile(path, source, ctx));
  const collector = new RecordCollector(ctx, {
    file: source.file,
    label: source.label,
    collection: source.collection,
    encoding: encoding ?? "utf-8",
    quietIfUnrecognised: source.quietIfUnrecognised ?? false,
  });
  let from = { start: 0, line: 0 };
  if (parallel) {
    try {
      for (const record of parallel.head.records) collector.record(record, ++from.line);
      ctx.onRows?.(parallel.head.records.length);
      from.start = parallel.head.end;
      const found = collector.dataHeader;
      if (found?.collection === "visits" && parallel.fits(found)) {
        const rest = await parallel.read(collector, from.line, ctx.onRows);
        if (ctx.timings)
          ctx.timings.workerBytes = (ctx.timings.workerBytes ?? 0) + rest.start - from.start;
        if (rest.done) {
          collector.finish();
          return;
        }
        from = rest;
      }
    } finally {
      await parallel.close();
    }
  }
  await streamCsv(path, from, encoding, delimiter, collector, ctx);
  collector.finish();
}

/** A file's size in bytes. */
async function sizeOf(path: string, name: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    throw new InputError(name, `无法读取 / cannot be read: ${(error as Error).message}`);
  }
}

/** Streams a CSV file from byte `from.start` (a line's first), its records after line `from.line`. */
async function streamCsv(
  path: string,
  from: { start: number; line: number },
  encoding: CsvEncoding | undefined,
  delimiter: string,
  collector: RecordCollector,
  ctx: ReadContext,
): Promise<void> {
  const name = collector.file;
  const decoder = new CsvDecoder(name, encoding);
  const newlines = new NewlineNormaliser();
  // Text chunks stay strings on their way to the parser (object mode): a byte stream would turn
  // each into a Buffer that Papa Parse then decodes again.
  const decode = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      try {
        done(null, newlines.write(decoder.write(chunk)));
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        done(null, newlines.write(decoder.end()) + newlines.end());
      } catch (error) {
        done(error as Error);
      }
    },
  });
  await new Promise<void>((resolve, reject) => {
    // Chunks of 256 KiB (not 1 MiB): each is decoded into a string the parser holds while it
    // parses, and a string that outlives a young collection stays until the next full one. On
    // the province 1 MiB chunks left 400 MB of them in the heap while the households were read.
    const input = createReadStream(path, { highWaterMark: 1 << 18, start: from.start });
    input.on("error", (e) =>
      reject(new InputError(name, `无法读取 / cannot be read: ${e.message}`)),
    );
    decode.on("error", reject);
    let line = from.line;
    // `chunk` hands over a block of records at a time: much faster than a callback per record.
    Papa.parse<string[]>(input.pipe(decode), {
      header: false,
      delimiter,
      newline: "\n",
      skipEmptyLines: false,
      chunk(result) {
        const records = result.data;
        for (let i = 0; i < records.length; i++) {
          line++;
          collector.record(records[i]!, line);
        }
        ctx.onRows?.(records.length);
      },
      complete() {
        resolve();
      },
      error(e: Error) {
        reject(new InputError(name, `无法按 CSV 读取 / cannot be parsed as CSV: ${e.message}`));
      },
    });
  });
}

/** Writes a table to a CSV file, streaming its rows. */
export async function writeTableCsv(
  table: Table,
  path: string,
  options: CsvOptions = {},
): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(BOM + csvLine(table.columns.map((c) => csvHeaderOf(c, options))));
  let buffer = "";
  for (const row of table.rows) {
    buffer += csvLine(table.columns.map((c) => cellText(row[c.key], options)));
    if (buffer.length > 1 << 16) {
      await write(buffer);
      buffer = "";
    }
  }
  if (buffer) await write(buffer);
  out.end();
  await once(out, "finish");
}
