/**
 * What the rules of 三 and the household planner look up about a household and its helper, with
 * the data checks honoured: a lookup whose needed field is broken answers `undefined`, and the
 * caller skips the row (a rule reports nothing, the planner leaves the household unresolved).
 */
import type { Household, HouseholdAssignment, Person, Village } from "../schema/collections.js";
import { isLocalCadreOf } from "./local-cadre.js";
import type { Readable, RowsById } from "./readable.js";
import { isWelfareHousehold, welfareKnown } from "./welfare-household.js";

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

/** The look-ups a walk over households and their current helpers needs. */
type HelpsIndex = Pick<RowsById, "village" | "person"> & {
  rows(c: "households"): readonly Household[];
};
type HelpsReads = Readable & {
  currentHelpers(household: Household): readonly HouseholdAssignment[];
};

/**
 * Each readable current helper (`helperOf`) of every household of a poor village (`isPoor`; a
 * village whose `isPoor` is broken is not one): the households the rules of 三(二) judge. In
 * household order, then the household's helper rows' order.
 * interpretation: a non-poor village's households are not checked ("统筹安排联系人").
 */
export function* poorVillageHelps(
  index: HelpsIndex,
  reads: HelpsReads,
): Generator<{ household: Household; person: Person; village: Village }> {
  for (const household of index.rows("households")) {
    const rows = reads.currentHelpers(household);
    if (rows.length === 0) continue;
    const village = villageOf(index, reads, household);
    if (!village || isPoor(reads, village) !== true) continue;
    for (const row of rows) {
      const person = helperOf(index, reads, row);
      if (person) yield { household, person, village };
    }
  }
}

/**
 * Of `poorVillageHelps`, each helper who is a cadre of the household's own township or village
 * (`isLocalCadreOf`) of a household that is not a welfare household (its welfare status
 * readable): what household.unit-staff-first judges and the household planner lists for
 * hand-over.
 */
export function* localCadreHelps(
  index: HelpsIndex,
  reads: HelpsReads,
): Generator<{ household: Household; person: Person; village: Village }> {
  for (const help of poorVillageHelps(index, reads)) {
    const { household, person, village } = help;
    if (!welfareKnown(reads, household) || isWelfareHousehold(household)) continue;
    if (isLocalCadreOf(person, village)) yield help;
  }
}
