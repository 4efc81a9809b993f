/**
 * What a contract leaves on paper over the years: the unit's topic meetings and annual
 * assessments, the village's development and annual plans, and the acceptance of the term —
 * each dated within the contract and never after `asOf`, and each ready by the time `rules.md` v2
 * owes it (plans and assessments `graceDays` after they fall due, the acceptance `graceDays` after
 * the term's end).
 */
import type { Acceptance, Assessment, Grade, Meeting, VillagePlan } from "@shuangbao/core";
import { addDays, dateBetween, dayOf, isoOf, termEnd } from "./dates.js";
import { assessmentYears, dutyDays, PER_YEAR } from "./duty.js";
import type { Random } from "./random.js";

/**
 * The unit's topic meetings by calendar year (`rules.md` v2 "Time"): as many as each year of its
 * contract requires (two a whole year, prorated in the first; sometimes one more), on contracted
 * days and never after `asOf`; in `fewInYear` (a calendar year) one fewer than required (a
 * planted fault).
 * @example unitMeetings(random, "U34-001", "2014-07-15", "2018-07-20").length // 8 to 12
 */
export function unitMeetings(
  random: Random,
  unitId: string,
  start: string,
  asOf: string,
  fewInYear?: number,
): Meeting[] {
  const meetings: Meeting[] = [];
  for (const day of dutyDays(random, start, dayOf(asOf), PER_YEAR.meetings, 0.3, fewInYear))
    meetings.push({ unitId, date: isoOf(day) });
  return meetings.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const GRADES: readonly (readonly [Grade, number])[] = [
  ["excellent", 22],
  ["qualified", 74],
  ["unqualified", 4],
];

/** An assessment for every calendar year the contract spans before `asOf`, but `missingYear`. */
export function unitAssessments(
  random: Random,
  unitId: string,
  start: string,
  asOf: string,
  missingYear?: number,
): Assessment[] {
  return assessmentYears(start, asOf)
    .map((year) => ({ unitId, year, grade: random.weighted(GRADES) }))
    .filter((a) => a.year !== missingYear);
}

/**
 * The acceptance of the three-year term, held from 60 days before its end to 40 days after it
 * (`rules.md` v2 counts one from `acceptanceEarlyDays` before the end) and never after `asOf`:
 * passed, or failed and passed at a second check (the contract goes on meanwhile).
 */
export function contractAcceptances(
  random: Random,
  villageId: string,
  unitId: string,
  start: string,
  asOf: string,
): Acceptance[] {
  const date = addDays(termEnd(start), random.int(-60, 40));
  const passed = random.chance(0.95);
  const again = addDays(date, random.int(60, 120));
  if (date > asOf) return [];
  if (passed) return [{ villageId, unitId, date, passed: true }];
  return [
    { villageId, unitId, date, passed: false },
    ...(again <= asOf ? [{ villageId, unitId, date: again, passed: true }] : []),
  ];
}

/**
 * The development plan (within weeks of the start, long before it is due 90 days after) and an
 * annual plan for every year from the contract's start to `asOf` (adopted the December before;
 * 2014's with the development plan), but `missingYear`.
 */
export function villagePlans(
  random: Random,
  villageId: string,
  start: string,
  asOf: string,
  missingYear?: number,
): VillagePlan[] {
  const first = dateBetween(random, addDays(start, 20), "2014-09-20");
  const plans: VillagePlan[] = [{ villageId, kind: "development", adoptedOn: first }];
  for (let year = Number(start.slice(0, 4)); year <= Number(asOf.slice(0, 4)); year++) {
    const adoptedOn =
      year === Number(start.slice(0, 4))
        ? first
        : dateBetween(random, `${year - 1}-12-05`, `${year - 1}-12-28`);
    if (year !== missingYear) plans.push({ villageId, kind: "annual", year, adoptedOn });
  }
  return plans;
}
