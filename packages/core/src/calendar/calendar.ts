/**
 * The one calendar every rule uses. Dates are calendar dates written `YYYY-MM-DD`, computed in
 * UTC so no time zone shifts them; `rules.md` "Time" defines whole years, contract years and
 * calendar years, and this module encodes those definitions once.
 */

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

// The hot paths (millions of rows) use integer arithmetic on the date's digits; the tests check
// them against date-fns on every day of several years, leap days included.
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const num = (s: string, from: number, to: number) => {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = digit(s, i);
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
};

/**
 * Whether `text` is a real calendar date written `YYYY-MM-DD` (2015-02-29 is not).
 * @example isIsoDate("2016-02-29") // true
 */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  return isCivilDate(num(text, 0, 4), num(text, 5, 7), num(text, 8, 10));
}

/**
 * Whether year `y`, month `m` (1–12) and day `d` name a real calendar date (a negative part, as
 * `num` gives for a non-digit, names none).
 * @example isCivilDate(2015, 2, 29) // false
 */
export function isCivilDate(y: number, m: number, d: number): boolean {
  if (y < 0 || m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 && leap(y) ? 29 : DAYS_IN_MONTH[m - 1]!);
}

/**
 * The day number of a date: days since 1970-01-01. Compact and ordered, for tallies.
 * @example toDay("1970-01-02") // 1
 */
export function toDay(date: IsoDate): number {
  return civilDay(num(date, 0, 4), num(date, 5, 7), num(date, 8, 10));
}

/**
 * The day number (`toDay`) of year `y`, month `m` (1–12), day `d`.
 * @example civilDay(1970, 1, 2) // 1
 */
export function civilDay(year: number, m: number, d: number): number {
  // Days from civil (H. Hinnant's algorithm), exact for the proleptic Gregorian calendar.
  const y = year - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * A day number's March-based year (H. Hinnant's civil-from-days: the year begins on 1 March, so
 * leap days fall at its end) and its day within that year (0 = 1 March, 306 = 1 January).
 */
function marchYear(day: number): { year: number; doy: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  return { year: yoe + era * 400, doy };
}

/** The date of a day number. @example fromDay(0) // "1970-01-01" */
export function fromDay(day: number): IsoDate {
  const { year, doy } = marchYear(day);
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = year + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}`;
}

/**
 * The calendar year of a day number, without making its date.
 * @example yearOfDay(0) // 1970
 */
export function yearOfDay(day: number): number {
  const { year, doy } = marchYear(day);
  // January and February (day 306 on of the March-based year) are the next calendar year's.
  return year + (doy >= 306 ? 1 : 0);
}

/**
 * The day number (as `toDay`) of 1 January of a year, in integer arithmetic.
 * @example jan1(1970) // 0
 */
export function jan1(year: number): number {
  const y = year - 1; // January counts with the year before (H. Hinnant's days-from-civil)
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + 306 - 719468;
}

/**
 * `date` plus `years` whole years; 29 February becomes 28 February in a year without it.
 * @example plusYears("2016-02-29", 1) // "2017-02-28"
 */
export function plusYears(date: IsoDate, years: number): IsoDate {
  const y = num(date, 0, 4) + years;
  const rest = date.slice(4);
  if (rest === "-02-29" && !leap(y)) return `${String(y).padStart(4, "0")}-02-28`;
  return `${String(y).padStart(4, "0")}${rest}`;
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
