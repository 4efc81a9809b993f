/**
 * 三(一), the local cadres who may help a poor village's household when the units' staff cannot:
 * "对包村帮扶单位人员编制少,不能全部包扶贫困户的,由所在乡(镇)、村干部负责联系" — a township cadre of
 * the village's township or a village cadre of the village.
 */
import type { Person, Village } from "../schema/collections.js";
import { isTownshipCadreOf } from "./township-cadre.js";
import { isVillageCadreOf } from "./village-cadre.js";

/**
 * Whether a person is a cadre of a village's township or of the village itself.
 * @example isLocalCadreOf(person, village)
 */
export const isLocalCadreOf = (
  person: Pick<Person, "role" | "townshipId" | "villageId">,
  village: Pick<Village, "id" | "townshipId">,
): boolean => isTownshipCadreOf(person, village.townshipId) || isVillageCadreOf(person, village.id);
