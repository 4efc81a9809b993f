/**
 * The text report auditors read, in the words of a 扶贫办 inspection (rules.md "Words in Chinese
 * output"): the 核查基准日, what was read as what (the structure report: each file or sheet, the
 * collection it was read as, its header row, the columns matched and ignored), a summary
 * (不符合 / 需说明 / 提示 / 数据问题, the interpretation parameters in force), counts by rule and
 * by county, then the 问题清单 grouped by rule, each rule headed by its clause, title and quoted
 * sentence, each finding with its message (which names its entity) and where it is. No cascades:
 * many findings of one field of one file are one line with their count and first rows, and the
 * unknown columns of a file are one line.
 */
import { styleText } from "node:util";
import {
  type AuditReport,
  COLLECTIONS,
  DATA_CHECKS,
  type DatasetIndex,
  type Finding,
  findingLabel,
  groupFindings,
  PARAMETERS,
  ruleById,
  zhDate,
} from "@shuangbao/core";
import type { SourceStructure } from "@shuangbao/io";
import { countyOfEntity } from "./county.js";

export interface TextOptions {
  lang: "zh" | "en";
  color: boolean;
  /** What was read as what (io's `ReadOptions.structure`): shown before the findings. */
  structure?: readonly SourceStructure[] | undefined;
}

type Style = Parameters<typeof styleText>[0];

const T = {
  zh: {
    title: "“单位包村、干部包户”定点帮扶工作核查报告",
    asOf: (d: string) => `核查基准日：${zhDate(d)}`,
    read: "数据读取情况",
    summary: "总体情况",
    total: (d: string, n: number) => `截至${zhDate(d)}，共发现问题${n}项：`,
    count: (label: string, n: number) => `${label}${n}项`,
    sep: "，",
    end: "。",
    byRule: "按规则统计",
    byCounty: "按县区统计",
    list: "问题清单",
    heading: (n: number, title: string) => `${"一二三四五六七八九十"[n - 1]}、${title}`,
    none: (d: string) => `截至${zhDate(d)}，未发现问题。`,
    province: "省、市级或数据文件",
    keyCounties: (found: number, expected: number) =>
      `重点县：数据中${found}个，政策应有${expected}个。`,
    interpretations: "本报告采用的解释性参数（原文未给出具体数值，为本工具的解读）：",
    clause: (c: string) => `［${c}］`,
    where: (w: string) => `（${w}）`,
    colon: "：",
  },
  en: {
    title: "“单位包村、干部包户” (shuangbao) inspection report",
    asOf: (d: string) => `As of ${d}`,
    read: "What was read",
    summary: "Summary",
    total: (d: string, n: number) => `As of ${d}, ${n} findings: `,
    count: (label: string, n: number) => `${n} ${label}`,
    sep: ", ",
    end: ".",
    byRule: "By rule",
    byCounty: "By county",
    list: "Findings",
    heading: (n: number, title: string) => `${n}. ${title}`,
    none: (d: string) => `As of ${d}, no findings.`,
    province: "province, city or file level",
    keyCounties: (found: number, expected: number) =>
      `Key counties: ${found} in the data, ${expected} by the policy.`,
    interpretations: "Interpretation parameters (the text gives no number; these are our reading):",
    clause: (c: string) => `[${c}]`,
    where: (w: string) => ` (${w})`,
    colon: ": ",
  },
} as const;

function titleOf(
  ruleId: string,
  lang: "zh" | "en",
): { title: string; clause?: string; quote?: string } {
  const rule = ruleById(ruleId);
  if (rule) return { title: rule.title[lang], clause: rule.clause, quote: rule.quote };
  const check = (DATA_CHECKS as Record<string, { title: { zh: string; en: string } }>)[ruleId];
  return { title: check ? check.title[lang] : ruleId };
}

/** The file (and sheet) a finding or a source is in: `units.csv`, `data.xlsx［贫困户］`. */
function fileOf(source: { file: string; sheet?: string | undefined }, lang: "zh" | "en"): string {
  if (!source.sheet) return source.file;
  return lang === "zh" ? `${source.file}［${source.sheet}］` : `${source.file}[${source.sheet}]`;
}

/** Where a finding is: `units.csv第3行` (zh), `units.csv:3` (en). */
function where(f: Finding, lang: "zh" | "en"): string {
  if (!f.source) return "";
  const line = f.source.line;
  if (!line) return fileOf(f.source, lang);
  return lang === "zh"
    ? `${fileOf(f.source, lang)}第${line}行`
    : `${fileOf(f.source, lang)}:${line}`;
}

/** Where a group of findings is, with its count and first rows. */
function whereGroup(f: Finding, count: number, lines: readonly number[], lang: "zh" | "en") {
  const file = f.source ? fileOf(f.source, lang) : "";
  const more = count > lines.length ? "…" : "";
  return lang === "zh"
    ? `共${count}行（${file}第${lines.join("、")}行${more}），例如：`
    : `${count} rows (${file} lines ${lines.join(", ")}${more}), e.g. `;
}

const collectionZh = (c: string) =>
  (COLLECTIONS as Record<string, { zh: string } | undefined>)[c]?.zh ?? c;

/** One line per source read: what it was read as, its header row, its columns and rows. */
export function structureLines(structure: readonly SourceStructure[], lang: "zh" | "en"): string[] {
  return structure.map((s) => {
    const file = fileOf(s, lang);
    const ignored = s.ignored;
    if (lang === "zh") {
      if (!s.collection) return `${file}：未识别为数据模型中的表，已忽略。`;
      const parts = [
        `读作${collectionZh(s.collection)}${s.recognisedBy === "headers" ? "（按表头识别）" : s.recognisedBy === "name" ? "（按名称识别）" : ""}`,
      ];
      if (s.headerLine) parts.push(`表头在第${s.headerLine}行`);
      if (s.matched.length > 0 || s.headerLine) parts.push(`匹配${s.matched.length}列`);
      if (ignored.length > 0)
        parts.push(`忽略${ignored.length}列（${ignored.map((h) => `“${h}”`).join("、")}）`);
      parts.push(`数据${s.rows}行`);
      if (s.encoding && s.encoding !== "utf-8") parts.push(`编码为${s.encoding.toUpperCase()}`);
      return `${file}：${parts.join("，")}。`;
    }
    if (!s.collection) return `${file}: not a collection of the data model, ignored.`;
    const parts = [
      `read as ${s.collection}${s.recognisedBy === "headers" ? " (by its headers)" : s.recognisedBy === "name" ? " (by its name)" : ""}`,
    ];
    if (s.headerLine) parts.push(`header on line ${s.headerLine}`);
    if (s.matched.length > 0 || s.headerLine) parts.push(`${s.matched.length} columns matched`);
    if (ignored.length > 0) parts.push(`${ignored.length} ignored (${ignored.join(", ")})`);
    parts.push(`${s.rows.toLocaleString("en")} rows`);
    if (s.encoding && s.encoding !== "utf-8") parts.push(`encoding ${s.encoding}`);
    return `${file}: ${parts.join(", ")}.`;
  });
}

/** The unknown columns of one file as one line (the loader reports one finding per column). */
function unknownColumnsLine(findings: readonly Finding[], lang: "zh" | "en"): string {
  const first = findings[0]!;
  const w = first.source ? fileOf(first.source, lang) : "";
  if (findings.length === 1) return `${first.message[lang]}${w ? T[lang].where(w) : ""}`;
  const fields = findings.map((f) => f.field ?? "");
  const c = first.entity.collection;
  return lang === "zh"
    ? `${collectionZh(c)}表中的${fields.length}列不在数据模型中，已忽略：${fields.map((h) => `“${h}”`).join("、")}。${w ? T.zh.where(w) : ""}`
    : `${c}: ${fields.length} columns are not in the data model and are ignored: ${fields.join(", ")}${w ? T.en.where(w) : ""}`;
}

/** Renders the report as text: an inspection report in the words of rules.md. */
export function renderText(
  report: AuditReport,
  index: DatasetIndex | undefined,
  options: TextOptions,
): string {
  const lang = options.lang;
  const t = T[lang];
  // The caller decided (a terminal, no NO_COLOR): styleText must not second-guess it from process.stdout.
  const paint = (style: Style, text: string) =>
    options.color ? styleText(style, text, { validateStream: false }) : text;
  const styleOf = (f: Pick<Finding, "ruleId" | "severity">): Style =>
    f.ruleId.startsWith("data.")
      ? "magenta"
      : f.severity === "error"
        ? "red"
        : f.severity === "warning"
          ? "yellow"
          : "cyan";
  const label = (f: Pick<Finding, "ruleId" | "severity">) =>
    paint(styleOf(f), findingLabel(f)[lang]);
  let section = 0;
  const heading = (title: string) => paint("bold", t.heading(++section, title));
  const out: string[] = [];
  const s = report.summary;
  out.push(paint("bold", t.title), t.asOf(report.asOf), "");
  if (options.structure && options.structure.length > 0) {
    out.push(heading(t.read));
    for (const line of structureLines(options.structure, lang)) out.push(`  ${line}`);
    out.push("");
  }
  out.push(heading(t.summary));
  if (report.findings.length === 0) out.push(`  ${t.none(report.asOf)}`);
  else {
    const counts = { error: 0, warning: 0, info: 0, data: 0 };
    for (const f of report.findings) {
      if (f.ruleId.startsWith("data.")) counts.data++;
      else counts[f.severity]++;
    }
    const parts = (["error", "warning", "info", "data"] as const)
      .filter((k) => counts[k] > 0)
      .map((k) =>
        t.count(
          label(
            k === "data" ? { ruleId: "data.", severity: "error" } : { ruleId: "", severity: k },
          ),
          counts[k],
        ),
      );
    out.push(`  ${t.total(report.asOf, report.findings.length)}${parts.join(t.sep)}${t.end}`);
  }
  out.push(`  ${t.keyCounties(s.keyCounties.found, s.keyCounties.expected)}`);
  const interpretations = report.policy.interpretations ?? [];
  if (interpretations.length > 0) {
    out.push(`  ${t.interpretations}`);
    for (const name of interpretations) {
      const def = PARAMETERS[name];
      out.push(`    ${def.title[lang]}${t.colon}${String(report.policy.parameters[name])}`);
    }
  }
  if (report.findings.length === 0) return `${out.join("\n")}\n`;
  out.push("", heading(t.byRule));
  const severityOf = new Map(report.findings.map((f) => [f.ruleId, f]));
  for (const [id, n] of Object.entries(s.byRule)) {
    const f = severityOf.get(id)!;
    out.push(`  ${String(n).padStart(6)}  ${label(f)}  ${id}  ${titleOf(id, lang).title}`);
  }
  if (index) {
    const byCounty = new Map<string, number>();
    for (const f of report.findings) {
      const c = countyOfEntity(index, f.entity) ?? "";
      byCounty.set(c, (byCounty.get(c) ?? 0) + 1);
    }
    out.push("", heading(t.byCounty));
    for (const [c, n] of [...byCounty].sort(([a], [b]) =>
      a === "" ? 1 : b === "" ? -1 : a < b ? -1 : 1,
    )) {
      out.push(`  ${String(n).padStart(6)}  ${c ? index.labels("counties", c)[lang] : t.province}`);
    }
  }
  out.push("", heading(t.list));
  // The unknown columns of a file, gathered: shown once, where the first of them is.
  const unknownColumns = new Map<string, Finding[]>();
  const fileKey = (f: Finding) =>
    `${f.entity.collection}\u0000${f.source?.file ?? ""}\u0000${f.source?.sheet ?? ""}`;
  for (const f of report.findings) {
    if (f.ruleId !== "data.unknown-column") continue;
    const list = unknownColumns.get(fileKey(f));
    if (list) list.push(f);
    else unknownColumns.set(fileKey(f), [f]);
  }
  let current = "";
  for (const group of groupFindings(report.findings)) {
    const f = group.first;
    let line: string;
    if (f.ruleId === "data.unknown-column") {
      const list = unknownColumns.get(fileKey(f));
      if (!list) continue;
      unknownColumns.delete(fileKey(f));
      line = unknownColumnsLine(list, lang);
    } else if (group.count > 1) {
      line = `${whereGroup(f, group.count, group.lines, lang)}${f.message[lang]}`;
    } else {
      const w = where(f, lang);
      line = `${f.message[lang]}${w ? t.where(w) : ""}`;
    }
    const key = `${f.severity}\u0000${f.ruleId}`;
    if (key !== current) {
      current = key;
      const r = titleOf(f.ruleId, lang);
      out.push(
        "",
        `${label(f)} ${paint("bold", f.ruleId)}${r.clause ? ` ${t.clause(r.clause)}` : ""} ${r.title}`,
      );
      if (r.quote) out.push(paint("dim", `  “${r.quote}”`));
    }
    out.push(`  - ${line}`);
  }
  return `${out.join("\n")}\n`;
}
