/**
 * The audit's query strings as core's `RuleSelection`: `rules` and `skipRules` are comma-separated
 * ids, `severity` is `ID:LEVEL,…`. Ids and levels are checked here, before the body is read, with
 * the same catalogue core checks against.
 */
import { CATALOGUE, DATA_CHECKS, type RuleSelection, Severity } from "@shuangbao/core";
import { ProblemError } from "./problem.js";

const KNOWN = new Set<string>([...CATALOGUE.map((r) => r.id), ...Object.keys(DATA_CHECKS)]);

const list = (text: string | undefined) =>
  (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

function known(id: string, part: string): string {
  if (!KNOWN.has(id)) {
    throw new ProblemError(
      "invalid-request",
      `未知的规则编号 · unknown rule id “${id}” (GET /v1/rules lists them)`,
      part,
    );
  }
  return id;
}

/** The query strings of a rule selection. */
export interface RuleQuery {
  rules?: string | undefined;
  skipRules?: string | undefined;
  severity?: string | undefined;
}

/**
 * Parses and checks a rule selection; throws a 400 problem naming the query parameter.
 * @example ruleSelection({ severity: "village.has-unit:warning" })
 *   // { severity: { "village.has-unit": "warning" } }
 */
export function ruleSelection(query: RuleQuery): RuleSelection {
  const selection: RuleSelection = {};
  const only = list(query.rules).map((id) => known(id, "query.rules"));
  if (only.length > 0) selection.only = only;
  const skip = list(query.skipRules).map((id) => known(id, "query.skipRules"));
  if (skip.length > 0) selection.skip = skip;
  const severity: Record<string, Severity> = {};
  for (const entry of list(query.severity)) {
    // `ID:LEVEL` as documented; `ID=LEVEL` (the CLI's --severity form) is read too.
    const colon = Math.max(entry.lastIndexOf(":"), entry.lastIndexOf("="));
    const id = entry.slice(0, colon).trim();
    const level = entry.slice(colon + 1).trim();
    if (colon < 0 || !id) {
      throw new ProblemError(
        "invalid-request",
        `severity 应为 规则:级别 · severity entries are ID:LEVEL, not “${entry}”`,
        "query.severity",
      );
    }
    known(id, "query.severity");
    if (!(Severity.values as readonly string[]).includes(level)) {
      throw new ProblemError(
        "invalid-request",
        `未知的级别 · unknown level “${level}” for ${id} (error, warning or info)`,
        "query.severity",
      );
    }
    severity[id] = level as Severity;
  }
  if (Object.keys(severity).length > 0) selection.severity = severity;
  return selection;
}
