/**
 * CSV files on disk, streamed: read (decoded chunk by chunk, parsed record by record, handed to
 * the loader in batches — as `readCsvBytes` reads bytes held in memory) and written (rows as
 * `tableToCsv` writes them).
 */
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { open } from "node:fs/promises";
import { Transform } from "node:stream";
import type { Table } from "@shuangbao/core";
import Papa from "papaparse";
import { type ReadContext, RecordCollector } from "./collect.js";
import { type CsvSource, detectDelimiter, NewlineNormaliser } from "./csv-reader.js";
import { BOM, type CsvOptions, cellText, csvHeaderOf, csvLine } from "./csv-writer.js";
import { CsvDecoder, DETECT_BYTES } from "./decode.js";
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

/** Streams a CSV file into the loader. */
export async function readCsvFile(
  path: string,
  source: CsvSource,
  ctx: ReadContext,
): Promise<void> {
  const name = source.file;
  // The encoding and delimiter are decided on the first bytes, before streaming begins.
  const probe = new CsvDecoder(name);
  const first = new NewlineNormaliser().write(probe.write(await head(path, name)));
  const delimiter = detectDelimiter(first);
  const decoder = new CsvDecoder(name, probe.encoding);
  const newlines = new NewlineNormaliser();
  const collector = new RecordCollector(ctx, {
    file: name,
    label: source.label,
    collection: source.collection,
    encoding: probe.encoding ?? "utf-8",
    quietIfUnrecognised: source.quietIfUnrecognised ?? false,
  });
  const decode = new Transform({
    readableObjectMode: false,
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
    const input = createReadStream(path, { highWaterMark: 1 << 20 });
    input.on("error", (e) =>
      reject(new InputError(name, `无法读取 / cannot be read: ${e.message}`)),
    );
    decode.on("error", reject);
    let line = 0;
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
  collector.finish();
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
