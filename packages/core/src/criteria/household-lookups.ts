/**
 * What the rules of 三 and the household planner look up about a household and its helper, with
 * the data checks honoured: a lookup whose needed field is broken answers `undefined`, and the
 * caller skips the row (a rule reports nothing, the planner leaves the household unresolved).
 */
import type { Household, HouseholdAssignment, Person, Village } from "../schema/collections.js";
import type { Readable, RowsById } from "./readable.js";

/** The village of a household, when its `villageId` and the village's `townshipId` are readable. */
export function villageOf(
  index: Pick<RowsById, "village">,
  reads: Readable,
  household: Household,
): Village | undefined {
  if (!reads.ok(household, "villageId")) return undefined;
  const village = index.village(household.villageId);
  return village && reads.ok(village, "townshipId") ? village : undefined;
}

/**
 * Whether a village is a poor village for the rules of 三: `isPoor`, exited or not (an exited
 * village's helpers are judged against `helperUnits`). `undefined` when `isPoor` is broken.
 */
export function isPoor(reads: Readable, village: Village): boolean | undefined {
  return reads.ok(village, "isPoor") ? village.isPoor === true : undefined;
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
  index: Pick<RowsById, "person">,
  reads: Readable,
  row: HouseholdAssignment,
): Person | undefined {
  if (!reads.ok(row, "personId")) return undefined;
  const person = index.person(row.personId);
  if (!person || !reads.ok(person, "role") || !(person.role in PLACE)) return undefined;
  return reads.ok(person, PLACE[person.role]) ? person : undefined;
}
