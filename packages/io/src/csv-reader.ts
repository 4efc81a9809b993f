/**
 * CSV reading with papaparse: from a file, streamed (decoded chunk by chunk, parsed record by
 * record, handed to the loader in batches), or from bytes held in memory (a zip entry).
 */
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { Transform } from "node:stream";
import type { CollectionName, DatasetLoader } from "@shuangbao/core";
import Papa from "papaparse";
import { RecordCollector } from "./collect.js";
import { CsvDecoder, decodeCsv } from "./decode.js";
import { InputError } from "./errors.js";

const isBlank = (cells: readonly string[]) => cells.length === 1 && cells[0]!.trim() === "";

/** Streams a CSV file into the loader as rows of `collection`. */
export async function readCsvFile(
  path: string,
  collection: CollectionName,
  loader: DatasetLoader,
  onRows?: (n: number) => void,
): Promise<void> {
  const name = basename(path);
  const decoder = new CsvDecoder(name);
  const collector = new RecordCollector(loader, collection, name);
  const decode = new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      try {
        done(null, decoder.write(chunk));
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      done(null, decoder.end());
    },
  });
  await new Promise<void>((resolve, reject) => {
    const input = createReadStream(path, { highWaterMark: 1 << 20 });
    input.on("error", (e) => reject(new InputError(name, `cannot be read: ${e.message}`)));
    decode.on("error", reject);
    let line = 0;
    // `chunk` hands over a block of records at a time: much faster than a callback per record.
    Papa.parse<string[]>(input.pipe(decode), {
      header: false,
      skipEmptyLines: false,
      chunk(result) {
        const records = result.data;
        for (let i = 0; i < records.length; i++) {
          line++;
          const cells = records[i]!;
          if (!isBlank(cells)) collector.record(cells, line);
        }
        onRows?.(records.length);
      },
      complete() {
        collector.flush();
        resolve();
      },
      error(e: Error) {
        reject(new InputError(name, `cannot be parsed as CSV: ${e.message}`));
      },
    });
  });
}

/** Reads a CSV held in memory (e.g. a zip entry) into the loader. */
export function readCsvBytes(
  bytes: Uint8Array,
  name: string,
  collection: CollectionName,
  loader: DatasetLoader,
): void {
  const text = decodeCsv(bytes, name);
  const collector = new RecordCollector(loader, collection, name);
  let line = 0;
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    step(result) {
      line++;
      if (!isBlank(result.data)) collector.record(result.data, line);
    },
  });
  collector.flush();
}
