/**
 * Township cadres (乡（镇）干部, rules.md "Who is who"): people with role `township_cadre` or
 * `civil_affairs_officer` and the township's `townshipId`. The civil-affairs officer (民政委员) is
 * one of them, named by 三(一): "由所在乡(镇)的民政委员和村干部联系".
 */
import type { Person } from "../schema/collections.js";

type Placed = Pick<Person, "role" | "townshipId">;

/**
 * Whether a person is a township cadre of a township (none of an unknown township).
 * @example isTownshipCadreOf(person, village.townshipId)
 */
export const isTownshipCadreOf = (person: Placed, townshipId: string | undefined): boolean =>
  townshipId !== undefined &&
  (person.role === "township_cadre" || person.role === "civil_affairs_officer") &&
  person.townshipId === townshipId;

/**
 * Whether a person is the civil-affairs officer of a township (none of an unknown township).
 * @example isCivilAffairsOfficerOf(person, village.townshipId)
 */
export const isCivilAffairsOfficerOf = (person: Placed, townshipId: string | undefined): boolean =>
  townshipId !== undefined &&
  person.role === "civil_affairs_officer" &&
  person.townshipId === townshipId;
