/**
 * 二(三)4, the preference that follows the selection conditions: "提倡市、县选派县处级、科级后备干部"
 * — a cadre held in reserve *for* county-division or section posts. The `reserveCadre` flag alone
 * decides (not the person's current `rank`), and a missing flag counts as not (rules.md).
 */
import type { Person } from "../schema/collections.js";

/**
 * Whether a person is a reserve cadre (后备干部).
 * @example isReserveCadre({ ...person, reserveCadre: undefined }) // false
 */
export const isReserveCadre = (person: Pick<Person, "reserveCadre">): boolean =>
  person.reserveCadre === true;
