/**
 * Reading a dataset from bytes in memory: one file's (JSON, an XLSX workbook, a zip of CSV
 * files — what the API receives), or several files' (a folder picked in a browser: its CSV files
 * read as the CLI reads a folder). Rows stream into core's incremental loader with their
 * provenance; what was read as what is told in `ReadOptions.structure`. No Node API: this runs in
 * a browser's Web Worker too. `read.ts` reads from paths.
 */
import {
  addDatasetObject,
  type CollectionName,
  collectionNamed,
  type DatasetIndex,
  DatasetLoader,
  fieldSpecs,
} from "@shuangbao/core";
import { countRows, type ReadContext, readContext } from "./collect.js";
import { readCsvBytes } from "./csv-reader.js";
import { looksBinary, utf16Order } from "./decode.js";
import { InputError } from "./errors.js";
import { DEFAULT_READ_LIMITS, ReadLimitError, type ReadLimits } from "./limits.js";
import { baseName, extName } from "./names.js";
import type { SourceStructure } from "./structure.js";
import { readXlsx } from "./xlsx-reader.js";
import { entryBytes, isZip, zipEntries } from "./zip.js";

/** How a large visits file on disk is read on worker threads (Node only; `csv-parallel.ts`). */
export interface ParallelOptions {
  /** Worker threads (default: the machine's available parallelism; 0: read on this thread). */
  threads: number;
  /** Files from this size are read in parallel (default 32 MiB). */
  minBytes: number;
  /** About this many bytes a range of lines (default 4 MiB). */
  chunkBytes: number;
}

/** Options of a read. */
export interface ReadOptions {
  /** Called as rows are read (a count of new rows), for progress displays. */
  onRows?: (n: number) => void;
  /**
   * Filled with milliseconds: `load` is the time spent in core's loader (validating, indexing,
   * tallying), `read` the rest (files → rows). Reading and loading interleave as rows stream.
   */
  timings?: {
    read: number;
    load: number;
    /** Bytes of CSV parsed on worker threads (`parallel`), when any. */
    workerBytes?: number;
  };
  /**
   * Filled with one entry per source read (a JSON collection, a CSV file, a sheet, a zip entry),
   * in the order sources were read: sorted file names, workbook sheet order.
   */
  structure?: SourceStructure[];
  /**
   * Limits of this read (defaults: `DEFAULT_READ_LIMITS`; `readLimitsFromEnv` reads the
   * environment's): a read over one throws `ReadLimitError`, naming the limit.
   */
  limits?: Partial<ReadLimits>;
  /**
   * How a large visits file on disk is read on worker threads (`ParallelOptions`; a folder's
   * CSV files only: bytes in memory are read on this thread).
   */
  parallel?: Partial<ParallelOptions>;
}

export type Kind = "json" | "zip" | "binary" | "text";

export function sniff(bytes: Uint8Array): Kind {
  if (isZip(bytes)) return "zip";
  if (utf16Order(bytes)) return "text";
  if (looksBinary(bytes)) return "binary";
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i]!)) i++;
  if (bytes[i] === 0x7b || bytes[i] === 0x5b) return "json";
  return "text";
}

export const BINARY =
  "是二进制文件，不是 JSON、XLSX 或 CSV 压缩包 / is a binary file, not JSON, XLSX or a zip of CSV files";

/** A table file of a folder or zip: CSV, TSV, or tab-separated text (Excel's "Unicode text"). */
export const TABLE_EXTENSIONS = new Set([".csv", ".tsv", ".txt"]);

/** The collection a table file's name names (`贫困户.csv`), if any. */
export function fileCollection(file: string): CollectionName | undefined {
  return collectionNamed(baseName(file, extName(file)));
}

function parseJson(text: string, name: string, ctx: ReadContext): void {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new InputError(name, `不是有效的 JSON / is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new InputError(
      name,
      "是 JSON 文档，但不是由数据表组成的对象 / is a JSON document but not an object of collections",
    );
  }
  const object = doc as Record<string, unknown>;
  if (ctx.structure) jsonStructure(object, name, ctx.structure);
  const rows = Object.values(object).reduce<number>(
    (n, v) => n + (Array.isArray(v) ? v.length : 0),
    0,
  );
  for (const [key, value] of Object.entries(object)) {
    const collection = Array.isArray(value) ? collectionNamed(key) : undefined;
    if (collection) countRows(ctx, collection, (value as unknown[]).length, `${name}: ${key}`);
  }
  addDatasetObject(ctx.loader, object);
  ctx.onRows?.(rows);
}

/** One structure entry per key of a JSON dataset (its `parameters` aside). */
function jsonStructure(doc: Record<string, unknown>, name: string, out: SourceStructure[]): void {
  for (const [key, value] of Object.entries(doc)) {
    if (key === "parameters") continue;
    const collection = collectionNamed(key);
    const rows = Array.isArray(value) ? value.length : 0;
    if (!collection) {
      out.push({ file: name, matched: [], ignored: [], rows });
      continue;
    }
    const specs = fieldSpecs(collection);
    const keys = new Set<string>();
    if (Array.isArray(value)) {
      for (const row of value) {
        if (row && typeof row === "object" && !Array.isArray(row)) for (const k in row) keys.add(k);
      }
    }
    const matched: { header: string; field: string }[] = [];
    const ignored: string[] = [];
    for (const k of keys) {
      if (specs.has(k)) matched.push({ header: k, field: k });
      else ignored.push(k);
    }
    out.push({ file: name, collection, recognisedBy: "name", matched, ignored, rows });
  }
}

/** A loader that times its own work into `timings.load`. */
export function timedLoader(
  timings: ReadOptions["timings"],
  limits: ReadOptions["limits"],
): {
  loader: DatasetLoader;
  finish: () => DatasetIndex;
} {
  const loader = new DatasetLoader({
    maxFindingsPerColumn: limits?.findingsPerColumn ?? DEFAULT_READ_LIMITS.findingsPerColumn,
  });
  const start = performance.now();
  if (!timings) return { loader, finish: () => loader.finish() };
  let load = 0;
  // Each way rows enter the loader, its time counted as `load`.
  const timed =
    <A extends unknown[]>(f: (...args: A) => void) =>
    (...args: A) => {
      const t = performance.now();
      f(...args);
      load += performance.now() - t;
    };
  loader.add = timed(loader.add.bind(loader));
  loader.addRecords = timed(loader.addRecords.bind(loader));
  loader.addVisitColumns = timed(loader.addVisitColumns.bind(loader));
  return {
    loader,
    finish: () => {
      const t = performance.now();
      const index = loader.finish();
      load += performance.now() - t;
      timings.load = Math.round(load);
      timings.read = Math.round(performance.now() - start - load);
      return index;
    },
  };
}

/**
 * A zip of CSV files: each table file read in name order, as the collection its name names or
 * its headers show. Entry names are decoded as their maker wrote them (GBK from Chinese Windows).
 */
function readZipOfCsv(
  bytes: Uint8Array,
  name: string,
  ctx: ReadContext,
  entries: ReturnType<typeof zipEntries>,
): void {
  const tables = entries
    .filter(
      (e) =>
        !e.name.endsWith("/") &&
        !e.name.startsWith("__MACOSX/") &&
        !baseName(e.name).startsWith(".") &&
        TABLE_EXTENSIONS.has(extName(e.name).toLowerCase()),
    )
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (tables.length === 0) {
    throw new InputError(
      name,
      "是压缩包，但其中没有 CSV 文件 / is a zip file with no CSV files in it",
    );
  }
  for (const entry of tables) {
    const file = baseName(entry.name);
    let data: Uint8Array;
    try {
      data = entryBytes(bytes, entry, ctx.budget, `${name}/${entry.name}`);
    } catch (error) {
      if (error instanceof ReadLimitError) throw error;
      throw new InputError(
        `${name}/${entry.name}`,
        `无法解压 / cannot be unzipped: ${(error as Error).message}`,
      );
    }
    readCsvBytes(
      data,
      {
        file,
        label: `${name}/${entry.name}`,
        collection: fileCollection(file),
        quietIfUnrecognised: extName(file).toLowerCase() === ".txt",
      },
      ctx,
    );
  }
}

/**
 * Reads one file's bytes — JSON, an XLSX workbook or a zip of CSV files — into the loader; `label`
 * names the input in errors (its path, or the upload's name), `expected` says what would do.
 */
export async function readBytesInto(
  bytes: Uint8Array,
  label: string,
  name: string,
  ctx: ReadContext,
  expected: string,
): Promise<void> {
  if (bytes.length === 0) throw new InputError(label, "是空文件 / is empty");
  const kind = sniff(bytes);
  if (kind === "json") parseJson(new TextDecoder().decode(bytes), name, ctx);
  else if (kind === "zip") {
    let entries: ReturnType<typeof zipEntries>;
    try {
      entries = zipEntries(bytes);
    } catch (error) {
      throw new InputError(
        label,
        `不是可读取的压缩包 / is not a readable zip file: ${(error as Error).message}`,
      );
    }
    const names = entries.map((e) => e.name);
    const xlsx = names.includes("[Content_Types].xml") && names.some((n) => n.startsWith("xl/"));
    if (xlsx) await readXlsx(bytes, name, ctx);
    else readZipOfCsv(bytes, name, ctx, entries);
  } else if (kind === "binary") {
    throw new InputError(label, BINARY);
  } else {
    throw new InputError(label, `不是数据集 / is not a dataset: ${expected}`);
  }
}

/**
 * Reads a dataset from bytes held in memory: JSON, an XLSX workbook, or a zip of CSV files.
 * Throws `InputError` when the bytes are none of these.
 * @example const index = await readDatasetFromBytes(body, { name: "upload.xlsx" });
 */
export async function readDatasetFromBytes(
  bytes: Uint8Array,
  options: ReadOptions & { name?: string } = {},
): Promise<DatasetIndex> {
  const name = options.name ?? "input";
  const { loader, finish } = timedLoader(options.timings, options.limits);
  await readBytesInto(
    bytes,
    name,
    name,
    readContext(loader, options),
    "应为 JSON、XLSX 工作簿或 CSV 文件的压缩包 / expected JSON, XLSX or a zip of CSV files",
  );
  return finish();
}

/** A file held in memory: its name (a path's last part is taken) and its bytes. */
export interface FileBytes {
  name: string;
  bytes: Uint8Array;
}

/**
 * Reads a dataset from several files held in memory — what a browser's file picker or a dropped
 * folder gives. Table files (CSV, TSV, tab-separated TXT) are read as the CLI reads a folder:
 * sorted by name, each as the collection its name names or its headers show, dot files passed
 * over and other files ignored. Without table files, the one JSON file, XLSX workbook or zip is
 * read as `readDatasetFromBytes` reads it. `name` names the input in errors.
 * @example const index = await readDatasetFromFiles([{ name: "贫困户.csv", bytes }], { name: "yuexi" });
 */
export async function readDatasetFromFiles(
  files: readonly FileBytes[],
  options: ReadOptions & { name?: string } = {},
): Promise<DatasetIndex> {
  const label = options.name ?? "input";
  const named = files
    .map((f) => ({ name: baseName(f.name), bytes: f.bytes }))
    .filter((f) => f.name !== "" && !f.name.startsWith("."));
  const tables = named
    .filter((f) => TABLE_EXTENSIONS.has(extName(f.name).toLowerCase()))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { loader, finish } = timedLoader(options.timings, options.limits);
  const ctx = readContext(loader, options);
  if (tables.length > 0) {
    for (const { name, bytes } of tables) {
      readCsvBytes(
        bytes,
        {
          file: name,
          collection: fileCollection(name),
          quietIfUnrecognised: extName(name).toLowerCase() === ".txt",
        },
        ctx,
      );
    }
  } else if (named.length === 1) {
    const only = named[0]!;
    await readBytesInto(
      only.bytes,
      only.name,
      only.name,
      ctx,
      "应为 JSON、XLSX 工作簿、CSV 文件或 CSV 文件的压缩包 / expected JSON, XLSX, CSV files or a zip of CSV files",
    );
  } else {
    throw new InputError(
      label,
      named.length === 0
        ? "没有可读取的文件 / holds no files to read"
        : "请给出一个 JSON 文件、XLSX 工作簿或压缩包，或若干 CSV 文件 / give one JSON file, XLSX workbook or zip, or CSV files",
    );
  }
  return finish();
}
