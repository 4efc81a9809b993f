/**
 * What a contract leaves on paper over the years: the unit's topic meetings and annual
 * assessments, the village's development and annual plans, and the acceptance after the term —
 * each dated within the contract and never after `asOf`.
 */
import type { Acceptance, Assessment, Grade, Meeting, VillagePlan } from "@shuangbao/core";
import { addDays, addYears, dateBetween, dayOf, isoOf, minDate, termEnd } from "./dates.js";
import { assessmentYears } from "./plan-faults.js";
import type { Random } from "./random.js";

/**
 * Two or three topic meetings in every contract year that has begun; `fewInYear` (0-based) keeps
 * only one in that year (a planted fault).
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
  for (let k = 0; ; k++) {
    const from = dayOf(addYears(start, k));
    if (from > dayOf(asOf)) break;
    const days = [random.int(15, 150), random.int(190, 340)];
    if (random.chance(0.3)) days.push(random.int(100, 300));
    const kept = k === fewInYear ? days.slice(0, 1) : days;
    for (const d of kept.sort((a, b) => a - b)) {
      const date = isoOf(from + d);
      if (date <= asOf) meetings.push({ unitId, date });
    }
  }
  return meetings;
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
 * The acceptance after the three-year term, once the term has ended: passed, or failed and
 * passed at a second check (the contract goes on meanwhile).
 */
export function contractAcceptances(
  random: Random,
  villageId: string,
  unitId: string,
  start: string,
  asOf: string,
): Acceptance[] {
  const end = termEnd(start);
  if (end > asOf) return [];
  const date = minDate(addDays(end, random.int(0, 40)), asOf);
  if (random.chance(0.95)) return [{ villageId, unitId, date, passed: true }];
  const again = addDays(date, random.int(60, 120));
  return [
    { villageId, unitId, date, passed: false },
    ...(again <= asOf ? [{ villageId, unitId, date: again, passed: true }] : []),
  ];
}

/**
 * The development plan and an annual plan for every year from the contract's start to `asOf`
 * (adopted the December before; 2014's in August), but `missingYear`.
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
