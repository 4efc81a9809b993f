/**
 * The per-year duties of `rules.md` v2 ("Time") as the generator needs them: visits and meetings
 * go by calendar year (年度) per pair — (unit, village) or (household, helper) — prorated in a
 * partial year; plans, assessments and acceptances fall due `graceDays` (90) after their day.
 * Day numbers only (no `Date`), so that a province's 30 million visits stay cheap.
 */
import { jan1, POLICY_DATE, parameterValueOn, requiredCount } from "@shuangbao/core";
import { dayOf, termEnd } from "./dates.js";
import type { Random } from "./random.js";

/** The sample generates to the policy's 2014 parameters, read from core's parameter table. */
const param = (name: Parameters<typeof parameterValueOn>[0]) =>
  parameterValueOn(name, POLICY_DATE) as number;

/** The days allowed to produce a plan, an assessment or an acceptance once due (`graceDays`). */
export const GRACE_DAYS = param("graceDays");
/** How long before a term's end an acceptance counts for it (`acceptanceEarlyDays`). */
export const ACCEPTANCE_EARLY_DAYS = param("acceptanceEarlyDays");

/** The yearly numbers of `rules.md` "Parameters". */
export const PER_YEAR = {
  principal: param("principalVisitsPerYear"),
  staff: param("staffVisitsPerYear"),
  household: param("householdVisitsPerYear"),
  meetings: param("topicMeetingsPerYear"),
} as const;

// The duty-year arithmetic is core's own (rules/duty-years.ts), so generator and audit agree.
export { jan1, requiredCount };

/** One calendar year of a pair: its covered days `[from, to)` and what it requires. */
export interface DutyYear {
  year: number;
  from: number;
  to: number;
  required: number;
  /** Its last covered day is on or before `asOf`. */
  due: boolean;
  /** Every day of the year is covered. */
  whole: boolean;
}

/**
 * Calls `each` for every calendar year of a pair in force from `start` (a date) to `endDay`
 * (a day number, exclusive; `Infinity` when open), up to the year of `asOfDay`. The callback
 * gets a reused object: copy what it keeps.
 * @example forEachDutyYear("2014-07-15", Infinity, dayOf("2016-03-01"), 2, (y) => console.log(y.year, y.required))
 */
export function forEachDutyYear(
  start: string,
  endDay: number,
  asOfDay: number,
  perYear: number,
  each: (year: DutyYear) => void,
): void {
  const startDay = dayOf(start);
  const y: DutyYear = { year: 0, from: 0, to: 0, required: 0, due: false, whole: false };
  for (let year = Number(start.slice(0, 4)); ; year++) {
    const y0 = jan1(year);
    const y1 = jan1(year + 1);
    if (y0 > asOfDay || y0 >= endDay) return;
    y.year = year;
    y.from = Math.max(startDay, y0);
    y.to = Math.min(endDay, y1);
    if (y.to <= y.from) continue;
    y.required = requiredCount(perYear, y.to - y.from, y1 - y0);
    y.due = y.to - 1 <= asOfDay;
    y.whole = y.from === y0 && y.to === y1;
    each(y);
  }
}

/**
 * A due calendar year of a pair (open from `start`) that requires at least one, for a planted
 * shortfall: a whole year where there is one, else a partial one; `undefined` when none is due.
 * @example faultYear(random, "2014-07-15", "2018-07-20", 2) // 2015, 2016 or 2017
 */
export function faultYear(
  random: Random,
  start: string,
  asOf: string,
  perYear: number,
): number | undefined {
  const whole: number[] = [];
  const partial: number[] = [];
  forEachDutyYear(start, Number.POSITIVE_INFINITY, dayOf(asOf), perYear, (y) => {
    if (!y.due || y.required === 0) return;
    (y.whole ? whole : partial).push(y.year);
  });
  const years = whole.length > 0 ? whole : partial;
  return years.length > 0 ? random.pick(years) : undefined;
}

/**
 * The count a pair open from `start` requires in a calendar year.
 * @example requiredInYear("2014-07-15", 2014, 2) // 1
 */
export function requiredInYear(start: string, year: number, perYear: number): number {
  const y0 = jan1(year);
  const y1 = jan1(year + 1);
  const from = Math.max(dayOf(start), y0);
  return from < y1 ? requiredCount(perYear, y1 - from, y1 - y0) : 0;
}

/**
 * The i-th of `n` days spread over `[from, to)`: one random day in the i-th of n equal parts.
 * @example spreadDay(random, 0, 365, 4, 0) // a day in the first quarter
 */
export function spreadDay(random: Random, from: number, to: number, n: number, i: number): number {
  const c = to - from;
  const a = from + Math.floor((i * c) / n);
  const b = Math.max(a, from + Math.floor(((i + 1) * c) / n) - 1);
  return random.int(a, b);
}

/**
 * The dated rows of one yearly duty, streamed: for every calendar year of a pair open from
 * `start`, the required number of days spread over its covered days, and with chance `extra` one
 * more; in `shortYear` only `keep(required)` of them (a planted fault). Days after `asOf` are left
 * out, so a year not yet due holds what was done by then. The same numbers are drawn whatever is
 * kept, so a fault never changes the rows around it.
 * @example for (const day of dutyDays(random, "2014-07-15", asOfDay, 2, 0.25)) …
 */
export function* dutyDays(
  random: Random,
  start: string,
  asOfDay: number,
  perYear: number,
  extra: number,
  shortYear?: number,
  keep: (required: number) => number = (r) => r - 1,
): Generator<number> {
  const startDay = dayOf(start);
  for (let year = Number(start.slice(0, 4)); ; year++) {
    const y0 = jan1(year);
    if (y0 > asOfDay) return;
    const y1 = jan1(year + 1);
    const from = Math.max(startDay, y0);
    if (y1 <= from) continue;
    const required = requiredCount(perYear, y1 - from, y1 - y0);
    const more = random.chance(extra);
    const n = required + (more ? 1 : 0);
    const kept = year === shortYear ? keep(required) : n;
    for (let i = 0; i < n; i++) {
      // The extra one falls anywhere in the covered days.
      const day =
        i < required ? spreadDay(random, from, y1, required, i) : random.int(from, y1 - 1);
      if (i < kept && day <= asOfDay) yield day;
    }
  }
}

/**
 * The calendar years a unit contracting from `start` (open-ended) is assessed for by `asOf`: every
 * year whose 31 December lies in the contract and before `asOf` (the generator assesses within
 * the grace days, so some years are assessed before they are owed).
 * @example assessmentYears("2014-07-15", "2016-03-01") // [2014, 2015]
 */
export function assessmentYears(start: string, asOf: string): number[] {
  const years: number[] = [];
  for (let y = Number(start.slice(0, 4)); `${y}-12-31` < asOf; y++) years.push(y);
  return years;
}

/**
 * The calendar years whose assessment is owed at `asOf` (`rules.md` v2: 31 December in force, and
 * 31 December + `graceDays` on or before `asOf`).
 * @example owedAssessmentYears("2014-07-15", "2016-03-01") // [2014]
 */
export function owedAssessmentYears(start: string, asOf: string): number[] {
  const asOfDay = dayOf(asOf);
  return assessmentYears(start, asOf).filter((y) => dayOf(`${y}-12-31`) + GRACE_DAYS <= asOfDay);
}

/**
 * The calendar years whose annual plan a village contracted from `start` (open-ended) owes at
 * `asOf` (`rules.md` v2: due `graceDays` after the year's first contracted day, required when that
 * due date lies within the year and on or before `asOf`).
 * @example annualPlanYears("2014-07-15", "2015-04-01") // [2014, 2015]
 */
export function annualPlanYears(start: string, asOf: string): number[] {
  const asOfDay = dayOf(asOf);
  const years: number[] = [];
  for (let y = Number(start.slice(0, 4)); jan1(y) <= asOfDay; y++) {
    const due = Math.max(dayOf(start), jan1(y)) + GRACE_DAYS;
    if (due < jan1(y + 1) && due <= asOfDay) years.push(y);
  }
  return years;
}

/**
 * Whether the acceptance of a contract from `start` is required at `asOf` (`rules.md` v2: its
 * term end plus `graceDays` on or before `asOf`).
 */
export function acceptanceRequired(start: string, asOf: string): boolean {
  return dayOf(termEnd(start)) + GRACE_DAYS <= dayOf(asOf);
}

/** A count in words, for fault descriptions. @example times(2) // "twice" */
export const times = (n: number): string =>
  n === 0 ? "no times" : n === 1 ? "once" : n === 2 ? "twice" : `${n} times`;
