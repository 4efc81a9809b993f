/**
 * How the village-level duties of 二(三) name a finding (`rules.md`, "Which row a finding names"):
 * the village, and the unit where the village has exactly one contracting unit, so the auditor
 * sees whose duty it is; a pooled village names no unit.
 */
import type { RuleContext } from "../../engine/rule-context.js";
import type { Village } from "../../schema/collections.js";
import type { RuleHit } from "../rule.js";

/**
 * The `entity` and, where there is one contracting unit, the `related` of a village finding.
 * @example yield { ...villageHit(ctx, village), years: [2016] };
 */
export function villageHit(
  ctx: RuleContext,
  village: Village,
): Pick<RuleHit, "entity" | "related"> {
  const entity = { collection: "villages", id: village.id };
  const units = ctx.contractingUnits(village.id);
  return units.length === 1
    ? { entity, related: [{ collection: "units", id: units[0]!.id }] }
    : { entity };
}
