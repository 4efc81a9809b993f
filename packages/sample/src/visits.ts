/**
 * A county's visits, generated on demand: for every contract year that has begun, the unit's
 * principal researches the village two or three times and its staff visit once or twice; for
 * every helper year, the helper visits the household once a quarter (sometimes once more). Each
 * iteration draws the same numbers again, so the iterable is re-readable and never stored.
 */
import type { Visit } from "@shuangbao/core";
import type { CountyDraft } from "./county.js";
import { addYears, dayOf, isoOf } from "./dates.js";
import { Random } from "./random.js";
import { staffId, staffIds } from "./staff.js";

/** Visits left out by planted faults. */
export interface VisitFaults {
  /** Household id → the helper year (0-based) in which its helper visited only twice. */
  fewHouseholdVisits: Map<string, number>;
  /** Unit id → the contract year (0-based) with a single research visit by the principal. */
  fewPrincipalVisits: Map<string, number>;
  /** Unit id → the contract year (0-based) without staff visits. */
  noStaffVisits: Map<string, number>;
}

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
        const none = visitFaults.noStaffVisits.get(c.unitId);
        for (let k = 0; ; k++) {
          const from = dayOf(addYears(c.start, k));
          if (from > asOf) break;
          const research = [random.int(15, 160), random.int(200, 340)];
          if (random.chance(0.25)) research.push(random.int(60, 300));
          const staffDays = [random.int(30, 330)];
          if (random.chance(0.5)) staffDays.push(random.int(30, 330));
          const who = staffDays.map(() => random.pick(c.staff));
          for (const d of k === few ? research.slice(0, 1) : research) {
            if (from + d <= asOf)
              yield {
                personId: c.principal,
                date: isoOf(from + d),
                kind: "principal_research",
                villageId: c.villageId,
              };
          }
          if (k === none) continue;
          for (let i = 0; i < staffDays.length; i++) {
            const day = from + staffDays[i]!;
            if (day <= asOf)
              yield {
                personId: who[i]!,
                date: isoOf(day),
                kind: "staff_visit",
                villageId: c.villageId,
              };
          }
        }
      }
      for (const a of assignments) {
        const villageId = villageOf.get(a.householdId)!;
        const few = visitFaults.fewHouseholdVisits.get(a.householdId);
        for (let k = 0; ; k++) {
          const from = dayOf(addYears(a.startDate, k));
          if (from > asOf) break;
          const days = [0, 1, 2, 3].map((q) => q * 91 + random.int(5, 85));
          if (random.chance(0.12)) days.push(random.int(10, 350));
          for (const d of k === few ? days.slice(0, 2) : days) {
            if (from + d <= asOf)
              yield {
                personId: a.personId,
                date: isoOf(from + d),
                kind: "household_visit",
                villageId,
                householdId: a.householdId,
              };
          }
        }
      }
    },
  };
}
