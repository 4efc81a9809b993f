/**
 * Masking of personal names, where a deployment asks for it (the policy's people are named in
 * every finding; some offices may show the findings to people who may not see the names): a
 * person's name or a household head's keeps its first character, the family name, and the rest
 * is `*` — 张三 → 张*, 欧阳娜娜 → 欧***. A name is masked where a text names its row: just before
 * the row's id in brackets, as every label of core writes it (`张三（P-1）`,
 * `贫困户张一（户编号：H-1）`, `household 张一 (H-1)`, the tables' `张三(P-1)`). Places and units keep
 * their names: they are not personal.
 */
import type { AuditReport } from "./audit.js";
import type { DatasetIndex } from "./dataset-index.js";
import type { Finding } from "./findings.js";

/**
 * A personal name masked: its first character kept, every other one `*`.
 * @example maskName("张三") // "张*"
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return name;
  return chars[0] + "*".repeat(chars.length - 1);
}

/** An id in brackets, full- or half-width, a household's `户编号：` before it. */
const BRACKETED_ID = /[（(](?:户编号：)?([^（）()\s]{1,64})[）)]/g;

/**
 * A function that masks, in a text, the personal names of `index`'s people and households where
 * the text names their rows (the name just before the id in brackets, a space between allowed).
 * @example nameMasker(index)("帮扶责任人张三（P-1）未走访") // "帮扶责任人张*（P-1）未走访"
 */
export function nameMasker(index: DatasetIndex): (text: string) => string {
  const nameOf = (id: string): string | undefined =>
    index.person(id)?.name ?? index.household(id)?.headName;
  return (text) => {
    if (!text.includes("(") && !text.includes("（")) return text;
    let out = "";
    let from = 0;
    for (const m of text.matchAll(BRACKETED_ID)) {
      const name = nameOf(m[1]!)?.trim();
      if (!name) continue;
      let end = m.index;
      if (text[end - 1] === " ") end--;
      const start = end - name.length;
      if (start < from || text.slice(start, end) !== name) continue;
      out += text.slice(from, start) + maskName(name);
      from = end;
    }
    return from === 0 ? text : out + text.slice(from);
  };
}

/** A copy of a value with `mask` applied to every string in it (object keys are names). */
function mapStrings<T>(value: T, mask: (text: string) => string): T {
  if (typeof value === "string") return mask(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, mask)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, mask);
    return out as T;
  }
  return value;
}

/**
 * A report whose findings name no person or household head in full (`nameMasker`): messages in
 * both languages, and every other string of a finding.
 * @example maskReportNames(report, index).findings[0].message.zh // "…帮扶责任人张*（P-1）…"
 */
export function maskReportNames(report: AuditReport, index: DatasetIndex): AuditReport {
  const mask = nameMasker(index);
  return { ...report, findings: report.findings.map((f: Finding) => mapStrings(f, mask)) };
}
