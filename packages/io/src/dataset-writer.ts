/**
 * Writing a dataset (for round trips, samples and the planner's completed dataset): a folder of
 * `<collection>.csv` files, or one workbook with a sheet per collection. Values are written as they
 * are — no formula escaping — so reading the files back gives the same dataset.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import {
  type Cell,
  COLLECTION_NAMES,
  COLLECTIONS,
  type CollectionName,
  type ColumnKind,
  type Table,
} from "@shuangbao/core";
import { writeTableCsv } from "./csv-file.js";
import { writeTablesXlsx } from "./xlsx-file.js";

/** Rows of some collections: arrays or any iterable (a generator, for data not held in memory). */
export type DatasetRows = { [C in CollectionName]?: Iterable<Record<string, unknown>> };

export interface DatasetWriteOptions {
  /** `zh`: Chinese headers, sheet names, enum labels and 是/否; `en`: field names and values. */
  language?: "zh" | "en";
  /** Rows per sheet in a workbook (default the format's limit). */
  maxRowsPerSheet?: number;
}

const KIND: Record<string, ColumnKind> = { date: "date", integer: "number", boolean: "boolean" };

/** The table of one collection, with its rows converted for the language. */
export function collectionTable(
  collection: CollectionName,
  rows: Iterable<Record<string, unknown>>,
  language: "zh" | "en" = "zh",
): Table {
  const c = COLLECTIONS[collection];
  const columns = c.fields.map((f) => ({
    key: f.name,
    header: f.header,
    en: f.name,
    kind: KIND[f.kind] ?? "text",
  }));
  const enums = c.fields.filter((f) => f.kind === "enum");
  function* convert(): Iterable<Record<string, Cell>> {
    for (const row of rows) {
      const out: Record<string, Cell> = {};
      for (const f of c.fields) {
        const v = row[f.name];
        if (v === undefined || v === null) continue;
        out[f.name] = typeof v === "object" ? String(v) : (v as Cell);
      }
      if (language === "zh") {
        for (const f of enums) {
          const v = out[f.name];
          if (typeof v === "string")
            out[f.name] = (f.vocabulary!.labels as Record<string, string>)[v] ?? v;
        }
      }
      yield out;
    }
  }
  return { id: collection, sheet: language === "zh" ? c.zh : collection, columns, rows: convert() };
}

function tables(dataset: DatasetRows, language: "zh" | "en"): Table[] {
  return COLLECTION_NAMES.filter((c) => dataset[c] !== undefined).map((c) =>
    collectionTable(c, dataset[c]!, language),
  );
}

/**
 * Writes a dataset as a folder of `<collection>.csv` files (UTF-8 with BOM).
 * @example await writeDatasetCsv(dataset, "out/yuexi", { language: "zh" });
 */
export async function writeDatasetCsv(
  dataset: DatasetRows,
  dir: string,
  options: DatasetWriteOptions = {},
) {
  const language = options.language ?? "zh";
  await mkdir(dir, { recursive: true });
  for (const table of tables(dataset, language)) {
    await writeTableCsv(table, join(dir, `${table.id}.csv`), {
      escapeFormulas: false,
      headers: language === "zh" ? "zh" : "key",
    });
  }
}

/**
 * Writes a dataset as one XLSX workbook, a sheet per collection; text columns (ids, codes, names)
 * are formatted as text, so ids typed in later stay text.
 */
export async function writeDatasetXlsx(
  dataset: DatasetRows,
  path: string,
  options: DatasetWriteOptions = {},
) {
  const language = options.language ?? "zh";
  await writeTablesXlsx(tables(dataset, language), path, {
    escapeFormulas: false,
    headers: language === "zh" ? "zh" : "key",
    textFormat: true,
    ...(options.maxRowsPerSheet ? { maxRowsPerSheet: options.maxRowsPerSheet } : {}),
  });
}
