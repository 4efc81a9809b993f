/**
 * XLSX writing with exceljs's streaming writer: a sheet per table, bold frozen header, sensible
 * widths, dates as date cells; a table longer than a sheet continues on `name (2)`, … In forms
 * and reports, text starting with = + - @ is escaped against formula injection.
 */
import { writeFile } from "node:fs/promises";
import { PassThrough, type Writable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { finished } from "node:stream/promises";
import type { Cell, Table } from "@shuangbao/core";
import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";

/** Rows a sheet holds below its header. */
export const MAX_SHEET_ROWS = 1_048_575;

export interface XlsxOptions {
  escapeFormulas?: boolean;
  headers?: "zh" | "en" | "key";
  /** Rows per sheet before continuing on the next (for tests; default the format's limit). */
  maxRowsPerSheet?: number;
}

const FORMULA = /^[=+\-@\t\r]/;

function value(cell: Cell, kind: string | undefined, options: XlsxOptions): ExcelJS.CellValue {
  if (cell === undefined) return null;
  if (kind === "date" && typeof cell === "string" && /^\d{4}-\d{2}-\d{2}$/.test(cell)) {
    return new Date(`${cell}T00:00:00Z`);
  }
  if (typeof cell === "boolean")
    return options.headers === "zh" || options.headers === undefined ? (cell ? "是" : "否") : cell;
  if (typeof cell === "string" && options.escapeFormulas !== false && FORMULA.test(cell))
    return `'${cell}`;
  return cell;
}

function width(header: string, kind: string | undefined): number {
  const len = [...header].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);
  return Math.min(50, Math.max(kind === "date" ? 12 : 10, len + 2));
}

/** A sheet name: at most 31 characters, with a continuation suffix from the second sheet on. */
export function sheetName(base: string, part: number): string {
  const suffix = part > 1 ? ` (${part})` : "";
  return base.slice(0, 31 - suffix.length) + suffix;
}

/** The fixed timestamp of every part and of the workbook's properties: same input, same bytes. */
const EPOCH = new Date(Date.UTC(2014, 6, 9));

/**
 * The workbook re-packed with fixed timestamps (exceljs stamps the time of writing into the zip
 * entries and the document properties), so the same tables give the same bytes.
 */
function deterministic(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  const core = parts["docProps/core.xml"];
  if (core) {
    const text = new TextDecoder()
      .decode(core)
      .replace(
        /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g,
        EPOCH.toISOString().replace(/\.\d+Z$/, "Z"),
      );
    parts["docProps/core.xml"] = new TextEncoder().encode(text);
  }
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [name, data] of Object.entries(parts)) entries[name] = [data, { mtime: EPOCH }];
  return zipSync(entries, { level: 6 });
}

/**
 * Writes tables to an XLSX workbook (a path or a stream), a sheet (or more) per table. The same
 * tables give the same bytes.
 */
export async function writeTablesXlsx(
  tables: readonly Table[],
  target: string | Writable,
  options: XlsxOptions = {},
): Promise<void> {
  const sink = new PassThrough();
  const collected = buffer(sink);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.created = EPOCH;
  workbook.modified = EPOCH;
  const limit = options.maxRowsPerSheet ?? MAX_SHEET_ROWS;
  for (const table of tables) {
    const base = table.sheet ?? table.id;
    let part = 0;
    let sheet: ExcelJS.Worksheet | undefined;
    let rows = 0;
    const start = () => {
      part++;
      sheet = workbook.addWorksheet(sheetName(base, part), {
        views: [{ state: "frozen", ySplit: 1 }],
      });
      sheet.columns = table.columns.map((c) => ({
        key: c.key,
        header:
          options.headers === "en" ? (c.en ?? c.key) : options.headers === "key" ? c.key : c.header,
        width: width(c.header, c.kind),
        ...(c.kind === "date" ? { style: { numFmt: "yyyy-mm-dd" } } : {}),
      }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
      rows = 0;
    };
    start();
    for (const row of table.rows) {
      if (rows === limit) {
        sheet!.commit();
        start();
      }
      sheet!.addRow(table.columns.map((c) => value(row[c.key], c.kind, options))).commit();
      rows++;
    }
    sheet!.commit();
  }
  await workbook.commit();
  const bytes = deterministic(new Uint8Array(await collected));
  if (typeof target === "string") await writeFile(target, bytes);
  else {
    target.end(Buffer.from(bytes));
    await finished(target);
  }
}
