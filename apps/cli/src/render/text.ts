/**
 * The text report auditors read: a summary first (counts by severity, by rule, by county), then
 * the findings grouped by rule, each group headed by the rule's title, clause and quoted sentence,
 * each finding with its entity by name and id and its `file:line`.
 */
import { styleText } from "node:util";
import {
  type AuditReport,
  type CollectionName,
  DATA_CHECKS,
  type DatasetIndex,
  type Finding,
  ruleById,
} from "@shuangbao/core";
import { countyOfEntity } from "./county.js";

export interface TextOptions {
  lang: "zh" | "en";
  color: boolean;
}

type Style = Parameters<typeof styleText>[0];

const T = {
  zh: {
    title: "双包审计报告",
    asOf: "审计日期",
    summary: "汇总",
    error: "错误",
    warning: "警告",
    info: "提示",
    byRule: "按规则",
    byCounty: "按县区",
    none: "未发现问题。",
    province: "省、市级或数据文件",
    keyCounties: "重点县",
    found: "数据中",
    expected: "应有",
  },
  en: {
    title: "Shuangbao audit report",
    asOf: "as of",
    summary: "Summary",
    error: "errors",
    warning: "warnings",
    info: "info",
    byRule: "By rule",
    byCounty: "By county",
    none: "No findings.",
    province: "province, city or file level",
    keyCounties: "key counties",
    found: "in the data",
    expected: "expected",
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
  return ` (${f.source.file}${sheet}${f.source.line ? `:${f.source.line}` : ""})`;
}

/** Renders the report as text. */
export function renderText(
  report: AuditReport,
  index: DatasetIndex | undefined,
  options: TextOptions,
): string {
  const t = T[options.lang];
  // The caller decided (a terminal, no NO_COLOR): styleText must not second-guess it from process.stdout.
  const paint = (style: Style, text: string) =>
    options.color ? styleText(style, text, { validateStream: false }) : text;
  const sev = (s: Finding["severity"]) =>
    paint(s === "error" ? "red" : s === "warning" ? "yellow" : "cyan", t[s]);
  const out: string[] = [];
  const s = report.summary;
  out.push(paint("bold", `${t.title} · ${t.asOf} ${report.asOf}`), "");
  out.push(
    paint("bold", t.summary),
    `  ${sev("error")} ${s.error}   ${sev("warning")} ${s.warning}   ${sev("info")} ${s.info}`,
    `  ${t.keyCounties}: ${t.found} ${s.keyCounties.found} / ${t.expected} ${s.keyCounties.expected}`,
  );
  if (report.findings.length === 0) {
    out.push("", t.none);
    return `${out.join("\n")}\n`;
  }
  out.push("", paint("bold", t.byRule));
  for (const [id, n] of Object.entries(s.byRule))
    out.push(`  ${String(n).padStart(6)}  ${id}  ${titleOf(id, options.lang).title}`);
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
      out.push(`  ${String(n).padStart(6)}  ${c ? index.label("counties", c) : t.province}`);
    }
  }
  let current = "";
  for (const f of report.findings) {
    const key = `${f.severity}\u0000${f.ruleId}`;
    if (key !== current) {
      current = key;
      const r = titleOf(f.ruleId, options.lang);
      out.push(
        "",
        `${sev(f.severity)} ${paint("bold", f.ruleId)}${r.clause ? ` [${r.clause}]` : ""} ${r.title}`,
      );
      if (r.quote) out.push(paint("dim", `  “${r.quote}”`));
    }
    const name = index
      ? index.label(f.entity.collection as CollectionName, f.entity.id)
      : f.entity.id;
    out.push(`  - ${name}${where(f)}: ${f.message[options.lang]}`);
  }
  return `${out.join("\n")}\n`;
}
