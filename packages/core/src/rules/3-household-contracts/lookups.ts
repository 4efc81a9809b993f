/**
 * What the rules of 三 look up about a household and its helper, with the data checks honoured:
 * a lookup whose needed field is broken answers `undefined`, and the rule skips the row.
 */
import type { DatasetIndex } from "../../engine/dataset-index.js";
import type { EntityRef } from "../../engine/findings.js";
import type { RuleContext } from "../../engine/rule-context.js";
import type { Household, HouseholdAssignment, Person, Village } from "../../schema/collections.js";

/** The village of a household, when its `villageId` and the village's `townshipId` are readable. */
export function villageOf(
  index: DatasetIndex,
  ctx: RuleContext,
  household: Household,
): Village | undefined {
  if (!ctx.ok(household, "villageId")) return undefined;
  const village = index.village(household.villageId);
  return village && ctx.ok(village, "townshipId") ? village : undefined;
}

/**
 * Whether a village is a poor village for the rules of 三: `isPoor`, exited or not (an exited
 * village's helpers are judged against `ctx.helperUnits`). `undefined` when `isPoor` is broken.
 */
export function isPoor(ctx: RuleContext, village: Village): boolean | undefined {
  return ctx.ok(village, "isPoor") ? village.isPoor === true : undefined;
}

/** The field that places a person by role: the unit, the township or the village. */
const PLACE: Record<Person["role"], "unitId" | "townshipId" | "villageId"> = {
  unit_staff: "unitId",
  township_cadre: "townshipId",
  civil_affairs_officer: "townshipId",
  village_cadre: "villageId",
  college_village_official: "villageId",
};

/** The helper of an assignment row, when the row, the person's role and place are readable. */
export function helperOf(
  index: DatasetIndex,
  ctx: RuleContext,
  row: HouseholdAssignment,
): Person | undefined {
  if (!ctx.ok(row, "personId")) return undefined;
  const person = index.person(row.personId);
  if (!person || !ctx.ok(person, "role") || !(person.role in PLACE)) return undefined;
  return ctx.ok(person, PLACE[person.role]) ? person : undefined;
}

/** Whether `ctx.isWelfare` can be decided: `attribute`, and `hasLaborCapacity` for dibao. */
export function welfareKnown(ctx: RuleContext, household: Household): boolean {
  return (
    ctx.ok(household, "attribute") &&
    (household.attribute !== "dibao" || ctx.ok(household, "hasLaborCapacity"))
  );
}

/** The finding's rows: the household, and the helper where there is one. */
export function householdRef(householdId: string, helperId?: string) {
  const entity: EntityRef = { collection: "households", id: householdId };
  return helperId === undefined
    ? { entity }
    : { entity, related: [{ collection: "people", id: helperId }] };
}
