/**
 * The catalogue: every rule, in the order of `rules.md`. A rule is registered by no hand-written
 * line: its section's `index.ts` is generated from the folder (`section-index.ts`); a meta-test
 * checks the catalogue against the
 * spec table (each rule of `rules.md` once, no other) and each rule's clause, severity, quote,
 * titles and test file.
 */
import { SPEC_TABLE } from "../spec/spec-table.js";
import * as targets from "./1-targets/index.js";
import * as unitContracts from "./2-unit-contracts/index.js";
import * as householdContracts from "./3-household-contracts/index.js";
import * as requirements from "./4-requirements/index.js";
import type { Rule } from "./rule.js";

const ORDER = new Map(SPEC_TABLE.map((r, i) => [r.id, i]));

/** Whether a section's export is a rule (sections also export the helpers their rules share). */
const isRule = (value: unknown): value is Rule =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as Rule).id === "string" &&
  typeof (value as Rule).check === "function";

/** Every implemented rule, in the order of `rules.md`. */
export const CATALOGUE: readonly Rule[] = [
  ...new Set(
    [targets, unitContracts, householdContracts, requirements].flatMap((section) =>
      Object.values(section).filter(isRule),
    ),
  ),
].sort((a, b) => (ORDER.get(a.id) ?? ORDER.size) - (ORDER.get(b.id) ?? ORDER.size));

/**
 * A rule of the catalogue by id.
 * @example ruleById("village.has-unit")?.clause // "一"
 */
export function ruleById(id: string): Rule | undefined {
  return CATALOGUE.find((r) => r.id === id);
}
