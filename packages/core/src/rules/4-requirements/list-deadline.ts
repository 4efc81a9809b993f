/**
 * The shared check of the two list deadlines of 四4: which regions had poor villages at the
 * deadline, and whether a region submitted a list of the kind on or before it — without
 * cascading (rules.md "Data checks"): a broken `isPoor`, `kind` or `submittedOn` that could
 * decide leaves the region unjudged.
 */
import type { DatasetIndex } from "../../engine/dataset-index.js";
import type { RuleContext } from "../../engine/rule-context.js";
import type { Village } from "../../schema/collections.js";
import type { ReportKind } from "../../vocabulary/enums.js";

/**
 * Whether a village counts as poor for a deadline: recorded poor and not exited on or before it;
 * `undefined` when its `isPoor` is broken.
 * @example poorAtDeadline(ctx, village, "2014-07-30")
 */
export function poorAtDeadline(
  ctx: RuleContext,
  village: Village,
  deadline: string,
): boolean | undefined {
  if (!ctx.ok(village) || village.isPoor === undefined) return undefined;
  if (village.isPoor !== true) return false;
  // interpretation: the duty fell due at the deadline, so a later exit does not lift it.
  return !(ctx.exited(village) && village.exitedPovertyOn! <= deadline);
}

/** A region's poor villages at the deadline, and whether a broken `isPoor` may hide more. */
export interface PoorTally {
  count: number;
  unsure: boolean;
}

/**
 * Tallies the poor villages at the deadline per region (`regionOf` gives a village's county or
 * city, `undefined` when its link is broken: such a village belongs to no region).
 * @example tallyPoor(index, ctx, "2014-07-30", (v) => index.countyOfVillage(v)?.id)
 */
export function tallyPoor(
  index: DatasetIndex,
  ctx: RuleContext,
  deadline: string,
  regionOf: (village: Village) => string | undefined,
): Map<string, PoorTally> {
  const tally = new Map<string, PoorTally>();
  for (const village of index.rows("villages")) {
    const poor = poorAtDeadline(ctx, village, deadline);
    if (poor === false) continue;
    const region = regionOf(village);
    if (region === undefined) continue;
    let t = tally.get(region);
    if (!t) {
      t = { count: 0, unsure: false };
      tally.set(region, t);
    }
    if (poor) t.count++;
    else t.unsure = true;
  }
  return tally;
}

/** How a region's list stands at the deadline. */
export type ListStatus =
  | { status: "inTime" }
  | { status: "unknown" }
  | { status: "none" }
  | { status: "late"; submittedOn: string };

/**
 * Whether `regionId` submitted a list of `kind` on or before `deadline`: `inTime`; else `unknown`
 * when a report of the region has a broken `kind` or `submittedOn` (a future date included);
 * else `late` with the first submission, or `none`.
 * @example listStatus(index, ctx, "340828", "unit_list", "2014-07-30") // { status: "inTime" }
 */
export function listStatus(
  index: DatasetIndex,
  ctx: RuleContext,
  regionId: string,
  kind: ReportKind,
  deadline: string,
): ListStatus {
  let unknown = false;
  let first: string | undefined;
  for (const r of index.reportsOfRegion(regionId)) {
    if (!ctx.ok(r, "kind") || r.kind === undefined) {
      unknown = true;
      continue;
    }
    if (r.kind !== kind) continue;
    if (!ctx.ok(r, "submittedOn") || r.submittedOn === undefined) {
      unknown = true;
      continue;
    }
    if (r.submittedOn <= deadline) return { status: "inTime" };
    if (first === undefined || r.submittedOn < first) first = r.submittedOn;
  }
  if (unknown) return { status: "unknown" };
  return first === undefined ? { status: "none" } : { status: "late", submittedOn: first };
}
