/**
 * The whole plan: village contracts first, then helpers (who must see the proposed contracts),
 * and `applyPlan` to write the proposed rows into a dataset.
 */
import type { DatasetIndex } from "../engine/dataset-index.js";
import {
  collectionNamed,
  type DatasetInput,
  type HouseholdAssignment,
  type VillageAssignment,
} from "../schema/collections.js";
import type { CollectionName } from "../schema/fields.js";
import { type HouseholdPlanOptions, helperCap, proposeHelpers } from "./assign-households.js";
import { proposeContracts } from "./assign-villages.js";
import { type Proposed, planningContext, type Unresolved } from "./planning.js";

/**
 * A plan: the proposed rows, each with its reason, and what could not be placed.
 * @example const { rows, unresolved }: Plan = planAssignments(dataset, { asOf: "2014-07-20" });
 */
export interface Plan {
  rows: {
    villageAssignments: Proposed<VillageAssignment>[];
    householdAssignments: Proposed<HouseholdAssignment>[];
  };
  unresolved: Unresolved[];
}

/**
 * Plans units for poor villages without one (二(二)) and helpers for households without one
 * (三(一)). Deterministic: the same dataset and options give the same plan.
 * Throws `ConfigurationError` for a bad `asOf`, parameter or `maxHouseholdsPerHelper`.
 * @example
 * const plan = planAssignments(dataset, { asOf: "2014-07-20" });
 * plan.unresolved; // [{ collection: "villages", id: "…", reason: { zh, en }, clause: "二(二)" }]
 * const completed = applyPlan(dataset, plan);
 */
export function planAssignments(
  dataset: DatasetIndex | DatasetInput,
  options: HouseholdPlanOptions,
): Plan {
  const cap = helperCap(options.maxHouseholdsPerHelper);
  const ctx = planningContext(dataset, options);
  const villages = proposeContracts(ctx);
  const households = proposeHelpers(ctx, villages.villageAssignments, cap);
  return {
    rows: {
      villageAssignments: villages.villageAssignments,
      householdAssignments: households.householdAssignments,
    },
    unresolved: [...villages.unresolved, ...households.unresolved],
  };
}

/** The key a dataset object uses for a collection (its English or Chinese name). */
function keyOf(dataset: DatasetInput, collection: CollectionName): string {
  return Object.keys(dataset).find((k) => collectionNamed(k) === collection) ?? collection;
}

/**
 * The completed dataset: a new object whose `villageAssignments` and `householdAssignments` are
 * the input's followed by the plan's rows (without `because`). The input is not changed.
 * @example
 * const completed = applyPlan(dataset, planAssignments(dataset, { asOf: "2014-07-20" }));
 */
export function applyPlan<D extends DatasetInput>(dataset: D, plan: Plan): D {
  const villageKey = keyOf(dataset, "villageAssignments");
  const householdKey = keyOf(dataset, "householdAssignments");
  const existing = (key: string) =>
    ((dataset as Record<string, unknown>)[key] as readonly unknown[] | undefined) ?? [];
  const villageRows = plan.rows.villageAssignments.map(
    ({ villageId, unitId, startDate }): VillageAssignment => ({ villageId, unitId, startDate }),
  );
  const householdRows = plan.rows.householdAssignments.map(
    (r): HouseholdAssignment => ({
      householdId: r.householdId,
      personId: r.personId,
      startDate: r.startDate,
      recordedInRegister: r.recordedInRegister,
      recordedInHandbook: r.recordedInHandbook,
    }),
  );
  return {
    ...dataset,
    [villageKey]: [...existing(villageKey), ...villageRows],
    [householdKey]: [...existing(householdKey), ...householdRows],
  };
}
