/**
 * The contract lifecycle of `rules.md` v2 shared by the rules about terms, renewals and ends
 * (`assignment.*`, `village.has-plans`, `unit.annual-assessment`, `village.pool-small-units`):
 * day arithmetic, a row's term end, a renewal by the same unit, and the (village, unit) pairs a
 * rule must leave alone because a date it needs is broken (no cascade).
 */
import { fromDay, type IsoDate, plusYears, toDay } from "../../calendar/calendar.js";
import type { DatasetIndex } from "../../engine/dataset-index.js";
import type { RuleContext } from "../../engine/rule-context.js";
import type { VillageAssignment } from "../../schema/collections.js";

/**
 * `date` plus `days` calendar days ("due graceDays after D" is `addDays(D, graceDays)`).
 * @example addDays("2014-07-15", 90) // "2014-10-13"
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDay(toDay(date) + days);
}

/** The key of a (village, unit) pair. */
export const pairKey = (villageId: string, unitId: string) => `${villageId}\u0000${unitId}`;

/**
 * Whether a contract row can be placed in time: a readable start and no broken `endDate`. A row
 * that cannot is neither counted nor reported by the lifecycle rules (its data finding stands).
 * @example datedRow(ctx, row) && ctx.hasStarted(row)
 */
export function datedRow(ctx: RuleContext, row: VillageAssignment): boolean {
  return ctx.start(row) !== undefined && ctx.ok(row, "endDate");
}

/**
 * A row's term end T: its start plus `termYears` whole years (29 February becomes 28 February).
 * @example termEnd(ctx, row) // "2017-07-15" for a row from 2014-07-15
 */
export function termEnd(ctx: RuleContext, row: VillageAssignment): IsoDate | undefined {
  const start = ctx.start(row);
  return start === undefined ? undefined : plusYears(start, ctx.params.termYears);
}

/**
 * Whether a row with an `endDate` is renewed: the same unit has another row for the village that
 * starts after this row's start and on or before its `endDate` (the unit stays).
 * @example isRenewed(ctx, row, index.contractsOfVillage(row.villageId))
 */
export function isRenewed(
  ctx: RuleContext,
  row: VillageAssignment,
  rowsOfVillage: readonly VillageAssignment[],
): boolean {
  const start = ctx.start(row);
  const end = row.endDate;
  if (start === undefined || end === undefined) return false;
  return rowsOfVillage.some((next) => {
    if (next === row || next.unitId !== row.unitId || !ctx.ok(next)) return false;
    const nextStart = ctx.start(next);
    return nextStart !== undefined && nextStart > start && nextStart <= end;
  });
}

/**
 * The (village, unit) pairs an `assignment.*` rule says nothing about: a contract row of the pair
 * whose start or end is broken, or an acceptance of the pair with one of `acceptanceFields`
 * broken. The rule needs every row and acceptance of a pair to tell which acceptance belongs to
 * which row, which row renews which; the data finding stands for the cause.
 * @example silentPairs(index, ctx, ["date", "passed"]).has(pairKey(row.villageId, row.unitId))
 */
export function silentPairs(
  index: DatasetIndex,
  ctx: RuleContext,
  acceptanceFields: readonly string[],
): Set<string> {
  const silent = new Set<string>();
  for (const row of index.rows("villageAssignments")) {
    if (row.villageId === undefined || row.unitId === undefined) continue;
    if (!ctx.ok(row, "villageId", "unitId")) continue;
    if (!datedRow(ctx, row)) silent.add(pairKey(row.villageId, row.unitId));
  }
  for (const a of index.rows("acceptances")) {
    if (a.villageId === undefined || a.unitId === undefined) continue;
    if (!ctx.ok(a, "villageId", "unitId")) continue;
    if (!ctx.ok(a, ...acceptanceFields)) silent.add(pairKey(a.villageId, a.unitId));
  }
  return silent;
}
