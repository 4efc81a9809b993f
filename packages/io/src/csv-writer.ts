/**
 * CSV writing: UTF-8 with BOM (so Excel opens Chinese correctly), RFC 4180 quoting, CRLF. In forms
 * and reports, text starting with = + - @ is escaped against formula injection; the dataset
 * writer (for round trips) writes values as they are.
 */
import type { Cell, Table } from "@shuangbao/core";
import Papa from "papaparse";

export interface CsvOptions {
  /** Escape text cells that start with = + - @ (default true). */
  escapeFormulas?: boolean;
  /** Header language: the Chinese header (default) or the English key. */
  headers?: "zh" | "en" | "key";
}

export const BOM = "\uFEFF";
const FORMULA = /^[=+\-@\t\r]/;

/** A cell as CSV text: booleans as 是/否 for Chinese headers, dates as written. */
export function cellText(cell: Cell, options: CsvOptions = {}): string {
  if (cell === undefined) return "";
  if (typeof cell === "boolean")
    return options.headers === "zh" || options.headers === undefined
      ? cell
        ? "是"
        : "否"
      : String(cell);
  const text = String(cell);
  if (typeof cell === "string" && options.escapeFormulas !== false && FORMULA.test(text))
    return `'${text}`;
  return text;
}

export function csvHeaderOf(c: Table["columns"][number], options: CsvOptions): string {
  return options.headers === "en" ? (c.en ?? c.key) : options.headers === "key" ? c.key : c.header;
}

export function csvLine(cells: string[]): string {
  return `${Papa.unparse([cells], { newline: "\r\n", quotes: false })}\r\n`;
}

/**
 * A table as CSV text (BOM, header, rows).
 * @example tableToCsv({ id: "t", columns: [{ key: "a", header: "甲" }], rows: [{ a: "=1" }] })
 *   // "\uFEFF甲\r\n'=1\r\n"
 */
export function tableToCsv(table: Table, options: CsvOptions = {}): string {
  const parts = [BOM, csvLine(table.columns.map((c) => csvHeaderOf(c, options)))];
  for (const row of table.rows)
    parts.push(csvLine(table.columns.map((c) => cellText(row[c.key], options))));
  return parts.join("");
}
