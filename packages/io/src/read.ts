/**
 * Reading a dataset: from a path (one JSON file, a folder of CSV files, one XLSX workbook, a zip
 * of CSV files) or from bytes in memory (JSON, XLSX, zip) — what the API receives. Rows stream
 * into core's incremental loader with their provenance.
 */
import { open, readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import {
  addDatasetObject,
  collectionNamed,
  type DatasetIndex,
  DatasetLoader,
  dataFinding,
} from "@shuangbao/core";
import { unzipSync } from "fflate";
import { readCsvBytes, readCsvFile } from "./csv-reader.js";
import { looksBinary } from "./decode.js";
import { InputError } from "./errors.js";
import { readXlsx } from "./xlsx-reader.js";

/** Options of a read. */
export interface ReadOptions {
  /** Called as rows are read (a count of new rows), for progress displays. */
  onRows?: (n: number) => void;
  /**
   * Filled with milliseconds: `load` is the time spent in core's loader (validating, indexing,
   * tallying), `read` the rest (files → rows). Reading and loading interleave as rows stream.
   */
  timings?: { read: number; load: number };
}

type Kind = "json" | "zip" | "binary" | "text";

function sniff(bytes: Uint8Array): Kind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return "zip";
  if (looksBinary(bytes)) return "binary";
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i]!)) i++;
  if (bytes[i] === 0x7b || bytes[i] === 0x5b) return "json";
  return "text";
}

function parseJson(text: string, name: string, loader: DatasetLoader): void {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new InputError(name, `is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new InputError(name, "is a JSON document but not an object of collections");
  }
  addDatasetObject(loader, doc as Record<string, unknown>);
}

function isXlsx(entries: Record<string, Uint8Array> | string[]): boolean {
  const names = Array.isArray(entries) ? entries : Object.keys(entries);
  return names.includes("[Content_Types].xml") && names.some((n) => n.startsWith("xl/"));
}

/** A loader that times its own work into `timings.load`. */
function timedLoader(timings: ReadOptions["timings"]): {
  loader: DatasetLoader;
  finish: () => DatasetIndex;
} {
  const loader = new DatasetLoader();
  const start = performance.now();
  if (!timings) return { loader, finish: () => loader.finish() };
  let load = 0;
  const add = loader.add.bind(loader);
  loader.add = (collection, rows, provenance) => {
    const t = performance.now();
    add(collection, rows, provenance);
    load += performance.now() - t;
  };
  const addRecords = loader.addRecords.bind(loader);
  loader.addRecords = (collection, fields, records, provenance) => {
    const t = performance.now();
    addRecords(collection, fields, records, provenance);
    load += performance.now() - t;
  };
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

/** The names of a zip's entries, without inflating any of them. */
function zipEntryNames(bytes: Uint8Array, name: string): string[] {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch (error) {
    throw new InputError(name, `is not a readable zip file: ${(error as Error).message}`);
  }
  return names;
}

function readZipOfCsv(bytes: Uint8Array, name: string, loader: DatasetLoader): void {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => !f.name.endsWith("/") });
  } catch (error) {
    throw new InputError(name, `is not a readable zip file: ${(error as Error).message}`);
  }
  const csvs = Object.keys(entries)
    .filter((n) => !n.startsWith("__MACOSX/") && !basename(n).startsWith("."))
    .sort();
  if (csvs.length === 0) throw new InputError(name, "is a zip file with no CSV files in it");
  for (const entry of csvs) addCsvEntry(entry, entries[entry]!, loader);
}

function addCsvEntry(entry: string, bytes: Uint8Array, loader: DatasetLoader) {
  const file = basename(entry);
  const collection =
    extname(file).toLowerCase() === ".csv" ? collectionNamed(file.slice(0, -4)) : undefined;
  if (!collection) {
    loader.addFinding(
      dataFinding(
        "data.unknown-column",
        "unknownCollection",
        { collection: file, id: "*" },
        {},
        { source: { file } },
      ),
    );
    return;
  }
  readCsvBytes(bytes, file, collection, loader);
}

/**
 * Reads one file's bytes — JSON, an XLSX workbook or a zip of CSV files — into the loader; `label`
 * names the input in errors (its path, or the upload's name), `expected` says what would do.
 */
async function readBytesInto(
  bytes: Uint8Array,
  label: string,
  name: string,
  loader: DatasetLoader,
  expected: string,
  onRows?: (n: number) => void,
): Promise<void> {
  if (bytes.length === 0) throw new InputError(label, "is empty");
  const kind = sniff(bytes);
  if (kind === "json") parseJson(new TextDecoder().decode(bytes), name, loader);
  else if (kind === "zip") {
    if (isXlsx(zipEntryNames(bytes, label))) await readXlsx(bytes, name, loader, onRows);
    else readZipOfCsv(bytes, name, loader);
  } else if (kind === "binary") {
    throw new InputError(label, "is a binary file, not JSON, XLSX or a zip of CSV files");
  } else {
    throw new InputError(label, `is not a dataset: ${expected}`);
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
  const { loader, finish } = timedLoader(options.timings);
  await readBytesInto(
    bytes,
    name,
    name,
    loader,
    "expected JSON, XLSX or a zip of CSV files",
    options.onRows,
  );
  return finish();
}

async function firstBytes(path: string): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(8192);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function readCsvFolder(dir: string, loader: DatasetLoader, onRows?: (n: number) => void) {
  const files = (await readdir(dir)).filter((f) => !f.startsWith(".")).sort();
  const csvs = files.filter((f) => extname(f).toLowerCase() === ".csv");
  if (csvs.length === 0) throw new InputError(dir, "is a folder with no CSV files in it");
  for (const file of csvs) {
    const collection = collectionNamed(file.slice(0, -4));
    if (!collection) {
      loader.addFinding(
        dataFinding(
          "data.unknown-column",
          "unknownCollection",
          { collection: file, id: "*" },
          {},
          { source: { file } },
        ),
      );
      continue;
    }
    await readCsvFile(join(dir, file), collection, loader, onRows);
  }
}

/**
 * Reads a dataset from a path: a JSON file, a folder of `<collection>.csv` files (UTF-8 or GBK),
 * an XLSX workbook, or a zip of CSV files. Throws `InputError` for input that cannot be read at
 * all; everything else about the data becomes findings.
 * @example const index = await readDatasetFromPath("examples/yuexi");
 */
export async function readDatasetFromPath(
  path: string,
  options: ReadOptions = {},
): Promise<DatasetIndex> {
  const { loader, finish } = timedLoader(options.timings);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new InputError(path, "no such file or folder");
  }
  if (info.isDirectory()) {
    await readCsvFolder(path, loader, options.onRows);
  } else {
    // A binary file is refused from its first bytes, before it is read whole.
    const head = await firstBytes(path);
    if (head.length > 0 && sniff(head) === "binary") {
      throw new InputError(path, "is a binary file, not JSON, XLSX or a zip of CSV files");
    }
    await readBytesInto(
      new Uint8Array(await readFile(path)),
      path,
      basename(path),
      loader,
      "give a JSON file, a folder of CSV files, an XLSX workbook or a zip of CSV files",
      options.onRows,
    );
  }
  return finish();
}
