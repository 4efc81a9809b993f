/**
 * Village cadres (村干部, rules.md "Who is who"): role `village_cadre` and the village's
 * `villageId`. A college-graduate village official (大学生村官) is not one.
 */
import type { Person } from "../schema/collections.js";

/**
 * Whether a person is a village cadre of a village.
 * @example isVillageCadreOf(person, village.id)
 */
export const isVillageCadreOf = (
  person: Pick<Person, "role" | "villageId">,
  villageId: string,
): boolean => person.role === "village_cadre" && person.villageId === villageId;
