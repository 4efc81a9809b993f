/**
 * What the rules of 三 look up about a household and its helper, with the data checks honoured:
 * a lookup whose needed field is broken answers `undefined`, and the rule skips the row.
 */
import type { DatasetIndex } from "../../engine/dataset-index.js";
import type { EntityRef, Message } from "../../engine/findings.js";
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

/**
 * What a person is, in words, for a message: `安庆市农委（U-C1）的干部职工` / `staff of 安庆市农委
 * (U-C1)`, `天堂镇（340828100）的乡（镇）干部`, `天堂村（340828100201）的村干部`.
 */
export function standing(index: DatasetIndex, person: Person): Message {
  const place = (collection: "units" | "townships" | "villages", id: string | undefined) =>
    id === undefined ? undefined : index.labels(collection, id);
  const say = (where: Message | undefined, zh: string, en: string): Message =>
    where ? { zh: `${where.zh}的${zh}`, en: `${en} of ${where.en}` } : { zh, en };
  switch (person.role) {
    case "unit_staff":
      return say(place("units", person.unitId), "干部职工", "staff");
    case "township_cadre":
      return say(place("townships", person.townshipId), "乡（镇）干部", "a township cadre");
    case "civil_affairs_officer":
      return say(place("townships", person.townshipId), "民政委员", "the civil-affairs officer");
    case "village_cadre":
      return say(place("villages", person.villageId), "村干部", "a village cadre");
    default:
      return say(
        place("villages", person.villageId),
        "大学生村官",
        "a college-graduate village official",
      );
  }
}
