/**
 * Reads the rule catalogue out of `rules.md` — id, clause, severity, in the file's order — so
 * `spec-table.ts` is generated from the spec (`pnpm --filter @shuangbao/core spec`), never kept by
 * hand; a test regenerates it from `../shared/policy/rules.md` and fails when it is stale. The
 * table is the spec's, not the rules' code: the engine (data messages) and `rules/` both read it.
 */

export interface SpecRow {
  id: string;
  clause: string;
  severity: "error" | "warning" | "info";
}

/** The rule rows of rules.md: table rows whose first cell is a backquoted dotted id. */
export function parseRulesMd(markdown: string): SpecRow[] {
  const rows: SpecRow[] = [];
  for (const line of markdown.split(/\r?\n/)) {
    const m = /^\|\s*`([a-z-]+\.[a-z-]+)`\s*\|\s*([^|]+?)\s*\|\s*(error|warning|info)\s*\|/.exec(
      line,
    );
    if (!m || m[1]!.startsWith("data.")) continue;
    rows.push({ id: m[1]!, clause: m[2]!, severity: m[3] as SpecRow["severity"] });
  }
  return rows;
}

/** The source of `spec-table.ts` for these rows. */
export function specTableSource(rows: readonly SpecRow[]): string {
  const body = rows
    .map((r) => `  { id: "${r.id}", clause: "${r.clause}", severity: "${r.severity}" },`)
    .join("\n");
  return `/**
 * The catalogue of \`rules.md\` as a table — id, clause, severity, in the file's order — against
 * which the meta-test checks the implemented rules. Generated from ../shared/policy/rules.md by
 * \`pnpm --filter @shuangbao/core spec\`; a test fails when it is stale. Do not edit by hand.
 */
import type { SpecRow } from "./spec-source.js";

export const SPEC_TABLE: readonly SpecRow[] = [
${body}
];
`;
}
