/**
 * The catalogue: the explicit list of every rule, in the order of `rules.md`. A rule that is not
 * listed in a section's index does not run; a meta-test checks each one's clause, severity,
 * quote, titles and test file against the spec table.
 */
import { SECTION_1_RULES } from "./1-targets/index.js";
import { SECTION_2_DUTY_RULES } from "./2-unit-contracts/duties.js";
import { SECTION_2_ARRANGEMENT_RULES } from "./2-unit-contracts/index.js";
import { SECTION_3_RULES } from "./3-household-contracts/index.js";
import { SECTION_4_RULES } from "./4-requirements/index.js";
import type { Rule } from "./rule.js";
import { SPEC_TABLE } from "./spec-table.js";

const ORDER = new Map(SPEC_TABLE.map((r, i) => [r.id, i]));

/** Every implemented rule, in the order of `rules.md`. */
export const CATALOGUE: readonly Rule[] = [
  ...SECTION_1_RULES,
  ...SECTION_2_ARRANGEMENT_RULES,
  ...SECTION_2_DUTY_RULES,
  ...SECTION_3_RULES,
  ...SECTION_4_RULES,
].sort((a, b) => (ORDER.get(a.id) ?? 999) - (ORDER.get(b.id) ?? 999));

/**
 * A rule of the catalogue by id.
 * @example ruleById("village.has-unit")?.clause // "一"
 */
export function ruleById(id: string): Rule | undefined {
  return CATALOGUE.find((r) => r.id === id);
}
