/**
 * Responses with data: content negotiation (JSON, CSV or XLSX by `Accept`), masking of personal
 * numbers unless the caller may and asks to unmask, and the writers of io for tables.
 */
import { PassThrough } from "node:stream";
import type { Table } from "@shuangbao/core";
import { tableToCsv, writeTablesXlsx } from "@shuangbao/io";
import type { Context } from "hono";
import { accepts } from "hono/accepts";
import { XLSX_TYPE } from "./dataset-body.js";
import { maskedJson, maskTable } from "./mask.js";
import { ProblemError } from "./problem.js";

/** What a data response is written as. */
export type OutputFormat = "json" | "csv" | "xlsx";

const FORMATS: Record<string, OutputFormat> = {
  "application/json": "json",
  "text/csv": "csv",
  [XLSX_TYPE]: "xlsx",
};

/**
 * The format the `Accept` header asks for: `text/csv`, the XLSX type, else JSON.
 * @example outputFormat(c) // "csv" for Accept: text/csv
 */
export function outputFormat(c: Context): OutputFormat {
  const type = accepts(c, {
    header: "Accept",
    supports: Object.keys(FORMATS),
    default: "application/json",
  });
  return FORMATS[type] ?? "json";
}

/**
 * Whether this response is unmasked: only when `unmask=true` is asked with an unmask key; asking
 * without one is a 403, not a silent mask.
 */
export function unmaskAllowed(c: Context, unmask: string | undefined): boolean {
  if (unmask !== "true") return false;
  if (c.get("canUnmask") !== true) {
    throw new ProblemError(
      "forbidden",
      "unmask=true 需要具有解除脱敏权限的密钥 · unmask=true needs a key listed in the unmask keys",
      "query.unmask",
    );
  }
  return true;
}

/** A JSON response, masked unless `unmasked`. */
export function jsonResponse(c: Context, value: unknown, unmasked: boolean): Response {
  const text = unmasked ? JSON.stringify(value) : maskedJson(value);
  return c.body(text, 200, { "Content-Type": "application/json; charset=UTF-8" });
}

async function xlsxBytes(tables: readonly Table[], headers: "zh" | "en"): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  await writeTablesXlsx(tables, stream, { headers });
  return new Uint8Array(Buffer.concat(chunks));
}

/** What a table response needs besides the table. */
export interface TableResponseOptions {
  format: OutputFormat;
  unmasked: boolean;
  /** Header language of CSV and XLSX (`zh` by default). */
  lang?: "zh" | "en";
  /** The download's file name, without extension. */
  filename: string;
}

/**
 * A table as JSON (`{ id, title, columns, rows }`), CSV or XLSX, masked unless `unmasked`.
 * @example return tableResponse(c, findingsTable(report, index), { format: "csv", … })
 */
export async function tableResponse(
  c: Context,
  table: Table,
  options: TableResponseOptions,
): Promise<Response> {
  const out = options.unmasked ? table : maskTable(table);
  const headers = options.lang ?? "zh";
  if (options.format === "json") {
    return c.body(JSON.stringify({ ...out, rows: [...out.rows] }), 200, {
      "Content-Type": "application/json; charset=UTF-8",
    });
  }
  const disposition = (ext: string) => `attachment; filename="${options.filename}.${ext}"`;
  if (options.format === "csv") {
    return c.body(tableToCsv(out, { headers }), 200, {
      "Content-Type": "text/csv; charset=UTF-8",
      "Content-Disposition": disposition("csv"),
    });
  }
  const bytes = await xlsxBytes([out], headers);
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    "Content-Type": XLSX_TYPE,
    "Content-Disposition": disposition("xlsx"),
  });
}

/**
 * Several tables as one XLSX workbook, a sheet per table, masked unless `unmasked`.
 * @example return tablesXlsxResponse(c, [a, b], { unmasked: false, filename: "plan" })
 */
export async function tablesXlsxResponse(
  c: Context,
  tables: readonly Table[],
  options: { unmasked: boolean; filename: string; lang?: "zh" | "en" },
): Promise<Response> {
  const out = options.unmasked ? tables : tables.map(maskTable);
  const bytes = await xlsxBytes(out, options.lang ?? "zh");
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    "Content-Type": XLSX_TYPE,
    "Content-Disposition": `attachment; filename="${options.filename}.xlsx"`,
  });
}
