/**
 * A rule selection as a person types it — the CLI's `--rule`, `--skip-rule`, `--severity ID=LEVEL`
 * and the API's `rules`, `skipRules`, `severity=ID:LEVEL,…` — read into the audit's
 * `RuleSelection` in one place, so both say the same thing about the same mistake. Ids are checked
 * against the catalogue and the data checks here, before any data is read.
 */
import type { RuleSelection } from "./engine/audit.js";
import { DATA_CHECKS } from "./engine/data-messages.js";
import { ConfigurationError } from "./params/parameters.js";
import { CATALOGUE } from "./rules/catalogue.js";
import { Severity } from "./vocabulary/enums.js";

/** The typed parts of a selection: each entry one id (or `ID=LEVEL`), or several comma-separated. */
export interface RuleSelectionText {
  /** Run only these rules. */
  only?: string | readonly string[] | undefined;
  /** Skip these rules or data checks. */
  skip?: string | readonly string[] | undefined;
  /** Severity overrides, `ID=LEVEL` or `ID:LEVEL`. */
  severity?: string | readonly string[] | undefined;
}

const KNOWN = new Set<string>([...CATALOGUE.map((r) => r.id), ...Object.keys(DATA_CHECKS)]);

/** The non-empty, trimmed comma-separated entries of one part. */
function entries(text: string | readonly string[] | undefined): string[] {
  const parts = typeof text === "string" ? [text] : (text ?? []);
  return parts
    .flatMap((p) => p.split(","))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function known(id: string, path: string): string {
  if (!KNOWN.has(id)) {
    throw new ConfigurationError(
      path,
      `unknown rule id “${id}”`,
      `没有编号为“${id}”的规则或数据检查`,
    );
  }
  return id;
}

/** One `ID=LEVEL` (or `ID:LEVEL`) entry. */
function override(entry: string): [string, Severity] {
  const at = Math.max(entry.lastIndexOf(":"), entry.lastIndexOf("="));
  const id = entry.slice(0, at).trim();
  const level = entry.slice(at + 1).trim();
  if (at < 0 || !id) {
    throw new ConfigurationError(
      "rules.severity",
      `a severity override is ID=LEVEL (error, warning or info), not “${entry}”`,
      `级别调整应写作“规则编号=级别”（error、warning 或 info），不是“${entry}”`,
    );
  }
  known(id, "rules.severity");
  if (!(Severity.values as readonly string[]).includes(level)) {
    throw new ConfigurationError(
      `rules.severity.${id}`,
      `unknown level “${level}” for ${id} (error, warning or info)`,
      `${id}的级别“${level}”无效，应为 error、warning 或 info`,
    );
  }
  return [id, level as Severity];
}

/**
 * Reads and checks a typed rule selection. Throws a `ConfigurationError` in both languages naming
 * the bad entry, with the path of its part: `rules.only`, `rules.skip`, `rules.severity` (or
 * `rules.severity.<id>` for a bad level).
 * @example parseRuleSelection({ only: "village.has-unit", severity: ["village.has-unit=warning"] })
 *   // { only: ["village.has-unit"], severity: { "village.has-unit": "warning" } }
 */
export function parseRuleSelection(text: RuleSelectionText): RuleSelection {
  const selection: RuleSelection = {};
  const only = entries(text.only).map((id) => known(id, "rules.only"));
  if (only.length > 0) selection.only = only;
  const skip = entries(text.skip).map((id) => known(id, "rules.skip"));
  if (skip.length > 0) selection.skip = skip;
  const severity = Object.fromEntries(entries(text.severity).map(override));
  if (Object.keys(severity).length > 0) selection.severity = severity;
  return selection;
}
