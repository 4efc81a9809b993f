/**
 * Reading a dataset from a path: one JSON file, a folder of CSV files, one XLSX workbook, a zip of
 * CSV files. Files stream from disk; bytes are read as `read-bytes.ts` reads them.
 */
import { open, readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { DatasetIndex } from "@shuangbao/core";
import { type ReadContext, readContext } from "./collect.js";
import { type CsvStart, readCsvFile, startCsvFile } from "./csv-file.js";
import { InputError } from "./errors.js";
import {
  BINARY,
  fileCollection,
  type ReadOptions,
  readBytesInto,
  sniff,
  TABLE_EXTENSIONS,
  timedLoader,
} from "./read-bytes.js";

export type { ReadOptions } from "./read-bytes.js";
export { readDatasetFromBytes, readDatasetFromFiles } from "./read-bytes.js";

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

async function readCsvFolder(dir: string, ctx: ReadContext) {
  const files = (await readdir(dir)).filter((f) => !f.startsWith(".")).sort();
  const tables = files.filter((f) => TABLE_EXTENSIONS.has(extname(f).toLowerCase()));
  if (tables.length === 0) {
    throw new InputError(
      dir,
      "是文件夹，但其中没有 CSV 文件 / is a folder with no CSV files in it",
    );
  }
  const sources = tables.map((file) => ({
    path: join(dir, file),
    source: {
      file,
      collection: fileCollection(file),
      quietIfUnrecognised: extname(file).toLowerCase() === ".txt",
    },
  }));
  // A large visits file's workers begin at once, while this thread reads the files before it.
  const started = new Map<string, CsvStart>();
  try {
    for (const { path, source } of sources) {
      if (source.collection !== "visits") continue;
      const start = await startCsvFile(path, source, ctx);
      start.parallel?.start();
      started.set(path, start);
    }
    for (const { path, source } of sources) await readCsvFile(path, source, ctx, started.get(path));
  } finally {
    for (const start of started.values()) await start.parallel?.close();
  }
}

/**
 * Reads a dataset from a path: a JSON file, a folder of `<collection>.csv` files (UTF-8, GBK or
 * UTF-16), an XLSX workbook, or a zip of CSV files. Throws `InputError` for input that cannot be
 * read at all; everything else about the data becomes findings.
 * @example const index = await readDatasetFromPath("examples/yuexi");
 */
export async function readDatasetFromPath(
  path: string,
  options: ReadOptions = {},
): Promise<DatasetIndex> {
  const { loader, finish } = timedLoader(options.timings, options.limits);
  const ctx = readContext(loader, options);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new InputError(path, "没有这个文件或文件夹 / no such file or folder");
  }
  if (info.isDirectory()) {
    await readCsvFolder(path, ctx);
  } else {
    // A binary file is refused from its first bytes, before it is read whole.
    const head = await firstBytes(path);
    if (head.length > 0 && sniff(head) === "binary") throw new InputError(path, BINARY);
    await readBytesInto(
      new Uint8Array(await readFile(path)),
      path,
      basename(path),
      ctx,
      "请给出 JSON 文件、CSV 文件夹、XLSX 工作簿或 CSV 文件的压缩包 / give a JSON file, a folder of CSV files, an XLSX workbook or a zip of CSV files",
    );
  }
  return finish();
}
