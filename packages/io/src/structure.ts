/**
 * What was read as what: one entry per source (a JSON collection, a CSV file, a sheet, a zip
 * entry), for the structure report shown before the findings.
 */
import type { CollectionName } from "@shuangbao/core";

export interface SourceStructure {
  /** The file as the user named it; inside a zip "archive.zip/村.csv". */
  file: string;
  sheet?: string;
  /** The collection it was read as; absent when not recognised (then ignored). */
  collection?: CollectionName;
  /** How: by the file/sheet name, or by its headers (name unknown). */
  recognisedBy?: "name" | "headers";
  /** 1-based line (CSV) or row (sheet) of the header row. */
  headerLine?: number;
  /** Columns matched to fields, in file order. */
  matched: { header: string; field: string }[];
  /** Column headers the data model does not know (ignored). */
  ignored: string[];
  /** Data rows read. */
  rows: number;
  /** CSV text encoding detected: "utf-8" | "gb18030" | "utf-16le" | "utf-16be". */
  encoding?: string;
}
