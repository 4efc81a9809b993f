/**
 * A contracting unit's people, the same in the first partition (province units) and in a county
 * partition (city and county units): `<unit>-01` the principal, `-02` the deputy in charge, and
 * for the unit that sends the resident cadre `-03` the cadre and `-04` a successor when the cadre
 * hands over; the rest are staff who help households.
 */
import type { Person } from "@shuangbao/core";
import type { PlannedUnit, PlannedVillage } from "./model.js";
import { type UnitRole, unitPerson } from "./people.js";
import type { Random } from "./random.js";

/** The id of a unit's n-th person (1-based). @example staffId("U34-001", 1) // "U34-001-01" */
export const staffId = (unitId: string, n: number): string =>
  `${unitId}-${String(n).padStart(2, "0")}`;

/** The ids of a unit's people. */
export function staffIds(unit: PlannedUnit): string[] {
  return Array.from({ length: unit.people }, (_, i) => staffId(unit.id, i + 1));
}

/** Whether a unit sends the village's resident cadre. */
export const sendsCadre = (unit: PlannedUnit, village: PlannedVillage): boolean =>
  village.units[0] === unit;

/** The role of a unit's n-th person (1-based). */
export function staffRole(unit: PlannedUnit, village: PlannedVillage, n: number): UnitRole {
  if (n === 1) return "principal";
  if (n === 2) return "deputy";
  if (sendsCadre(unit, village) && (n === 3 || (n === 4 && village.rotation))) return "cadre";
  return "staff";
}

/**
 * The people of a unit contracting a village.
 * @example unitStaff(random, unit, village).map((p) => p.id) // ["U34-001-01", …]
 */
export function unitStaff(random: Random, unit: PlannedUnit, village: PlannedVillage): Person[] {
  return staffIds(unit).map((id, i) => {
    const role = staffRole(unit, village, i + 1);
    const selectedOn = i === 3 ? village.rotation : village.selectedOn;
    return role === "cadre" && selectedOn
      ? unitPerson(random, unit, id, role, { selectedOn, qualifying: village.selected })
      : unitPerson(random, unit, id, role);
  });
}
