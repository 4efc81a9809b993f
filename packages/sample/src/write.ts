/**
 * Writing a sample to disk with io's writers: a folder of CSV files (Chinese headers and labels by
 * default), one JSON file, or one XLSX workbook. The county is written from memory; the province
 * partition by partition — CSV files are appended to, JSON and XLSX are assembled from one
 * temporary JSON-lines file per collection — so it is never held in memory at once.
 */
import { once } from "node:events";
import {
  closeSync,
  createReadStream,
  createWriteStream,
  openSync,
  readSync,
  type WriteStream,
} from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { COLLECTION_NAMES, type CollectionName } from "@shuangbao/core";
import { type DatasetRows, writeDatasetCsv, writeDatasetXlsx } from "@shuangbao/io";
import { CsvFolderAppender } from "./csv-append.js";
import { generate, generateCounties, type PartitionOptions } from "./generate.js";
import type { PartitionDataset, SeededFault } from "./model.js";

export interface WriteSampleOptions extends PartitionOptions {
  /** A folder for `csv`; a file for `json` and `xlsx`. */
  out: string;
  format: "csv" | "json" | "xlsx";
  /** CSV and XLSX headers, sheet names, enum labels and 是/否 (`zh`, default) or field names and values (`en`). JSON is always in field names and values. */
  language?: "zh" | "en";
}

export interface WriteSampleResult {
  /** Rows written per collection. */
  counts: Record<CollectionName, number>;
  seeded: SeededFault[];
  /** Partitions written (1 + the counties). */
  partitions: number;
}

type Counts = Record<CollectionName, number>;
const zero = (): Counts => Object.fromEntries(COLLECTION_NAMES.map((c) => [c, 0])) as Counts;

function* counted<T>(rows: Iterable<T>, counts: Counts, name: CollectionName): Generator<T> {
  for (const row of rows) {
    counts[name]++;
    yield row;
  }
}

/** A dataset whose collections count their rows as a writer reads them. */
function counting(dataset: PartitionDataset, counts: Counts): DatasetRows {
  return Object.fromEntries(
    COLLECTION_NAMES.map((c) => [
      c,
      counted(dataset[c] as Iterable<Record<string, unknown>>, counts, c),
    ]),
  );
}

/**
 * A dataset as JSON text: one row per line, collections in the data model's order.
 * @example datasetJson({ cities: [{ id: "340800", name: "安庆市" }] }) // '{\n"cities": [\n{…}\n]\n}\n'
 */
export function datasetJson(dataset: DatasetRows): string {
  const parts = COLLECTION_NAMES.filter((c) => dataset[c]).map((c) => {
    const rows = [...dataset[c]!].map((r) => JSON.stringify(r));
    return `${JSON.stringify(c)}: [${rows.length ? `\n${rows.join(",\n")}\n` : ""}]`;
  });
  return `{\n${parts.join(",\n")}\n}\n`;
}

async function write(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, "drain");
}

/** Reads a JSON-lines file synchronously, row by row (for writers that take sync iterables). */
function* jsonLines(path: string): Generator<Record<string, unknown>> {
  const fd = openSync(path, "r");
  const buffer = Buffer.alloc(1 << 20);
  const decoder = new TextDecoder();
  let rest = "";
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
      rest += decoder.decode(buffer.subarray(0, n), { stream: true });
      let start = 0;
      for (let i = rest.indexOf("\n"); i >= 0; i = rest.indexOf("\n", start)) {
        yield JSON.parse(rest.slice(start, i));
        start = i + 1;
      }
      rest = rest.slice(start);
    }
  } finally {
    closeSync(fd);
  }
}

async function writePartitioned(options: WriteSampleOptions): Promise<WriteSampleResult> {
  const counts = zero();
  const seeded: SeededFault[] = [];
  let partitions = 0;
  const language = options.language ?? "zh";
  if (options.format === "csv") {
    const csv = await CsvFolderAppender.open(options.out, language);
    for (const part of generateCounties(options)) {
      await csv.append(counting(part.dataset, counts));
      seeded.push(...part.seeded);
      partitions++;
    }
    await csv.close();
    return { counts, seeded, partitions };
  }
  await mkdir(dirname(options.out), { recursive: true });
  const spool = await mkdtemp(join(dirname(options.out), ".sample-"));
  try {
    const files = new Map(
      COLLECTION_NAMES.map((c) => [c, createWriteStream(join(spool, `${c}.jsonl`))]),
    );
    for (const part of generateCounties(options)) {
      for (const c of COLLECTION_NAMES) {
        let buffer = "";
        for (const row of part.dataset[c] as Iterable<unknown>) {
          buffer += `${JSON.stringify(row)}\n`;
          counts[c]++;
          if (buffer.length > 1 << 20) {
            await write(files.get(c)!, buffer);
            buffer = "";
          }
        }
        if (buffer) await write(files.get(c)!, buffer);
      }
      seeded.push(...part.seeded);
      partitions++;
    }
    await Promise.all(
      [...files.values()].map((f) => {
        f.end();
        return once(f, "finish");
      }),
    );
    if (options.format === "xlsx") {
      const rows = Object.fromEntries(
        COLLECTION_NAMES.map((c) => [
          c,
          { [Symbol.iterator]: () => jsonLines(join(spool, `${c}.jsonl`)) },
        ]),
      );
      await writeDatasetXlsx(rows, options.out, { language });
    } else {
      const out = createWriteStream(options.out);
      await write(out, "{\n");
      for (const [i, c] of COLLECTION_NAMES.entries()) {
        await write(out, `${i ? ",\n" : ""}${JSON.stringify(c)}: [`);
        let first = true;
        let pending = "";
        for await (const chunk of createReadStream(join(spool, `${c}.jsonl`), "utf8")) {
          const lines = (pending + chunk).split("\n");
          pending = lines.pop()!;
          if (lines.length === 0) continue;
          await write(out, `${first ? "\n" : ",\n"}${lines.join(",\n")}`);
          first = false;
        }
        await write(out, first ? "]" : "\n]");
      }
      await write(out, "\n}\n");
      out.end();
      await once(out, "finish");
    }
  } finally {
    await rm(spool, { recursive: true, force: true });
  }
  return { counts, seeded, partitions };
}

/**
 * Writes a sample: the county from memory, the province partition by partition.
 * @example await writeSample({ scale: "county", seed: 2014, violations: 0.02, out: "examples/yuexi", format: "csv" });
 */
export async function writeSample(options: WriteSampleOptions): Promise<WriteSampleResult> {
  if (options.scale !== "county") return writePartitioned(options);
  const { dataset, seeded } = generate(options);
  const language = options.language ?? "zh";
  const counts = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, dataset[c].length])) as Counts;
  if (options.format === "csv") await writeDatasetCsv(dataset, options.out, { language });
  else if (options.format === "xlsx") {
    await mkdir(dirname(options.out), { recursive: true });
    await writeDatasetXlsx(dataset, options.out, { language });
  } else {
    await mkdir(dirname(options.out), { recursive: true });
    await writeFile(options.out, datasetJson(dataset));
  }
  return { counts, seeded, partitions: 2 };
}
