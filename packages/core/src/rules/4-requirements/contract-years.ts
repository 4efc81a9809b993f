/**
 * The shared walk of the per-year duties of a contracting unit (visits, meetings): every
 * `villageAssignments` row that has started, current or ended, and each of its ended contract
 * years (`rules.md`, "Time"); one hit per unit and village naming every failing year.
 */
import type { DatasetIndex } from "../../engine/dataset-index.js";
import type { RuleContext } from "../../engine/rule-context.js";
import type { Unit } from "../../schema/collections.js";
import type { RuleHit } from "../rule.js";

/** One ended contract year of a row, as `RuleContext.contractYears` gives it. */
export type ContractYear = ReturnType<RuleContext["contractYears"]>[number];

/**
 * Hits for the (unit, village) pairs with a failing contract year; `fails` returns undefined for a
 * unit the rule must leave out (a broken field it reads).
 * @example failingContractYears(index, ctx, (unit, v, y) => count(unit, v, y) < 2)
 */
export function failingContractYears(
  index: DatasetIndex,
  ctx: RuleContext,
  fails: (unit: Unit, villageId: string, year: ContractYear) => boolean | undefined,
  params?: Record<string, string | number>,
): RuleHit[] {
  const failing = new Map<string, { unitId: string; villageId: string; years: Set<number> }>();
  for (const row of index.rows("villageAssignments")) {
    if (!ctx.ok(row, "villageId", "unitId")) continue;
    const unit = index.unit(row.unitId);
    if (!unit) continue;
    for (const year of ctx.contractYears(row)) {
      const result = fails(unit, row.villageId, year);
      if (result === undefined) break;
      if (!result) continue;
      const key = `${unit.id}\u0000${row.villageId}`;
      const entry = failing.get(key) ?? {
        unitId: unit.id,
        villageId: row.villageId,
        years: new Set<number>(),
      };
      entry.years.add(year.year);
      failing.set(key, entry);
    }
  }
  return [...failing.values()].map(({ unitId, villageId, years }) => ({
    entity: { collection: "units", id: unitId },
    related: [{ collection: "villages", id: villageId }],
    years: [...years].sort((a, b) => a - b),
    ...(params ? { params } : {}),
  }));
}
