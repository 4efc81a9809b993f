/**
 * Declaring a rule. The model itself (`Rule`, `RuleHit`, `RuleScope`) lives in the engine's
 * neutral `rule-model.ts`, so the engine runs rules without importing this folder.
 */
import type { Rule } from "../engine/rule-model.js";

export type { Rule, RuleHit, RuleReads, RuleScope } from "../engine/rule-model.js";

/**
 * Declares a rule (an identity function that checks the shape at compile time).
 * @example export const villageHasUnit = defineRule({ id: "village.has-unit", … });
 */
export function defineRule(rule: Rule): Rule {
  return rule;
}
