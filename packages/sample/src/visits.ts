/**
 * A county's visits, generated on demand and by calendar year (`rules.md` v2 "Time"): for every
 * (unit, village) pair the unit's principal researches the village as often as the year requires
 * (twice a whole year, prorated in the contract's first year; sometimes once more) and its staff
 * visit it (once a whole year; sometimes once more); for every (household, helper) pair the helper
 * visits the household as often as the year requires (four times a whole year, spread over its
 * quarters; sometimes once more). Everything is dated on a covered day and never after `asOf`.
 * Each iteration draws the same numbers again, so the iterable is re-readable and never stored.
 */
import type { Visit } from "@shuangbao/core";
import { dayOf, isoOf } from "./dates.js";
import { type CountyDraft, halfOf } from "./draft.js";
import { dutyDays, PER_YEAR } from "./duty.js";
import { Random } from "./random.js";
import { staffId, staffIds } from "./staff.js";

/**
 * The visits of a county partition as a re-iterable.
 * @example let n = 0; for (const _ of countyVisits(draft)) n++;
 */
export function countyVisits(draft: CountyDraft): Iterable<Visit> {
  const { plan, pc, rows, visitFaults } = draft;
  const asOf = dayOf(plan.asOf);
  const contracts = draft.contracts.map(({ unit, village }) => ({
    unitId: unit.id,
    villageId: village.village.id,
    start: village.start,
    principal: staffId(unit.id, 1),
    staff: staffIds(unit).slice(1),
  }));
  const villageOf = new Map(rows.households.map((h) => [h.id, h.villageId]));
  const assignments = rows.householdAssignments;
  return {
    *[Symbol.iterator]() {
      const random = new Random(plan.seed, `visits:${pc.county.id}`);
      for (const c of contracts) {
        const few = visitFaults.fewPrincipalVisits.get(c.unitId);
        for (const day of dutyDays(random, c.start, asOf, PER_YEAR.principal, 0.25, few))
          yield {
            personId: c.principal,
            date: isoOf(day),
            kind: "principal_research",
            villageId: c.villageId,
          };
        const none = visitFaults.noStaffVisits.get(c.unitId);
        for (const day of dutyDays(random, c.start, asOf, PER_YEAR.staff, 0.5, none, () => 0)) {
          // Who goes follows from the day, so no number is drawn for a visit a fault left out.
          yield {
            personId: c.staff[(Math.imul(day, 2654435761) >>> 0) % c.staff.length]!,
            date: isoOf(day),
            kind: "staff_visit",
            villageId: c.villageId,
          };
        }
      }
      for (const a of assignments) {
        const villageId = villageOf.get(a.householdId)!;
        const few = visitFaults.fewHouseholdVisits.get(a.householdId);
        for (const day of dutyDays(
          random,
          a.startDate,
          asOf,
          PER_YEAR.household,
          0.12,
          few,
          halfOf,
        ))
          yield {
            personId: a.personId,
            date: isoOf(day),
            kind: "household_visit",
            villageId,
            householdId: a.householdId,
          };
      }
    },
  };
}
