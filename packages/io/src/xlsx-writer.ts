/**
 * XLSX writing with exceljs's streaming writer: a sheet per table, bold frozen header with an
 * autofilter, widths from the content, dates as date cells; a table longer than a sheet continues
 * on `name (2)`, … In forms and reports, text starting with = + - @ is escaped against formula
 * injection. Laid-out sheets (forms, the report) add a title row and notes above the table, wrap
 * long text and print landscape on A4 with the header repeated on every page. The same input
 * gives the same bytes.
 */
import { type Cell, type Column, FORMS, type Table, zhDate } from "@shuangbao/core";
import type ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";

/** Rows a sheet holds below its header. */
export const MAX_SHEET_ROWS = 1_048_575;

export interface XlsxOptions {
  escapeFormulas?: boolean;
  headers?: "zh" | "en" | "key";
  /** Rows per sheet before continuing on the next (for tests; default the format's limit). */
  maxRowsPerSheet?: number;
  /** Format text columns as text (`@`), so ids typed in later stay text (dataset workbooks). */
  textFormat?: boolean;
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

/**
 * The width of a text in Excel's character units: a CJK (or other wide) character counts double.
 * @example textWidth("村代码") // 6
 */
export function textWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) > 0xff ? 2 : 1;
  return n;
}

/** The longest line of a cell, in character units. */
function cellWidth(cell: Cell, kind: string | undefined): number {
  if (cell === undefined) return 0;
  if (kind === "date") return 10;
  if (typeof cell === "boolean") return 2;
  const text = String(cell);
  if (!text.includes("\n")) return textWidth(text);
  return Math.max(...text.split("\n").map(textWidth));
}

/** Widest column before text wraps. */
const MAX_WIDTH = 50;
/** Rows looked at for a column's width when a table is streamed. */
const WIDTH_SAMPLE = 1000;

/**
 * Column widths from the header and the cells (the first `sample` rows): the widest text plus a
 * margin, at most `MAX_WIDTH` (longer text wraps); whether the column holds text that wraps.
 */
export function columnWidths(
  columns: readonly Column[],
  rows: Iterable<Record<string, Cell>>,
  header: (c: Column) => string,
  sample = Number.POSITIVE_INFINITY,
): { width: number; wrap: boolean }[] {
  const widest = columns.map((c) => textWidth(header(c)));
  let n = 0;
  for (const row of rows) {
    if (n++ >= sample) break;
    columns.forEach((c, i) => {
      const w = cellWidth(row[c.key], c.kind);
      if (w > widest[i]!) widest[i] = w;
    });
  }
  return columns.map((c, i) => {
    const w = widest[i]! + 2;
    const min = c.kind === "date" ? 12 : 6;
    return { width: Math.min(MAX_WIDTH, Math.max(min, w)), wrap: w > MAX_WIDTH };
  });
}

/** A sheet name: at most 31 characters, with a continuation suffix from the second sheet on. */
export function sheetName(base: string, part: number): string {
  const suffix = part > 1 ? ` (${part})` : "";
  return base.slice(0, 31 - suffix.length) + suffix;
}

/** The fixed timestamp of every part and of the workbook's properties: same input, same bytes. */
export const EPOCH = new Date(Date.UTC(2014, 6, 9));

/**
 * The workbook re-packed with fixed timestamps (exceljs stamps the time of writing into the zip
 * entries and the document properties), so the same tables give the same bytes.
 */
export function deterministic(bytes: Uint8Array): Uint8Array {
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

/** What a streaming workbook writes into when given no stream: exceljs's in-memory buffer. */
interface MemorySink {
  read(): Uint8Array;
}

/**
 * A streaming workbook writing into memory; `finish` commits it and returns its bytes. No Node
 * stream is handed in: exceljs buffers the zip itself, so the same code runs in a browser (where
 * the web page's build gives exceljs a zip writer and buffer of its own).
 */
export async function streamingWorkbook(): Promise<{
  workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  finish: () => Promise<Uint8Array>;
}> {
  // Loaded on first use: exceljs is most of a command's start-up, and most runs write no XLSX.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.stream.xlsx.WorkbookWriter({
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.created = EPOCH;
  workbook.modified = EPOCH;
  return {
    workbook,
    finish: async () => {
      await workbook.commit();
      const sink = (workbook as unknown as { stream: MemorySink }).stream;
      return deterministic(sink.read());
    },
  };
}

const headerOf = (options: XlsxOptions) => (c: Column) =>
  options.headers === "en" ? (c.en ?? c.key) : options.headers === "key" ? c.key : c.header;

/**
 * Tables as an XLSX workbook's bytes, a sheet (or more) per table: bold frozen header with an
 * autofilter, widths from the header and the first rows. The same tables give the same bytes.
 * @example const bytes = await tablesXlsx([findingsTable(report, index, "zh")], { headers: "zh" });
 */
export async function tablesXlsx(
  tables: readonly Table[],
  options: XlsxOptions = {},
): Promise<Uint8Array> {
  const { workbook, finish } = await streamingWorkbook();
  const limit = options.maxRowsPerSheet ?? MAX_SHEET_ROWS;
  const header = headerOf(options);
  for (const table of tables) {
    const base = table.sheet ?? table.id;
    const widths = Array.isArray(table.rows)
      ? columnWidths(table.columns, table.rows, header, WIDTH_SAMPLE)
      : columnWidths(table.columns, [], header);
    let part = 0;
    let sheet: ExcelJS.Worksheet | undefined;
    let rows = 0;
    const last = table.columns.length;
    const start = () => {
      part++;
      sheet = workbook.addWorksheet(sheetName(base, part), {
        views: [{ state: "frozen", ySplit: 1 }],
      });
      sheet.columns = table.columns.map((c, i) => ({
        key: c.key,
        header: header(c),
        width: widths[i]!.width,
        ...(c.kind === "date"
          ? { style: { numFmt: "yyyy-mm-dd" } }
          : options.textFormat && (c.kind ?? "text") === "text"
            ? { style: { numFmt: "@" } }
            : {}),
      }));
      if (last > 0)
        sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: last } };
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
  return finish();
}

/** A column of a laid-out sheet: a table column with an optional number format and width cap. */
export interface SheetColumn extends Column {
  /** An Excel number format (`0.0%`); dates get `yyyy-mm-dd` without it. */
  numFmt?: string;
  /** The widest this column grows before its text wraps (default 50). */
  maxWidth?: number;
}

/** A line above a laid-out sheet's table: text on the left, optionally text on the right. */
export interface SheetNote {
  left: string;
  right?: string;
}

/** A laid-out sheet: a title, notes, then a table with its header. */
export interface SheetSpec {
  name: string;
  /** The title row, merged across the table, bold and centred. */
  title?: string;
  /** Lines between the title and the header (填报单位 … 截至 …). */
  notes?: readonly SheetNote[];
  columns: readonly SheetColumn[];
  rows: readonly Record<string, Cell>[];
  /** Header language (the Chinese header by default). */
  headers?: "zh" | "en" | "key";
  /** An autofilter on the header row (default true). */
  autoFilter?: boolean;
  /** Text of the page footer's page numbers: `zh` (第 1 页，共 3 页) or `en`. */
  lang?: "zh" | "en";
  /** Escape text that starts with = + - @ (default true). */
  escapeFormulas?: boolean;
  /** A title printed at the top of every page (for sheets without a title row). */
  pageTitle?: string;
}

/** The print header and footer: a page title, and page numbers in the language. */
export function headerFooter(lang: "zh" | "en", pageTitle?: string): Partial<ExcelJS.HeaderFooter> {
  return {
    ...(pageTitle ? { oddHeader: `&C&"-,Bold"${pageTitle.replaceAll("&", "&&")}` } : {}),
    oddFooter: lang === "zh" ? "&C第 &P 页，共 &N 页" : "&CPage &P of &N",
  };
}

/** Landscape A4, fitted to the page width, narrow margins; `titles` rows repeat on every page. */
export function landscapeA4(titles?: string): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titles ? { printTitlesRow: titles } : {}),
  };
}

/** The height of a line of 11-point text, in points. */
const LINE = 15;

/**
 * The lines a text takes in a column `width` wide when wrapped as spreadsheets wrap: between
 * CJK characters anywhere, a run of Latin letters and digits (an id, a number) only at its ends
 * unless it is wider than the column.
 * @example linesIn("户编号：340828104200017", 12) // 3
 */
export function linesIn(text: string, width: number): number {
  const room = Math.max(1, width - 1);
  let lines = 0;
  for (const part of text.split("\n")) {
    lines++;
    let used = 0;
    for (const token of part.match(/[\x21-\x7e]+|\s|[^\x20-\x7e]/g) ?? []) {
      let w = textWidth(token);
      if (token.trim() === "" && used === 0) continue;
      if (used + w <= room) {
        used += w;
        continue;
      }
      if (used > 0) lines++;
      used = 0;
      while (w > room) {
        lines++;
        w -= room;
      }
      used = w;
    }
  }
  return Math.max(1, lines);
}

/**
 * The width a header asks for: its own width when short, else half of it (two lines), so a long
 * header over a column of small numbers wraps instead of widening the table.
 */
export function headerWidth(text: string): number {
  const w = textWidth(text) + 2;
  return w <= 14 ? w : Math.max(14, Math.ceil(textWidth(text) / 2) + 2);
}

/**
 * Widths of a laid-out table: the widest cell (CJK counts double) plus a margin, at least what the
 * header needs on two lines, at most the column's cap (its text then wraps).
 */
export function layoutWidths(
  columns: readonly SheetColumn[],
  rows: readonly Record<string, Cell>[],
  header: (c: Column) => string,
): { width: number; wrap: boolean }[] {
  const widest = columns.map(() => 0);
  for (const row of rows) {
    columns.forEach((c, i) => {
      const w = cellWidth(row[c.key], c.kind);
      if (w > widest[i]!) widest[i] = w;
    });
  }
  return columns.map((c, i) => {
    const cap = c.maxWidth ?? MAX_WIDTH;
    const min = c.kind === "date" ? 12 : 6;
    const want = Math.max(widest[i]! + 2, headerWidth(header(c)), min);
    return { width: Math.min(cap, want), wrap: widest[i]! + 2 > cap };
  });
}

export const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};
export const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFD9E1F2" },
};

/**
 * Adds a laid-out sheet: the title row (merged, bold, large), the notes (left text and a
 * right-aligned text), the header (bold, filled, wrapped, frozen, with an autofilter) and the rows
 * with thin borders; widths from the content (CJK counts double), long text wrapped with rows as
 * tall as their text; landscape A4, fitted to the page width, the header row repeated on every
 * printed page, page numbers in the footer. Returns the row number of the header.
 */
export function addLaidOutSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  spec: SheetSpec,
): number {
  const headers = spec.headers ?? "zh";
  const options: XlsxOptions = {
    headers,
    ...(spec.escapeFormulas === false ? { escapeFormulas: false } : {}),
  };
  const header = headerOf(options);
  const n = Math.max(1, spec.columns.length);
  const notes = spec.notes ?? [];
  const headerRow = (spec.title ? 1 : 0) + notes.length + 1;
  const widths = layoutWidths(spec.columns, spec.rows, header);
  const wrapped = spec.columns.flatMap((c, i) => (widths[i]!.wrap ? [{ c, i }] : []));
  const lang = spec.lang ?? (headers === "zh" ? "zh" : "en");
  const sheet = workbook.addWorksheet(spec.name, {
    views: [{ state: "frozen", ySplit: headerRow, activeCell: `A${headerRow + 1}` }],
    pageSetup: landscapeA4(`${headerRow}:${headerRow}`),
    headerFooter: headerFooter(lang, spec.pageTitle),
  });
  sheet.columns = spec.columns.map((c, i) => {
    const numFmt = c.numFmt ?? (c.kind === "date" ? "yyyy-mm-dd" : undefined);
    return {
      key: c.key,
      width: widths[i]!.width,
      style: {
        ...(numFmt ? { numFmt } : {}),
        alignment: { vertical: "top", ...(widths[i]!.wrap ? { wrapText: true } : {}) },
      },
    };
  });
  let r = 0;
  if (spec.title) {
    r++;
    const row = sheet.getRow(r);
    row.height = 30;
    const cell = row.getCell(1);
    cell.value = spec.title;
    cell.font = { bold: true, size: 16 };
    cell.alignment = { horizontal: "center", vertical: "middle" };
    if (n > 1) sheet.mergeCells(r, 1, r, n);
    row.commit();
  }
  for (const note of notes) {
    r++;
    const row = sheet.getRow(r);
    row.height = 20;
    const split = note.right !== undefined && n > 1 ? Math.ceil(n / 2) : n;
    const left = row.getCell(1);
    left.value = note.left;
    left.alignment = { horizontal: "left", vertical: "middle" };
    if (split > 1) sheet.mergeCells(r, 1, r, split);
    if (note.right !== undefined) {
      const right = row.getCell(split < n ? split + 1 : n);
      right.value = note.right;
      right.alignment = { horizontal: "right", vertical: "middle" };
      if (split + 1 < n) sheet.mergeCells(r, split + 1, r, n);
    }
    row.commit();
  }
  r++;
  const head = sheet.getRow(r);
  let headLines = 1;
  spec.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    const text = header(c);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    headLines = Math.max(headLines, linesIn(text, widths[i]!.width));
  });
  head.height = LINE * headLines + 4;
  head.commit();
  if (spec.autoFilter !== false && spec.columns.length > 0) {
    sheet.autoFilter = { from: { row: r, column: 1 }, to: { row: r, column: n } };
  }
  for (const data of spec.rows) {
    const row = sheet.addRow(spec.columns.map((c) => value(data[c.key], c.kind, options)));
    for (let i = 1; i <= spec.columns.length; i++) row.getCell(i).border = THIN;
    // Rows with wrapped text are as tall as their text (not every program fits them on opening).
    let lines = 1;
    for (const { c, i } of wrapped) {
      const v = data[c.key];
      if (typeof v === "string") lines = Math.max(lines, linesIn(v, widths[i]!.width));
    }
    if (lines > 1) row.height = LINE * lines;
    row.commit();
  }
  sheet.commit();
  return headerRow;
}

/** How the forms workbook is written. */
export interface FormsXlsxOptions {
  /** The date the forms describe, `YYYY-MM-DD`: the notes row says 截至 it. */
  asOf: string;
  /** Headers, titles and notes in Chinese (default) or English. */
  lang?: "zh" | "en";
  /** The reporting office for the 填报单位 line (blank to fill in by hand by default). */
  unit?: string;
}

/**
 * The forms in one workbook, a sheet per form: its title row, a 填报单位 line with the date
 * (截至…), then the table — landscape A4, frozen header, widths from the content.
 * @example await writeFormsXlsx(FORMS.map((f) => buildForm(f.id, index, { asOf })), { asOf })
 */
export async function writeFormsXlsx(
  tables: readonly Table[],
  options: FormsXlsxOptions,
): Promise<Uint8Array> {
  const lang = options.lang ?? "zh";
  const { workbook, finish } = await streamingWorkbook();
  for (const table of tables) {
    const title = FORMS.find((f) => f.id === table.id)?.title ??
      table.title ?? { zh: table.id, en: table.id };
    const rows = Array.isArray(table.rows) ? table.rows : [...table.rows];
    addLaidOutSheet(workbook, {
      name: sheetName(lang === "zh" ? (table.sheet ?? title.zh) : table.id, 1),
      title: title[lang],
      notes: [
        lang === "zh"
          ? {
              left: `填报单位（盖章）：${options.unit ?? ""}`,
              right: `截至${zhDate(options.asOf)}`,
            }
          : {
              left: `Reporting office (seal): ${options.unit ?? ""}`,
              right: `As of ${options.asOf}`,
            },
      ],
      columns: table.columns,
      rows,
      headers: lang,
      lang,
    });
  }
  return finish();
}
