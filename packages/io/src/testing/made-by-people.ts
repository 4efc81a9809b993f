/**
 * Files made the way people make them, for tests: workbooks with a merged title row and notes
 * above the header (as clerks lay them out in Excel or openpyxl), sheets named as people name them,
 * CSV in GBK or Excel's "Unicode text" (UTF-16LE, tab-separated), and zips made by Windows' built-in
 * zip (entry names in GBK without the UTF-8 flag). Not part of the package's API.
 */
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName, type Dataset } from "@shuangbao/core";
import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import iconv from "iconv-lite";
import { collectionTable } from "../dataset-writer.js";

/** One sheet as a person lays it out. */
export interface PeopleSheet {
  name: string;
  /** A title merged across the header's width, in the first row. */
  title?: string;
  /** Lines of notes below the title (填报单位, 填报日期, …). */
  notes?: string[];
  /** Empty rows between the notes and the header. */
  blankRows?: number;
  header: string[];
  rows: unknown[][];
  /** Number format of date cells (default `yyyy-mm-dd`). */
  dateFormat?: string;
  /** Columns (0-based) written as text (`@`), as ids should be. */
  textColumns?: number[];
  hidden?: boolean;
}

/**
 * A workbook written with exceljs's document writer, laid out as people do. `order` puts the
 * workbook part first (as Excel and openpyxl write it) or last (as streaming writers do).
 */
export async function peopleWorkbook(
  sheets: readonly PeopleSheet[],
  order: "workbook-first" | "workbook-last" = "workbook-first",
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.hidden ? { state: "hidden" } : {});
    let r = 1;
    if (s.title !== undefined) {
      ws.getCell(r, 1).value = s.title;
      ws.getCell(r, 1).font = { bold: true, size: 16 };
      ws.getCell(r, 1).alignment = { horizontal: "center" };
      if (s.header.length > 1) ws.mergeCells(r, 1, r, s.header.length);
      r++;
    }
    for (const note of s.notes ?? []) ws.getCell(r++, 1).value = note;
    r += s.blankRows ?? 0;
    s.header.forEach((h, i) => {
      ws.getCell(r, i + 1).value = h;
    });
    r++;
    for (const row of s.rows) {
      row.forEach((v, i) => {
        if (v === undefined || v === null) return;
        const cell = ws.getCell(r, i + 1);
        cell.value = v as ExcelJS.CellValue;
        if (v instanceof Date) cell.numFmt = s.dateFormat ?? "yyyy-mm-dd";
        else if (s.textColumns?.includes(i)) cell.numFmt = "@";
      });
      r++;
    }
  }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return reorderParts(bytes, order);
}

/** The workbook's parts re-packed with the workbook part first or last. */
export function reorderParts(
  bytes: Uint8Array,
  order: "workbook-first" | "workbook-last",
): Uint8Array {
  const parts = unzipSync(bytes);
  const names = Object.keys(parts);
  const isBook = (n: string) => n === "xl/workbook.xml" || n === "xl/_rels/workbook.xml.rels";
  const rank = (n: string) =>
    n === "[Content_Types].xml"
      ? 0
      : n.startsWith("_rels/")
        ? 1
        : isBook(n)
          ? order === "workbook-first"
            ? 2
            : 9
          : n.includes("styles") || n.includes("sharedStrings")
            ? 3
            : 5;
  const sorted = [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  return zipSync(Object.fromEntries(sorted.map((n) => [n, parts[n]!])));
}

/** How `datasetSheets` names a collection's sheet. */
export type SheetNaming = "zh" | "en" | ((collection: CollectionName, index: number) => string);

/**
 * A dataset's collections as sheets (Chinese headers and labels), every one with a merged title
 * row, notes and a blank row above the header; dates as date cells, ids as text.
 */
export function datasetSheets(
  dataset: Partial<Dataset>,
  options: { naming?: SheetNaming; title?: boolean; notes?: string[]; blankRows?: number } = {},
): PeopleSheet[] {
  const naming = options.naming ?? "zh";
  const present = COLLECTION_NAMES.filter((c) => (dataset[c]?.length ?? 0) > 0);
  return present.map((c, index) => {
    const table = collectionTable(c, dataset[c] as Record<string, unknown>[], "zh");
    const fields = COLLECTIONS[c].fields;
    const name =
      typeof naming === "function" ? naming(c, index) : naming === "zh" ? COLLECTIONS[c].zh : c;
    return {
      name,
      ...(options.title !== false ? { title: `岳西县${COLLECTIONS[c].zh}信息表` } : {}),
      notes: options.notes ?? ["填报单位：岳西县扶贫开发领导小组办公室", "填报日期：2018年7月20日"],
      blankRows: options.blankRows ?? 1,
      header: table.columns.map((col) => col.header),
      rows: [...table.rows].map((row) =>
        table.columns.map((col, i) => {
          const v = row[col.key];
          if (fields[i]!.kind === "date" && typeof v === "string") {
            return new Date(`${v}T00:00:00Z`);
          }
          if (typeof v === "boolean") return v ? "是" : "否";
          return v;
        }),
      ),
      textColumns: fields.flatMap((f, i) =>
        f.kind === "id" || f.kind === "ref" || f.kind === "idNumber" ? [i] : [],
      ),
    };
  });
}

/** A CSV text of rows (cells quoted where needed), lines ended by `eol`. */
export function csvText(rows: readonly (readonly unknown[])[], eol = "\r\n", sep = ","): string {
  const cell = (v: unknown) => {
    const s =
      v === undefined || v === null
        ? ""
        : v instanceof Date
          ? v.toISOString().slice(0, 10)
          : String(v);
    return /[",\r\n\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(sep)).join(eol) + eol;
}

/** A sheet's rows as CSV lines, its title, notes and blank rows as Excel saves them. */
export function sheetCsv(sheet: PeopleSheet, eol = "\r\n", sep = ","): string {
  const width = sheet.header.length;
  const pad = (cells: unknown[]) => [
    ...cells,
    ...Array(Math.max(0, width - cells.length)).fill(""),
  ];
  const lines: unknown[][] = [];
  if (sheet.title !== undefined) lines.push(pad([sheet.title]));
  for (const n of sheet.notes ?? []) lines.push(pad([n]));
  for (let i = 0; i < (sheet.blankRows ?? 0); i++) lines.push(pad([]));
  lines.push(sheet.header);
  for (const r of sheet.rows) lines.push(pad(r));
  return csvText(lines, eol, sep);
}

/** Text as GBK bytes, as Chinese Excel saves "CSV (逗号分隔)". */
export const gbk = (text: string): Uint8Array => new Uint8Array(iconv.encode(text, "gbk"));

/** Text as Excel's "Unicode text": UTF-16LE with a BOM. */
export const utf16le = (text: string): Uint8Array =>
  new Uint8Array(iconv.encode(text, "utf16le", { addBOM: true }));

/** Text as UTF-16BE with a BOM. */
export const utf16be = (text: string): Uint8Array =>
  new Uint8Array(iconv.encode(`\uFEFF${text}`, "utf16be"));

/**
 * A zip as Windows' built-in "Send to compressed folder" makes it on a Chinese system: entry
 * names in GBK, the UTF-8 flag (bit 11) unset. Built with fflate under placeholder names of the
 * same byte length, which are then patched with the GBK bytes in the local and central headers.
 */
export function windowsZip(files: Record<string, Uint8Array>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  const patches: [Uint8Array, Uint8Array][] = [];
  Object.entries(files).forEach(([name, data], i) => {
    const raw = gbk(name);
    // A placeholder of the same length, unique: "~0~~~~.csv"-like ASCII.
    const tag = `~${i.toString(36)}~`;
    const placeholder = (tag + "~".repeat(raw.length)).slice(0, raw.length);
    if (placeholder.length !== raw.length || raw.length < tag.length) {
      throw new Error(`name too short for a placeholder: ${name}`);
    }
    entries[placeholder] = data;
    patches.push([new TextEncoder().encode(placeholder), raw]);
  });
  const zip = zipSync(entries);
  for (const [from, to] of patches) {
    let found = 0;
    for (let i = 0; i + from.length <= zip.length; i++) {
      let same = true;
      for (let j = 0; j < from.length && same; j++) same = zip[i + j] === from[j];
      if (same) {
        zip.set(to, i);
        found++;
      }
    }
    if (found !== 2) throw new Error(`placeholder found ${found} times, not twice`);
  }
  // Windows' zip sets no UTF-8 flag: check fflate set none for the ASCII placeholders.
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = zip[i]! | (zip[i + 1]! << 8) | (zip[i + 2]! << 16) | (zip[i + 3]! << 24);
    if (sig === 0x04034b50 && (zip[i + 7]! & 0x08) !== 0) throw new Error("UTF-8 flag set");
    if (sig === 0x02014b50 && (zip[i + 9]! & 0x08) !== 0) throw new Error("UTF-8 flag set");
  }
  return zip;
}
