/**
 * What io offers without Node: reading datasets from bytes (one file's, or several files' — a
 * folder picked in a browser), planning with the audit of the plan's result, and writing the
 * report, the forms, tables and the template as bytes or text — the same code, and so the same
 * bytes, as the CLI's. The web page runs it in a Web Worker; `index.ts` adds reading from and
 * writing to paths.
 */
export type { CsvOptions } from "./csv-writer.js";
export { cellText, tableToCsv } from "./csv-writer.js";
export type { CsvEncoding } from "./decode.js";
export { decodeCsv, detectEncoding, looksBinary } from "./decode.js";
export { InputError } from "./errors.js";
export type { ReadLimits } from "./limits.js";
export {
  DEFAULT_READ_LIMITS,
  READ_LIMIT_ENV,
  READ_THREADS_ENV,
  ReadLimitError,
  readLimitsFromEnv,
  readThreadsFromEnv,
} from "./limits.js";
export type { PlannedAudit } from "./planned-audit.js";
export { planAndAudit } from "./planned-audit.js";
export type { FileBytes, ParallelOptions, ReadOptions } from "./read-bytes.js";
export { readDatasetFromBytes, readDatasetFromFiles } from "./read-bytes.js";
export type { Chart, ChartOption } from "./report-charts.js";
export {
  CATEGORY_COLOURS,
  categoryLabel,
  countiesChart,
  coverageChart,
  rulesChart,
} from "./report-charts.js";
export type { ReportHtmlOptions } from "./report-html.js";
export { renderReportHtml } from "./report-html.js";
export type {
  Category,
  CitySummary,
  CountySummary,
  CoverageCounts,
  ReportSummary,
  RuleCount,
} from "./report-summary.js";
export { reportSummary } from "./report-summary.js";
export type { ReportWorkbookOptions } from "./report-workbook.js";
export { writeReportXlsx } from "./report-workbook.js";
export type { SourceStructure } from "./structure.js";
export type { TableFileOptions, TableFormat } from "./table-file.js";
export { tablesFile } from "./table-file.js";
export { TEMPLATE_NOTES_SHEET, TEMPLATE_ROWS, writeTemplateXlsx } from "./template.js";
export { sheetCollection } from "./xlsx-reader.js";
export type { FormsXlsxOptions, XlsxOptions } from "./xlsx-writer.js";
export {
  MAX_SHEET_ROWS,
  sheetName,
  tablesXlsx,
  writeFormsXlsx,
} from "./xlsx-writer.js";
