/**
 * The XLSX audit report (`shuangbao audit … --format xlsx`), in the words of a 扶贫办 inspection:
 *
 * - 说明: the 核查基准日, the policy, the totals, the input files, the parameters in force (overrides
 *   and interpretation parameters marked), the tool's version and a generated-by line — no time
 *   stamp, so the same input gives the same bytes;
 * - 汇总: counts by rule (不符合 / 需说明 / 提示 / 数据问题) and by county, with the county's
 *   coverage: poor villages with a responsible unit and with a resident cadre, poor households
 *   with a helper;
 * - 问题清单: one row per finding, like data findings grouped (count and first rows), placed in
 *   city, county, township, village and unit, with autofilter and frozen header;
 * - 读取情况: which file or sheet was read as which collection, its header row, the columns
 *   matched and ignored (when the structure is given).
 *
 * Chinese output carries no English codes: severities, collections, fields and enum values by
 * their Chinese names; `lang: "en"` gives the English workbook.
 */
import {
  type AuditReport,
  COLLECTIONS,
  type CollectionName,
  type DatasetIndex,
  Education,
  fieldName,
  findingLabel,
  findingPlace,
  findingsTable,
  PARAMETER_NAMES,
  PARAMETERS,
  type ParameterName,
  parametersOn,
  ruleTitle,
  zhDate,
} from "@shuangbao/core";
import type ExcelJS from "exceljs";
import { type CoverageCounts, coverageByCounty } from "./report-summary.js";
import type { SourceStructure } from "./structure.js";
import {
  addLaidOutSheet,
  HEADER_FILL,
  headerFooter,
  headerWidth,
  landscapeA4,
  linesIn,
  type SheetColumn,
  streamingWorkbook,
  THIN,
  textWidth,
} from "./xlsx-writer.js";

/** What the report workbook shows besides the report. */
export interface ReportWorkbookOptions {
  lang: "zh" | "en";
  /** The input files or folders, as the user named them. */
  inputs: string[];
  /** The tool's version. */
  version: string;
  /** The parameter overrides the user gave (`--params`), marked in 说明. */
  overrides?: Readonly<Record<string, unknown>>;
  /** What was read as what (io's `ReadOptions.structure`): the 读取情况 sheet. */
  structure?: SourceStructure[];
}

type Lang = "zh" | "en";
type Category = "error" | "warning" | "info" | "data";
const CATEGORIES: readonly Category[] = ["error", "warning", "info", "data"];

const categoryOf = (f: { ruleId: string; severity: Category }): Category =>
  f.ruleId.startsWith("data.") ? "data" : f.severity;

const T = {
  zh: {
    sheets: { about: "说明", summary: "汇总", findings: "问题清单", sources: "读取情况" },
    title: "“单位包村、干部包户”定点帮扶工作核查报告",
    asOf: "核查基准日",
    policy: "政策依据",
    policyText:
      "安徽省扶贫开发领导小组、中共安徽省委组织部《关于建立“单位包村、干部包户”定点帮扶制度的实施意见》（2014年7月9日）",
    total: "问题总数",
    totalText: (d: string, n: number, parts: string[]) =>
      n === 0
        ? `截至${zhDate(d)}，未发现问题。`
        : `截至${zhDate(d)}，共发现问题${n}项：${parts.join("，")}。`,
    part: (label: string, n: number) => `${label}${n}项`,
    keyCounties: "重点县",
    keyCountiesText: (found: number, expected: number) =>
      `数据中${found}个，政策应有${expected}个。`,
    inputs: "输入文件",
    version: "工具版本",
    generated: "生成说明",
    generatedText: (v: string) =>
      `本报告由“双包”数据核查工具（版本${v}）根据上列输入文件自动生成。问题清单中，同一文件、同一字段的同类数据问题合并为一行，并注明条数和前几行的行号。`,
    parameters: "政策参数（核查时适用的取值）",
    paramHeader: ["参数", "取值", "默认值", "条款", "备注", "是否调整", "解释性参数"],
    overridden: "已调整（参数文件）",
    overriddenByData: "已调整（数据集）",
    interpretation: "是（原文未给出具体数值，为本工具的解读）",
    summaryTitle: (d: string) => `问题汇总（截至${zhDate(d)}）`,
    byRule: "一、按规则统计",
    ruleHeader: ["规则", "条款", "规则名称"],
    total_: "合计",
    byCounty: "二、按县（市、区）统计",
    countyHeader: [
      "市",
      "县（市、区）",
      "重点县",
      "贫困村",
      "有包村帮扶单位的贫困村",
      "包村覆盖率",
      "有驻村帮扶干部的贫困村",
      "驻村覆盖率",
      "贫困户",
      "有帮扶责任人的贫困户",
      "包户覆盖率",
    ],
    noCounty: "省、市级或数据文件",
    yes: "是",
    no: "否",
    findingsTitle: (d: string) => `问题清单（截至${zhDate(d)}）`,
    sourcesTitle: "读取情况",
    sourceHeader: [
      "文件",
      "工作表",
      "读作",
      "识别方式",
      "表头行",
      "匹配的列",
      "忽略的列",
      "行数",
      "编码",
    ],
    unrecognised: "未识别（已忽略）",
    byName: "按名称",
    byHeaders: "按表头",
    listSep: "、",
  },
  en: {
    sheets: { about: "About", summary: "Summary", findings: "Findings", sources: "Sources" },
    title: "“单位包村、干部包户” (shuangbao) inspection report",
    asOf: "As of",
    policy: "Policy",
    policyText:
      "Anhui Poverty Alleviation Leading Group and Organisation Department of the Anhui Party Committee: implementing opinions on the “单位包村、干部包户” contracting system (9 July 2014)",
    total: "Findings",
    totalText: (d: string, n: number, parts: string[]) =>
      n === 0 ? `As of ${d}, no findings.` : `As of ${d}, ${n} findings: ${parts.join(", ")}.`,
    part: (label: string, n: number) => `${n} ${label}`,
    keyCounties: "Key counties",
    keyCountiesText: (found: number, expected: number) =>
      `${found} in the data, ${expected} by the policy.`,
    inputs: "Input files",
    version: "Tool version",
    generated: "Generated by",
    generatedText: (v: string) =>
      `shuangbao ${v}, from the input files above. In the findings list, like data findings of one file and field are grouped into one row with their count and first rows.`,
    parameters: "Policy parameters (the values in force)",
    paramHeader: [
      "parameter",
      "value",
      "default",
      "clause",
      "note",
      "overridden",
      "interpretation",
    ],
    overridden: "overridden (parameters file)",
    overriddenByData: "overridden (dataset)",
    interpretation: "yes (the text gives no number; this is our reading)",
    summaryTitle: (d: string) => `Summary, as of ${d}`,
    byRule: "1. By rule",
    ruleHeader: ["rule", "clause", "rule title"],
    total_: "total",
    byCounty: "2. By county",
    countyHeader: [
      "city",
      "county",
      "key county",
      "poor villages",
      "with a responsible unit",
      "unit coverage",
      "with a resident cadre",
      "cadre coverage",
      "poor households",
      "with a helper",
      "helper coverage",
    ],
    noCounty: "province, city or file level",
    yes: "yes",
    no: "no",
    findingsTitle: (d: string) => `Findings, as of ${d}`,
    sourcesTitle: "Sources read",
    sourceHeader: [
      "file",
      "sheet",
      "read as",
      "recognised by",
      "header row",
      "columns matched",
      "columns ignored",
      "rows",
      "encoding",
    ],
    unrecognised: "not recognised (ignored)",
    byName: "name",
    byHeaders: "headers",
    listSep: ", ",
  },
} as const;

const CATEGORY_LABEL: Record<Category, { zh: string; en: string }> = {
  error: findingLabel({ ruleId: "", severity: "error" }),
  warning: findingLabel({ ruleId: "", severity: "warning" }),
  info: findingLabel({ ruleId: "", severity: "info" }),
  data: findingLabel({ ruleId: "data.", severity: "error" }),
};

type Value = string | number | undefined;

/** One line of a free-form sheet (说明, 汇总); `spans`: the columns each cell covers (1 each by default). */
type Line =
  | { kind: "title"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "pair"; label: string; value: string }
  | { kind: "header"; cells: readonly string[]; spans?: readonly number[] }
  | {
      kind: "row";
      cells: readonly Value[];
      spans?: readonly number[];
      bold?: boolean;
      formats?: readonly (string | undefined)[];
    }
  | { kind: "blank" };

const MAX_WIDTH = 50;

/** The first column (0-based) and the span of each cell of a table line. */
function placed(line: { cells: readonly unknown[]; spans?: readonly number[] }) {
  let col = 0;
  return line.cells.map((_, i) => {
    const span = line.spans?.[i] ?? 1;
    const at = { col, span };
    col += span;
    return at;
  });
}

const valueWidth = (v: Value) =>
  v === undefined ? 0 : typeof v === "number" ? String(v).length + 1 : textWidth(v);

/**
 * A free-form sheet of lines: a title merged across, headings, label–value pairs (the value
 * merged across the other columns), and tables (header and rows with borders, a cell may span
 * columns). Widths from the tables' content (headers may take two lines), at most `caps[i]`
 * (else 50), long text wrapped and rows as tall as their text; landscape A4.
 */
function freeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  lines: readonly Line[],
  lang: Lang,
  caps: readonly (number | undefined)[] = [],
): void {
  const tableLines = lines.filter(
    (l): l is Extract<Line, { kind: "header" | "row" }> => l.kind === "header" || l.kind === "row",
  );
  const n = Math.max(
    2,
    ...tableLines.map((l) => placed(l).reduce((m, p) => Math.max(m, p.col + p.span), 0)),
  );
  const cap = (i: number) => caps[i] ?? MAX_WIDTH;
  const widths = new Array<number>(n).fill(6);
  const want = (i: number, w: number) => {
    const x = Math.min(cap(i), w);
    if (x > widths[i]!) widths[i] = x;
  };
  for (const l of lines) if (l.kind === "pair") want(0, textWidth(l.label) + 2);
  const spanned: { col: number; span: number; w: number }[] = [];
  for (const l of tableLines) {
    placed(l).forEach(({ col, span }, i) => {
      const v = l.cells[i] as Value;
      const w = l.kind === "header" ? headerWidth(String(v ?? "")) : valueWidth(v) + 2;
      if (span === 1) want(col, w);
      else spanned.push({ col, span, w });
    });
  }
  for (const { col, span, w } of spanned) {
    const have = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
    const last = col + span - 1;
    if (have < Math.min(w, MAX_WIDTH)) widths[last] = widths[last]! + Math.min(w, MAX_WIDTH) - have;
  }
  const room = (col: number, span: number) =>
    widths.slice(col, col + span).reduce((a, b) => a + b, 0);
  const sheet = workbook.addWorksheet(name, {
    pageSetup: landscapeA4(),
    headerFooter: headerFooter(lang),
  });
  sheet.columns = widths.map((width) => ({ width }));
  let r = 0;
  for (const line of lines) {
    r++;
    const row = sheet.getRow(r);
    switch (line.kind) {
      case "title": {
        const cell = row.getCell(1);
        cell.value = line.text;
        cell.font = { bold: true, size: 16 };
        cell.alignment = { horizontal: "center", vertical: "middle" };
        row.height = 30;
        sheet.mergeCells(r, 1, r, n);
        break;
      }
      case "heading": {
        const cell = row.getCell(1);
        cell.value = line.text;
        cell.font = { bold: true, size: 12 };
        cell.alignment = { vertical: "middle" };
        row.height = 22;
        sheet.mergeCells(r, 1, r, n);
        break;
      }
      case "pair": {
        const label = row.getCell(1);
        label.value = line.label;
        label.font = { bold: true };
        label.alignment = { vertical: "top" };
        const value = row.getCell(2);
        value.value = line.value;
        value.alignment = { vertical: "top", wrapText: true };
        sheet.mergeCells(r, 2, r, n);
        // Merged cells do not grow to fit: give long text the lines it needs.
        const need = linesIn(line.value, room(1, n - 1));
        if (need > 1) row.height = LINE * need;
        break;
      }
      case "header":
      case "row": {
        let tall = 1;
        placed(line).forEach(({ col, span }, i) => {
          const v = line.cells[i] as Value;
          const cell = row.getCell(col + 1);
          cell.value = v ?? null;
          cell.border = THIN;
          if (line.kind === "header") {
            cell.font = { bold: true };
            cell.fill = HEADER_FILL;
            cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
          } else {
            if (line.bold) cell.font = { bold: true };
            const fmt = line.formats?.[i];
            if (fmt) cell.numFmt = fmt;
            cell.alignment = { vertical: "top", wrapText: typeof v === "string" };
          }
          for (let k = 1; k < span; k++) row.getCell(col + 1 + k).border = THIN;
          if (span > 1) sheet.mergeCells(r, col + 1, r, col + span);
          if (typeof v === "string") tall = Math.max(tall, linesIn(v, room(col, span)));
        });
        if (tall > 1 || line.kind === "header")
          row.height = LINE * tall + (line.kind === "header" ? 4 : 0);
        break;
      }
      case "blank":
        break;
    }
    row.commit();
  }
  sheet.commit();
}

/** The line height of 11-point text, in points. */
const LINE = 15;

/** A parameter's value as a reader reads it: an education level by its label, a date in words. */
function parameterText(name: ParameterName, value: unknown, lang: Lang): string {
  const def = PARAMETERS[name];
  if (def.kind === "education" && typeof value === "string")
    return lang === "zh" ? ((Education.labels as Record<string, string>)[value] ?? value) : value;
  if (def.kind === "date" && typeof value === "string")
    return lang === "zh" ? zhDate(value) : value;
  return String(value);
}

function aboutLines(
  report: AuditReport,
  index: DatasetIndex | undefined,
  options: ReportWorkbookOptions,
): Line[] {
  const lang = options.lang;
  const t = T[lang];
  const counts: Record<Category, number> = { error: 0, warning: 0, info: 0, data: 0 };
  for (const f of report.findings) counts[categoryOf(f)]++;
  const parts = CATEGORIES.filter((c) => counts[c] > 0).map((c) =>
    t.part(CATEGORY_LABEL[c][lang], counts[c]),
  );
  const lines: Line[] = [
    { kind: "title", text: t.title },
    { kind: "pair", label: t.asOf, value: lang === "zh" ? zhDate(report.asOf) : report.asOf },
    { kind: "pair", label: t.policy, value: t.policyText },
    {
      kind: "pair",
      label: t.total,
      value: t.totalText(report.asOf, report.findings.length, parts),
    },
    {
      kind: "pair",
      label: t.keyCounties,
      value: t.keyCountiesText(
        report.summary.keyCounties.found,
        report.summary.keyCounties.expected,
      ),
    },
  ];
  options.inputs.forEach((input, i) => {
    lines.push({ kind: "pair", label: i === 0 ? t.inputs : "", value: input });
  });
  lines.push(
    { kind: "pair", label: t.version, value: `shuangbao ${options.version}` },
    { kind: "pair", label: t.generated, value: t.generatedText(options.version) },
    { kind: "blank" },
    { kind: "heading", text: t.parameters },
    { kind: "header", cells: t.paramHeader },
  );
  const defaults = parametersOn(report.asOf);
  const fromData = index?.parameterOverrides ?? {};
  const fromUser = options.overrides ?? {};
  const interpretations = new Set<string>(report.policy.interpretations ?? []);
  for (const name of PARAMETER_NAMES) {
    const def = PARAMETERS[name];
    lines.push({
      kind: "row",
      cells: [
        def.title[lang],
        parameterText(name, report.policy.parameters[name], lang),
        parameterText(name, defaults[name], lang),
        def.clause,
        def.note?.[lang],
        Object.hasOwn(fromUser, name)
          ? t.overridden
          : Object.hasOwn(fromData, name)
            ? t.overriddenByData
            : undefined,
        interpretations.has(name) ? t.interpretation : undefined,
      ],
    });
  }
  return lines;
}

type Coverage = CoverageCounts;

const coverage = coverageByCounty;

const ratio = (part: number, whole: number): number | undefined =>
  whole > 0 ? part / whole : undefined;

function summaryLines(report: AuditReport, index: DatasetIndex | undefined, lang: Lang): Line[] {
  const t = T[lang];
  const labels = CATEGORIES.map((c) => CATEGORY_LABEL[c][lang]);
  // With the county table below, the rule table's text spans its columns, so the counts of
  // both tables stand in the same columns and neither widens the other.
  const spans = index ? [3, 1, 7, 1, 1, 1, 1, 1] : undefined;
  const lines: Line[] = [
    { kind: "title", text: t.summaryTitle(report.asOf) },
    { kind: "heading", text: t.byRule },
    { kind: "header", cells: [...t.ruleHeader, ...labels, t.total_], ...(spans ? { spans } : {}) },
  ];
  const byRule = new Map<string, { clause?: string; counts: number[] }>();
  const total = [0, 0, 0, 0];
  for (const f of report.findings) {
    let r = byRule.get(f.ruleId);
    if (!r) {
      r = { ...(f.clause ? { clause: f.clause } : {}), counts: [0, 0, 0, 0] };
      byRule.set(f.ruleId, r);
    }
    const k = CATEGORIES.indexOf(categoryOf(f));
    r.counts[k]!++;
    total[k]!++;
  }
  const blank = (n: number) => (n === 0 ? undefined : n);
  for (const [id, r] of byRule) {
    lines.push({
      kind: "row",
      cells: [
        id,
        r.clause,
        ruleTitle(id)[lang],
        ...r.counts.map(blank),
        r.counts.reduce((a, b) => a + b, 0),
      ],
      ...(spans ? { spans } : {}),
    });
  }
  lines.push({
    kind: "row",
    bold: true,
    cells: [t.total_, undefined, undefined, ...total, report.findings.length],
    ...(spans ? { spans } : {}),
  });
  if (!index) return lines;

  const findingsBy = new Map<string, number[]>();
  for (const f of report.findings) {
    const county = findingPlace(index, f).county?.id ?? "";
    let c = findingsBy.get(county);
    if (!c) {
      c = [0, 0, 0, 0];
      findingsBy.set(county, c);
    }
    c[CATEGORIES.indexOf(categoryOf(f))]!++;
  }
  const cover = coverage(report, index);
  const pct = "0.0%";
  const formats = [
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    pct,
    undefined,
    pct,
    undefined,
    undefined,
    pct,
  ];
  lines.push(
    { kind: "blank" },
    { kind: "heading", text: t.byCounty },
    { kind: "header", cells: [...t.countyHeader, ...labels, t.total_] },
  );
  const sum: Coverage = {
    poorVillages: 0,
    withUnit: 0,
    withCadre: 0,
    households: 0,
    withHelper: 0,
  };
  const sumFindings = [0, 0, 0, 0];
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const counties = [...index.rows("counties")].sort(
    (a, b) => cmp(a.cityId ?? "", b.cityId ?? "") || cmp(a.id, b.id),
  );
  const coverageCells = (c: Coverage): Value[] => [
    c.poorVillages,
    c.withUnit,
    ratio(c.withUnit, c.poorVillages),
    c.withCadre,
    ratio(c.withCadre, c.poorVillages),
    c.households,
    c.withHelper,
    ratio(c.withHelper, c.households),
  ];
  for (const county of counties) {
    const c = cover.get(county.id) ?? {
      poorVillages: 0,
      withUnit: 0,
      withCadre: 0,
      households: 0,
      withHelper: 0,
    };
    for (const k of Object.keys(sum) as (keyof Coverage)[]) sum[k] += c[k];
    const f = findingsBy.get(county.id) ?? [0, 0, 0, 0];
    f.forEach((n, i) => {
      sumFindings[i]! += n;
    });
    lines.push({
      kind: "row",
      formats,
      cells: [
        index.city(county.cityId)?.name ?? county.cityId,
        county.name,
        county.isKeyCounty === true ? t.yes : county.isKeyCounty === false ? t.no : undefined,
        ...coverageCells(c),
        ...f.map(blank),
        f.reduce((a, b) => a + b, 0),
      ],
    });
  }
  const rest = findingsBy.get("");
  if (rest) {
    rest.forEach((n, i) => {
      sumFindings[i]! += n;
    });
    lines.push({
      kind: "row",
      cells: [
        t.noCounty,
        ...new Array<Value>(8).fill(undefined),
        ...rest.map(blank),
        rest.reduce((a, b) => a + b, 0),
      ],
      spans: [3],
    });
  }
  lines.push({
    kind: "row",
    bold: true,
    formats: formats.slice(2),
    spans: [3],
    cells: [
      t.total_,
      ...coverageCells(sum),
      ...sumFindings,
      sumFindings.reduce((a, b) => a + b, 0),
    ],
  });
  return lines;
}

const SOURCE_COLUMNS: readonly SheetColumn[] = [
  "file",
  "sheet",
  "collection",
  "recognisedBy",
  "headerLine",
  "matched",
  "ignored",
  "rows",
  "encoding",
].map((key, i) => ({
  key,
  header: T.zh.sourceHeader[i]!,
  en: T.en.sourceHeader[i]!,
  ...(key === "headerLine" || key === "rows" ? { kind: "number" as const } : {}),
}));

function sourceRows(structure: readonly SourceStructure[], lang: Lang) {
  const t = T[lang];
  return structure.map((s) => {
    const c = s.collection;
    const matched = s.matched.map((m) => {
      const name = c ? fieldName(c, m.field, lang) : m.field;
      return m.header === name
        ? m.header
        : lang === "zh"
          ? `${m.header}（${name}）`
          : `${m.header} (${name})`;
    });
    return {
      file: s.file,
      sheet: s.sheet,
      collection: c ? (lang === "zh" ? COLLECTIONS[c as CollectionName].zh : c) : t.unrecognised,
      recognisedBy:
        s.recognisedBy === "name"
          ? t.byName
          : s.recognisedBy === "headers"
            ? t.byHeaders
            : undefined,
      headerLine: s.headerLine,
      matched: matched.join(t.listSep),
      ignored: s.ignored.join(t.listSep) || undefined,
      rows: s.rows,
      encoding: s.encoding?.toUpperCase(),
    };
  });
}

/** The widest the 说明 sheet's columns grow (parameter, value, default, clause, note, …). */
const ABOUT_CAPS = [30, 14, 14, 10, 40, 20, 22];

/** The widest the 问题清单's columns grow before their text wraps: the list fits a landscape page. */
const FINDINGS_CAPS: Record<string, number> = {
  kind: 10,
  ruleId: 20,
  clause: 8,
  ruleTitle: 22,
  city: 10,
  county: 14,
  township: 12,
  village: 12,
  unit: 18,
  subject: 24,
  message: 44,
  file: 14,
  sheet: 12,
  line: 12,
  field: 12,
  count: 8,
  years: 14,
  related: 20,
};

/**
 * The XLSX audit report: 说明, 汇总, 问题清单 and (with `options.structure`) 读取情况. The same
 * report and options give the same bytes.
 * @example await writeFile("report.xlsx", await writeReportXlsx(report, index, { lang: "zh", inputs: ["data/"], version: "1.0.0" }));
 */
export async function writeReportXlsx(
  report: AuditReport,
  index: DatasetIndex | undefined,
  options: ReportWorkbookOptions,
): Promise<Uint8Array> {
  const lang = options.lang;
  const t = T[lang];
  const { workbook, finish } = await streamingWorkbook();
  freeSheet(workbook, t.sheets.about, aboutLines(report, index, options), lang, ABOUT_CAPS);
  freeSheet(workbook, t.sheets.summary, summaryLines(report, index, lang), lang);
  const findings = findingsTable(report, index, lang, { grouped: true });
  addLaidOutSheet(workbook, {
    name: t.sheets.findings,
    columns: findings.columns.map((c) => ({ ...c, maxWidth: FINDINGS_CAPS[c.key] ?? 12 })),
    rows: findings.rows as Record<string, string | number | undefined>[],
    headers: lang,
    lang,
    pageTitle: t.findingsTitle(report.asOf),
  });
  if (options.structure) {
    addLaidOutSheet(workbook, {
      name: t.sheets.sources,
      columns: SOURCE_COLUMNS,
      rows: sourceRows(options.structure, lang),
      headers: lang,
      lang,
      pageTitle: t.sourcesTitle,
    });
  }
  return finish();
}
