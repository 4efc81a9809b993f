/**
 * What a written audit report shows besides the report itself, the same for each format (the
 * HTML page, the XLSX workbook): its language, the inputs, the tool's version, the overrides and
 * what was read as what.
 */
import type { SourceStructure } from "./structure.js";

/** The language a report is written in. */
export type Lang = "zh" | "en";

/** What a written report shows besides the report. */
export interface ReportOptions {
  lang: Lang;
  /** The input files or folders, as the user named them. */
  inputs: string[];
  /** The tool's version. */
  version: string;
  /** The parameter overrides the user gave (`--params`), marked among the parameters. */
  overrides?: Readonly<Record<string, unknown>>;
  /** What was read as what (io's `ReadOptions.structure`): the workbook's 读取情况 sheet. */
  structure?: SourceStructure[];
}
