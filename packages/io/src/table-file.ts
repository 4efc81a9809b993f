/**
 * A set of tables as one file's bytes, in the formats the CLI and the API both write: CSV (one
 * table, as `tableToCsv`), XLSX (a sheet per table, as `tablesXlsx`) or JSON (one table, its rows
 * an array). One function, so a table downloaded from the API and written by the CLI are the
 * same bytes.
 */
import type { Table } from "@shuangbao/core";
import { tableToCsv } from "./csv-writer.js";
import { tablesXlsx } from "./xlsx-writer.js";

/** The formats of a table file. */
export type TableFormat = "csv" | "xlsx" | "json";

export interface TableFileOptions {
  /** Header language (and 是/否 for booleans in Chinese): the Chinese header by default. */
  headers?: "zh" | "en";
}

const encoder = new TextEncoder();

/**
 * Tables as the bytes of one file. CSV and JSON hold one table: more is a `RangeError`.
 * @example await tablesFile([planTable(plan, "villageAssignments")], "csv") // BOM, header, rows
 */
export async function tablesFile(
  tables: readonly Table[],
  format: TableFormat,
  options: TableFileOptions = {},
): Promise<Uint8Array> {
  if (format === "xlsx") return tablesXlsx(tables, options);
  if (tables.length !== 1)
    throw new RangeError(`a ${format} file holds one table, not ${tables.length}`);
  const table = tables[0]!;
  if (format === "csv") return encoder.encode(tableToCsv(table, options));
  return encoder.encode(JSON.stringify({ ...table, rows: [...table.rows] }));
}
