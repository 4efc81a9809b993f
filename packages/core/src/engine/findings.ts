/**
 * Findings: what an audit reports, shaped like zod issues — values, never exceptions.
 */
import type { Severity } from "../vocabulary/enums.js";

/** A row named by its collection and id (`#<position>` for rows without id, `*` for a file). */
export interface EntityRef {
  collection: string;
  id: string;
}

/** Where a row came from: file, sheet (XLSX) and 1-based line (the header is line 1). */
export interface Source {
  file: string;
  sheet?: string;
  line?: number;
}

/** A message in Chinese and English. */
export interface Message {
  zh: string;
  en: string;
}

/**
 * How a finding is labelled for a reader (rules.md "Words in Chinese output"): 不符合 (error),
 * 需说明 (warning), 提示 (info) for the policy's rules, 数据问题 for data checks whatever their
 * severity — a policy breach must not read as a data error, nor an exception as a breach.
 * @example findingLabel({ ruleId: "data.duplicate-id", severity: "error" }).zh // "数据问题"
 */
export function findingLabel(f: Pick<Finding, "ruleId" | "severity">): Message {
  if (f.ruleId.startsWith("data.")) return { zh: "数据问题", en: "data problem" };
  return SEVERITY_LABELS[f.severity];
}

const SEVERITY_LABELS: Record<Severity, Message> = {
  error: { zh: "不符合", en: "breach" },
  warning: { zh: "需说明", en: "to explain" },
  info: { zh: "提示", en: "note" },
};

/** A value for a message placeholder: the same in both languages, or one per language. */
export type MessageParam = string | number | Message;

/**
 * A date in Chinese prose: `2017-07-15` → `2017年7月15日` (anything else unchanged).
 * @example zhDate("2014-07-09") // "2014年7月9日"
 */
export function zhDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : value;
}

/**
 * A list of names or periods in both languages: `、` between Chinese items, `, ` between English.
 * @example joinMessages([{ zh: "甲", en: "A" }, { zh: "乙", en: "B" }]) // { zh: "甲、乙", en: "A, B" }
 */
export function joinMessages(items: readonly Message[]): Message {
  return { zh: items.map((m) => m.zh).join("、"), en: items.map((m) => m.en).join(", ") };
}

/**
 * The placeholder values of one language: `{ zh, en }` values pick theirs, dates are written the
 * language's way.
 */
export function paramsIn(
  lang: "zh" | "en",
  params: Readonly<Record<string, MessageParam>>,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] =
      typeof value === "object"
        ? value[lang]
        : lang === "zh" && typeof value === "string"
          ? zhDate(value)
          : value;
  }
  return out;
}

/** One finding of the report (`data-model.md`, "The audit report"). */
export interface Finding {
  ruleId: string;
  severity: Severity;
  clause?: string;
  entity: EntityRef;
  related?: EntityRef[];
  message: Message;
  source?: Source;
  field?: string;
  years?: number[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function relatedKey(f: Finding): string {
  return f.related ? f.related.map((r) => `${r.collection}\u0000${r.id}`).join("\u0001") : "";
}

/**
 * The report's order: severity (error first), then ruleId, entity collection, entity id,
 * related, field, source line — so two runs print the same bytes.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.entity.collection, b.entity.collection) ||
    cmp(a.entity.id, b.entity.id) ||
    cmp(relatedKey(a), relatedKey(b)) ||
    cmp(a.field ?? "", b.field ?? "") ||
    (a.source?.line ?? 0) - (b.source?.line ?? 0) ||
    cmp(a.source?.file ?? "", b.source?.file ?? "") ||
    cmp(a.source?.sheet ?? "", b.source?.sheet ?? "")
  );
}

/**
 * Fills a message template's `{name}` placeholders.
 * @example format("村{village}没有包村单位", { village: "X (1)" }) // "村X (1)没有包村单位"
 */
export function format(
  template: string,
  params: Readonly<Record<string, string | number>>,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}
