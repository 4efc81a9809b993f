/**
 * Which contract an acceptance belongs to (`rules.md`): the latest `villageAssignments` row of
 * its (village, unit) pair that started on or before the acceptance's date.
 */
import type { DatasetIndex } from "../../engine/dataset-index.js";
import type { RuleContext } from "../../engine/rule-context.js";
import type { Acceptance, VillageAssignment } from "../../schema/collections.js";

/**
 * The acceptances (with a readable `date`) of each contract row, by that rule of ownership.
 * @example acceptancesByContract(index, ctx).get(row) // the row's acceptances, or undefined
 */
export function acceptancesByContract(
  index: DatasetIndex,
  ctx: RuleContext,
): Map<VillageAssignment, Acceptance[]> {
  const owned = new Map<VillageAssignment, Acceptance[]>();
  for (const a of index.rows("acceptances")) {
    if (!ctx.ok(a, "villageId", "unitId", "date")) continue;
    let owner: VillageAssignment | undefined;
    let ownerStart = "";
    for (const row of index.contractsOfVillage(a.villageId)) {
      if (row.unitId !== a.unitId || !ctx.ok(row, "unitId")) continue;
      const start = ctx.start(row);
      // The later of two rows with the same start is taken: the dataset's own order decides.
      if (start === undefined || start > a.date || start < ownerStart) continue;
      owner = row;
      ownerStart = start;
    }
    if (!owner) continue;
    const list = owned.get(owner);
    if (list) list.push(a);
    else owned.set(owner, [a]);
  }
  return owned;
}
