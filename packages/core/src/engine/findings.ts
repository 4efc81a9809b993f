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
