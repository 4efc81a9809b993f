/**
 * exceljs for the browser, as io uses it: only the streaming workbook writer (its browser build
 * has none). Its Node-only requires are swapped by `plugin.ts` for the modules beside this one.
 */
// @ts-expect-error: a CommonJS module of exceljs with no types of its own.
import WorkbookWriter from "exceljs/lib/stream/xlsx/workbook-writer.js";

export default { stream: { xlsx: { WorkbookWriter } } };
