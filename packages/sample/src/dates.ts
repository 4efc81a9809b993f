/**
 * Fast date arithmetic for the generator: day numbers (days since 1970-01-01, as core's
 * `toDay`) and their `YYYY-MM-DD` text, cached for the sample's years so that tens of millions
 * of visits cost no `Date` objects.
 */
import { fromDay, plusYears, toDay } from "@shuangbao/core";
import type { Random } from "./random.js";

const FIRST = toDay("2010-01-01");
const LAST = toDay("2030-12-31");
const TEXT: string[] = [];

/**
 * The text of a day number.
 * @example isoOf(toDay("2014-07-15")) // "2014-07-15"
 */
export function isoOf(day: number): string {
  if (day < FIRST || day > LAST) return fromDay(day);
  const i = day - FIRST;
  let text = TEXT[i];
  if (text === undefined) {
    text = fromDay(day);
    TEXT[i] = text;
  }
  return text;
}

const DAY_OF = new Map<string, number>();

/** The day number of a date (cached). @example dayOf("1970-01-02") // 1 */
export function dayOf(date: string): number {
  let day = DAY_OF.get(date);
  if (day === undefined) {
    day = toDay(date);
    DAY_OF.set(date, day);
  }
  return day;
}

/** A date plus days. @example addDays("2014-07-30", 2) // "2014-08-01" */
export function addDays(date: string, days: number): string {
  return isoOf(dayOf(date) + days);
}

const YEARS = new Map<string, string>();

/** `plusYears` of core (29 February → 28 February), cached. */
export function addYears(date: string, years: number): string {
  const key = `${date}|${years}`;
  let out = YEARS.get(key);
  if (out === undefined) {
    out = plusYears(date, years);
    YEARS.set(key, out);
  }
  return out;
}

/** A random date in `[from, to]` (both inclusive). */
export function dateBetween(random: Random, from: string, to: string): string {
  return isoOf(random.int(dayOf(from), dayOf(to)));
}

/** The earlier of two dates. */
export const minDate = (a: string, b: string): string => (a < b ? a : b);

/** The end of a contract's three-year term (`termYears`). */
export const termEnd = (start: string): string => addYears(start, 3);
