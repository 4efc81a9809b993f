/** io on Node: everything of `browser.ts`, and reading from and writing to paths. */
export type {
  Category,
  Chart,
  ChartOption,
  CitySummary,
  CountySummary,
  CoverageCounts,
  CsvEncoding,
  CsvOptions,
  FileBytes,
  FormsXlsxOptions,
  ReadOptions,
  ReportHtmlOptions,
  ReportSummary,
  ReportWorkbookOptions,
  RuleCount,
  SourceStructure,
  XlsxOptions,
} from "./browser.js";
export {
  CATEGORY_COLOURS,
  categoryLabel,
  cellText,
  countiesChart,
  coverageChart,
  decodeCsv,
  detectEncoding,
  InputError,
  looksBinary,
  MAX_SHEET_ROWS,
  readDatasetFromBytes,
  readDatasetFromFiles,
  renderReportHtml,
  reportSummary,
  rulesChart,
  sheetCollection,
  sheetName,
  TEMPLATE_NOTES_SHEET,
  TEMPLATE_ROWS,
  tablesXlsx,
  tableToCsv,
  writeFormsXlsx,
  writeReportXlsx,
  writeTemplateXlsx,
} from "./browser.js";
export { writeTableCsv } from "./csv-file.js";
export type { DatasetRows, DatasetWriteOptions } from "./dataset-writer.js";
export { collectionTable, writeDatasetCsv, writeDatasetXlsx } from "./dataset-writer.js";
export { readDatasetFromPath } from "./read.js";
export { writeTablesXlsx } from "./xlsx-file.js";
