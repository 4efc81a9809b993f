/**
 * XLSX reading with exceljs's streaming reader: one sheet per collection, named in English or
 * Chinese; a collection longer than a sheet continues on `name (2)`, `name (3)`, …
 */
import { readFile } from "node:fs/promises";
import {
  type CollectionName,
  collectionNamed,
  type DatasetLoader,
  dataFinding,
} from "@shuangbao/core";
import ExcelJS from "exceljs";
import { RecordCollector } from "./collect.js";
import { InputError } from "./errors.js";

/** The collection a sheet holds: its name without a continuation suffix ` (2)`. */
export function sheetCollection(sheetName: string): CollectionName | undefined {
  return collectionNamed(sheetName.replace(/\s*[(（]\d+[)）]\s*$/, ""));
}

/** A cell's value as a primitive the normaliser reads (Dates for date cells). */
function cellValue(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date || typeof v !== "object") return v;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText))
    return (o.richText as { text: string }[]).map((r) => r.text).join("");
  if ("result" in o) return cellValue(o.result);
  if ("text" in o) return cellValue(o.text);
  if ("error" in o) return String(o.error);
  return undefined;
}

/**
 * Reads a workbook (a path or its bytes) into the loader, sheet by sheet.
 *
 * exceljs's streaming reader stops early on workbooks whose parts come in the order streaming
 * writers use (the workbook part last), losing sheets without an error; so the workbook is loaded
 * whole with exceljs's document reader, which is exact. XLSX holds at most a county or a city
 * comfortably; a province is read from CSV, which streams.
 */
export async function readXlsx(
  input: string | Uint8Array,
  name: string,
  loader: DatasetLoader,
  onRows?: (n: number) => void,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  try {
    const bytes = typeof input === "string" ? await readFile(input) : Buffer.from(input);
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new InputError(name, `cannot be read as an XLSX workbook: ${(error as Error).message}`);
  }
  for (const sheet of workbook.worksheets) {
    const sheetName = sheet.name;
    const collection = sheetCollection(sheetName);
    if (!collection) {
      loader.addFinding(
        dataFinding(
          "data.unknown-column",
          "unknownCollection",
          { collection: sheetName, id: "*" },
          {},
          { source: { file: name, sheet: sheetName } },
        ),
      );
      continue;
    }
    const collector = new RecordCollector(loader, collection, name, sheetName);
    let n = 0;
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      collector.record((row.values as unknown[]).slice(1).map(cellValue), number);
      n++;
    });
    collector.flush();
    onRows?.(n);
  }
}
