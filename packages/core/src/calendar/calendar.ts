/**
 * The one calendar every rule uses. Dates are calendar dates written `YYYY-MM-DD`, computed in
 * UTC so no time zone shifts them; `rules.md` "Time" defines whole years, contract years and
 * calendar years, and this module encodes those definitions once.
 */
import { UTCDate } from "@date-fns/utc";
import { addYears, differenceInCalendarDays, isValid } from "date-fns";

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function toUtc(date: IsoDate): UTCDate {
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return new UTCDate(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function fromUtc(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

/**
 * Whether `text` is a real calendar date written `YYYY-MM-DD` (2015-02-29 is not).
 * @example isIsoDate("2016-02-29") // true
 */
export function isIsoDate(text: string): boolean {
  const m = ISO.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return isValid(d) && fromUtc(d) === text;
}

/**
 * The day number of a date: days since 1970-01-01. Compact and ordered, for tallies.
 * @example toDay("1970-01-02") // 1
 */
export function toDay(date: IsoDate): number {
  return Math.round(toUtc(date).getTime() / MS_PER_DAY);
}

/** The date of a day number. @example fromDay(0) // "1970-01-01" */
export function fromDay(day: number): IsoDate {
  return fromUtc(new Date(day * MS_PER_DAY));
}

/**
 * `date` plus `years` whole years; 29 February becomes 28 February in a year without it.
 * @example plusYears("2016-02-29", 1) // "2017-02-28"
 */
export function plusYears(date: IsoDate, years: number): IsoDate {
  return fromUtc(addYears(toUtc(date), years));
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toUtc(to), toUtc(from));
}

/**
 * The whole years from `from` to `to`: the largest n with from + n years ≤ to (`rules.md`,
 * "Time"); ages and years of work are counted this way. Negative spans give a negative count.
 * @example wholeYears("1974-07-10", "2014-07-10") // 40
 * @example wholeYears("1974-07-11", "2014-07-10") // 39
 */
export function wholeYears(from: IsoDate, to: IsoDate): number {
  let n = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  while (n > 0 && plusYears(from, n) > to) n--;
  while (plusYears(from, n + 1) <= to) n++;
  return n;
}

/** The calendar year of a date. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** A half-open period of dates: `start` inclusive, `end` exclusive. */
export interface Period {
  start: IsoDate;
  end: IsoDate;
}

/**
 * The contract years of a row that starts on `start` that must be checked at `asOf`: the k-th
 * runs from start + k years (inclusive) to start + k + 1 years (exclusive), and is checked only
 * when its end is on or before `asOf` and, where the row has an `endDate`, on or before that too
 * (a year cut short by the end is not checked).
 * @example endedContractYears("2014-07-15", "2016-07-15") // two years, 2014 and 2015
 */
export function endedContractYears(start: IsoDate, asOf: IsoDate, endDate?: IsoDate): Period[] {
  const limit = endDate !== undefined && endDate < asOf ? endDate : asOf;
  const years: Period[] = [];
  for (let k = 0; ; k++) {
    const end = plusYears(start, k + 1);
    if (end > limit) break;
    years.push({ start: plusYears(start, k), end });
  }
  return years;
}

/**
 * Whether a row is current at `asOf`: it started on or before `asOf` and has no end, or ends after
 * `asOf` (the end date itself is outside the row).
 * @example isCurrent("2014-07-15", undefined, "2014-07-15") // true
 * @example isCurrent("2014-07-15", "2015-01-01", "2015-01-01") // false
 */
export function isCurrent(start: IsoDate, endDate: IsoDate | undefined, asOf: IsoDate): boolean {
  return start <= asOf && (endDate === undefined || endDate > asOf);
}

/**
 * Whether something done on `date` meets a deadline: on or before it.
 * @example meetsDeadline("2014-07-30", "2014-07-30") // true
 */
export function meetsDeadline(date: IsoDate, deadline: IsoDate): boolean {
  return date <= deadline;
}
