/**
 * Declaring a rule. The model itself (`Rule`, `RuleHit`, `RuleScope`, and `RuleReads`) lives in
 * the engine's neutral `rule-model.ts` and `rule-reads.ts`, so the engine runs rules without
 * importing this folder.
 */
import type { Rule } from "../engine/rule-model.js";

export type { Rule, RuleHit, RuleScope } from "../engine/rule-model.js";
export type { RuleReads } from "../engine/rule-reads.js";

/**
 * Declares a rule (an identity function that checks the shape at compile time).
 * @example export const villageHasUnit = defineRule({ id: "village.has-unit", … });
 */
export function defineRule(rule: Rule): Rule {
  return rule;
}
