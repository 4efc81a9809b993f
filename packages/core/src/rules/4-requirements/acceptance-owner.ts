/**
 * Which contract row an acceptance belongs to (`rules.md`, after the 四 table): the row of its
 * (village, unit) pair with the latest term end T such that T − `acceptanceEarlyDays` is on or
 * before the acceptance's date; where no row qualifies, the row in force on its date; otherwise
 * none. So an acceptance held just after a term's end, when the same unit's renewal has already
 * started, still belongs to the term that ended.
 */
import { toDay } from "../../calendar/calendar.js";
import type { DatasetIndex } from "../../engine/dataset-index.js";
import type { RuleContext } from "../../engine/rule-context.js";
import type { Acceptance, VillageAssignment } from "../../schema/collections.js";
import { termEnd } from "./contract-terms.js";

/**
 * The row an acceptance belongs to, among the rows of its village (`undefined`: none). Two rows
 * with the same term end, or two rows in force on the date, go to the later start, then the later
 * in the dataset.
 * @example ownerOf(ctx, a, index.contractsOfVillage(a.villageId))
 */
export function ownerOf(
  ctx: RuleContext,
  acceptance: Acceptance,
  rowsOfVillage: readonly VillageAssignment[],
): VillageAssignment | undefined {
  const day = toDay(acceptance.date);
  let byTerm: VillageAssignment | undefined;
  let byTermEnd = "";
  let inForce: VillageAssignment | undefined;
  let inForceStart = "";
  for (const row of rowsOfVillage) {
    if (row.unitId !== acceptance.unitId || !ctx.ok(row)) continue;
    const start = ctx.start(row);
    const end = termEnd(ctx, row);
    if (start === undefined || end === undefined) continue;
    if (toDay(end) - ctx.params.acceptanceEarlyDays <= day && end >= byTermEnd) {
      byTerm = row;
      byTermEnd = end;
    }
    if (ctx.inForceOn(row, acceptance.date) && start >= inForceStart) {
      inForce = row;
      inForceStart = start;
    }
  }
  return byTerm ?? inForce;
}

/**
 * The acceptances (with a readable village, unit and `date`) of each contract row.
 * @example acceptancesByContract(index, ctx).get(row) // the row's acceptances, or undefined
 */
export function acceptancesByContract(
  index: DatasetIndex,
  ctx: RuleContext,
): Map<VillageAssignment, Acceptance[]> {
  const owned = new Map<VillageAssignment, Acceptance[]>();
  for (const a of index.rows("acceptances")) {
    if (a.villageId === undefined || a.unitId === undefined || a.date === undefined) continue;
    if (!ctx.ok(a)) continue;
    const owner = ownerOf(ctx, a, index.contractsOfVillage(a.villageId));
    if (!owner) continue;
    const list = owned.get(owner);
    if (list) list.push(a);
    else owned.set(owner, [a]);
  }
  return owned;
}
