/**
 * The shared check of the two list deadlines of 四4: which regions had poor villages at the
 * deadline, and whether a region submitted a list of the kind on or before it.
 */
import type { DatasetIndex } from "../../engine/dataset-index.js";
import type { RuleContext } from "../../engine/rule-context.js";
import type { Village } from "../../schema/collections.js";
import type { ReportKind } from "../../vocabulary/enums.js";

/**
 * Whether a village counts as poor for a deadline: recorded poor and not exited on or before it.
 * @example poorAtDeadline(ctx, village, "2014-07-30")
 */
export function poorAtDeadline(ctx: RuleContext, village: Village, deadline: string): boolean {
  if (!ctx.ok(village, "isPoor") || village.isPoor !== true) return false;
  // interpretation: the duty fell due at the deadline, so a later exit does not lift it.
  return !(ctx.exited(village) && village.exitedPovertyOn! <= deadline);
}

/**
 * Whether `regionId` submitted a list of `kind` on or before `deadline`.
 * @example submittedInTime(index, ctx, "340828", "unit_list", "2014-07-30")
 */
export function submittedInTime(
  index: DatasetIndex,
  ctx: RuleContext,
  regionId: string,
  kind: ReportKind,
  deadline: string,
): boolean {
  return index
    .reportsOfRegion(regionId)
    .some((r) => ctx.ok(r, "kind", "submittedOn") && r.kind === kind && r.submittedOn <= deadline);
}
