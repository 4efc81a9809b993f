/**
 * The text report auditors read, in the words of a 扶贫办 inspection (rules.md "Words in Chinese
 * output"): the 核查基准日, a summary (不符合 / 需说明 / 提示 / 数据问题, the interpretation
 * parameters in force), counts by rule and by county, then the 问题清单 grouped by rule, each
 * group headed by the rule's clause, title and quoted sentence, each finding with its message
 * (which names its entity) and its `file:line`.
 */
import { styleText } from "node:util";
import {
  type AuditReport,
  DATA_CHECKS,
  type DatasetIndex,
  type Finding,
  findingLabel,
  PARAMETERS,
  ruleById,
  zhDate,
} from "@shuangbao/core";
import { countyOfEntity } from "./county.js";

export interface TextOptions {
  lang: "zh" | "en";
  color: boolean;
}

type Style = Parameters<typeof styleText>[0];

const T = {
  zh: {
    title: "“单位包村、干部包户”定点帮扶工作核查报告",
    asOf: (d: string) => `核查基准日：${zhDate(d)}`,
    summary: "一、总体情况",
    total: (d: string, n: number) => `截至${zhDate(d)}，共发现问题${n}项：`,
    count: (label: string, n: number) => `${label}${n}项`,
    sep: "，",
    end: "。",
    byRule: "二、按规则统计",
    byCounty: "三、按县区统计",
    list: "四、问题清单",
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
    summary: "1. Summary",
    total: (d: string, n: number) => `As of ${d}, ${n} findings: `,
    count: (label: string, n: number) => `${n} ${label}`,
    sep: ", ",
    end: ".",
    byRule: "2. By rule",
    byCounty: "3. By county",
    list: "4. Findings",
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

function where(f: Finding): string {
  if (!f.source) return "";
  const sheet = f.source.sheet ? `[${f.source.sheet}]` : "";
  return `${f.source.file}${sheet}${f.source.line ? `:${f.source.line}` : ""}`;
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
  const out: string[] = [];
  const s = report.summary;
  out.push(paint("bold", t.title), t.asOf(report.asOf), "");
  out.push(paint("bold", t.summary));
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
  out.push("", paint("bold", t.byRule));
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
    out.push("", paint("bold", t.byCounty));
    for (const [c, n] of [...byCounty].sort(([a], [b]) =>
      a === "" ? 1 : b === "" ? -1 : a < b ? -1 : 1,
    )) {
      out.push(`  ${String(n).padStart(6)}  ${c ? index.labels("counties", c)[lang] : t.province}`);
    }
  }
  out.push("", paint("bold", t.list));
  let current = "";
  for (const f of report.findings) {
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
    const w = where(f);
    out.push(`  - ${f.message[lang]}${w ? t.where(w) : ""}`);
  }
  return `${out.join("\n")}\n`;
}
