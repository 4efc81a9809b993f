/**
 * A table: what forms, finding lists and dataset exports are, before a writer makes CSV or XLSX
 * of them. Columns carry a key, a Chinese header (and an English one) and a kind, so writers can
 * write dates as date cells and numbers as numbers.
 */

/** How a column's cells are written. */
export type ColumnKind = "text" | "date" | "number" | "boolean";

export interface Column {
  key: string;
  /** The Chinese header (what offices read). */
  header: string;
  /** The English header. */
  en?: string;
  kind?: ColumnKind;
}

export type Cell = string | number | boolean | undefined;

export interface Table {
  /** A file-safe id (`unit-register`), also the sheet name where `sheet` is absent. */
  id: string;
  /** The table's title, e.g. 安徽省包村帮扶单位基本情况登记表. */
  title?: { zh: string; en: string };
  /** The sheet name in a workbook (≤ 31 characters). */
  sheet?: string;
  columns: readonly Column[];
  rows: readonly Record<string, Cell>[] | Iterable<Record<string, Cell>>;
}
