/** Writing tables to an XLSX file on disk or a Node stream. */
import { writeFile } from "node:fs/promises";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import type { Table } from "@shuangbao/core";
import { tablesXlsx, type XlsxOptions } from "./xlsx-writer.js";

/**
 * Writes tables to an XLSX workbook (a path or a stream), as `tablesXlsx` lays them out. The same
 * tables give the same bytes.
 * @example await writeTablesXlsx([table], "out/plan.xlsx");
 */
export async function writeTablesXlsx(
  tables: readonly Table[],
  target: string | Writable,
  options: XlsxOptions = {},
): Promise<void> {
  const bytes = await tablesXlsx(tables, options);
  if (typeof target === "string") await writeFile(target, bytes);
  else {
    target.end(Buffer.from(bytes));
    await finished(target);
  }
}
