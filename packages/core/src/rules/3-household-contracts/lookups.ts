/**
 * How the rules of 三 name what they find: the household and its helper as a finding's rows, and
 * the helper's standing in words. What they look up about a household and its helper (its village,
 * its helper, whether it is a welfare household) is in `criteria/`, shared with the planner.
 */
import type { DatasetIndex } from "../../engine/dataset-index.js";
import type { EntityRef, Message } from "../../engine/findings.js";
import type { Person } from "../../schema/collections.js";

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
