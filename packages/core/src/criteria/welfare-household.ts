/**
 * 三(一), welfare households and who may help them: "贫困户中的五保户和无劳动能力的低保户原则上由所在
 * 乡(镇)的民政委员和村干部联系". A welfare household is `wubao`, or `dibao` without labour capacity
 * (rules.md "Who is who"); "和" names who may be its one helper: the township's civil-affairs
 * officer or a village cadre of its village (the rule's interpretation).
 */
import type { Household, Person, Village } from "../schema/collections.js";
import type { Readable } from "./readable.js";
import { isCivilAffairsOfficerOf } from "./township-cadre.js";
import { isVillageCadreOf } from "./village-cadre.js";

/**
 * A welfare household: 五保户, or 低保户 without labour capacity.
 * @example isWelfareHousehold({ attribute: "dibao", hasLaborCapacity: false }) // true
 */
export const isWelfareHousehold = (h: Pick<Household, "attribute" | "hasLaborCapacity">): boolean =>
  h.attribute === "wubao" || (h.attribute === "dibao" && h.hasLaborCapacity === false);

/**
 * Whether `isWelfareHousehold` can be decided: `attribute` readable, and `hasLaborCapacity` for a
 * dibao household.
 * @example if (welfareKnown(ctx, h) && isWelfareHousehold(h)) …
 */
export function welfareKnown(reads: Readable, household: Household): boolean {
  return (
    reads.ok(household, "attribute") &&
    (household.attribute !== "dibao" || reads.ok(household, "hasLaborCapacity"))
  );
}

/**
 * Who may help a welfare household of `village`: its township's civil-affairs officer or a village
 * cadre of the village.
 * @example mayHelpWelfareHousehold(person, village)
 */
export const mayHelpWelfareHousehold = (
  person: Pick<Person, "role" | "townshipId" | "villageId">,
  village: Pick<Village, "id" | "townshipId">,
): boolean =>
  isCivilAffairsOfficerOf(person, village.townshipId) || isVillageCadreOf(person, village.id);
