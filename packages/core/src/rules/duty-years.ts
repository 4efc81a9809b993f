/**
 * The per-year duties of `rules.md` "Time" (visits, meetings), shared by `unit.staff-visits`,
 * `unit.principal-visits`, `unit.topic-meetings` and `household.regular-visits`: they go by
 * calendar year (年度) and are judged per *pair* — (unit, village) or (household, helper) — whose
 * rows, current and ended alike, are taken together. A calendar year Y on which a row of the pair
 * is in force for at least one day is a duty year; its covered days c are the days of Y on which
 * some row is in force (the union, not a sum); it is due once its last covered day is on or before
 * `asOf`; it requires floor((2·n·c + d) ÷ (2·d)) of a yearly number n (d the days of Y), and none
 * when that is 0. Only what is dated on a covered day counts.
 *
 * Rows whose start or end is broken are in force on no day, and a rule says nothing about the
 * pair in the duty years that contain such a row's readable dates (findings do not cascade).
 *
 * Built for a province (millions of pairs): day numbers and intervals only, no per-day loop, and
 * no allocation for a pair that does not fail (most pairs have one row: that is the fast path).
 */
import { fromDay, jan1, toDay, yearOfDay } from "../calendar/calendar.js";
import type { DatasetIndex } from "../engine/dataset-index.js";
import { type Message, zhDate } from "../engine/findings.js";
import type { RuleContext } from "../engine/rule-context.js";
import type { HouseholdAssignment, Unit, VillageAssignment } from "../schema/collections.js";
import type { RuleHit } from "./rule.js";

export { jan1, yearOfDay };

/** A failing duty year of a pair: what a finding reports for it. */
export interface FailingYear {
  year: number;
  /** The covered days as half-open day-number intervals, flattened: `[from0, to0, from1, to1…]`. */
  spans: number[];
  /** Whether every day of the year is covered (the message then says `2015年度`). */
  whole: boolean;
  required: number;
  /** What was counted (exact, as the year fails). */
  actual: number;
}

/**
 * Counts what the pair did on the days `[fromDay, toDay)` (end exclusive); it may stop counting
 * once it reaches `enough`.
 */
export type CountIn = (fromDay: number, toDay: number, enough: number) => number;

/**
 * What counts for a pair: an object with `count`, so that a rule's walk may be an object made
 * once per run whose methods V8 compiles once per process (see `HouseholdVisitWalk`); a closure
 * made in every run of `check` is compiled again in every run, that is, for every request a server
 * answers.
 */
export interface Counter {
  count: CountIn;
}

/**
 * The required count for a yearly number n over c covered days of a d-day year: n × c ÷ d rounded
 * half up, in integers.
 * @example requiredCount(1, 183, 366) // 1 (exactly 0.5)
 * @example requiredCount(1, 182, 366) // 0
 */
export function requiredCount(perYear: number, covered: number, days: number): number {
  return Math.floor((2 * perYear * covered + days) / (2 * days));
}

/** The year of a `YYYY-MM-DD` date, without a substring. */
const yearOfDate = (date: string) =>
  (date.charCodeAt(0) - 48) * 1000 +
  (date.charCodeAt(1) - 48) * 100 +
  (date.charCodeAt(2) - 48) * 10 +
  (date.charCodeAt(3) - 48);

// Scratch space, reused by every call (checks are synchronous and a count never calls back in):
// the pair's merged in-force intervals [LO[k], HI[k]), the silenced year ranges, and the plan.
const LO: number[] = [];
const HI: number[] = [];
const SILENT_FROM: number[] = [];
const SILENT_TO: number[] = [];
const PLAN: number[] = [];

/** A row of a pair: a contract or a helper's assignment (both start on `startDate`). */
export type PairRow = VillageAssignment | HouseholdAssignment;

/**
 * The due duty years of a pair that require something, written into `plan` as records
 * `[year, required, whole (1/0), spans, from0, to0, from1, to1…]` (covered days as half-open
 * day-number intervals); their count, or -1 when a row without any readable date silences the
 * whole pair. Years that a broken row silences are left out.
 */
function planDutyYears(
  ctx: RuleContext,
  rows: readonly PairRow[],
  perYear: number,
  plan: number[],
): number {
  plan.length = 0;
  let k = 0; // intervals
  let s = 0; // silenced year ranges
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const start = row.startDate;
    const startOk = start !== undefined && ctx.ok(row, "startDate");
    if (!startOk || !ctx.ok(row, "endDate")) {
      // A row that cannot be placed in time: silent in the years of its readable dates.
      const end = row.endDate;
      if (startOk && end !== undefined) {
        const a = yearOfDate(start);
        const b = yearOfDate(end);
        SILENT_FROM[s] = Math.min(a, b);
        SILENT_TO[s++] = Math.max(a, b);
      } else if (startOk || end !== undefined) {
        SILENT_FROM[s] = SILENT_TO[s++] = yearOfDate(startOk ? start : end!);
      } else return -1;
      continue;
    }
    const lo = toDay(start);
    const hi = row.endDate === undefined ? Number.POSITIVE_INFINITY : toDay(row.endDate);
    if (hi <= lo) continue; // in force on no day
    // Insert in start order (pairs have a row or two).
    let i = k++;
    while (i > 0 && LO[i - 1]! > lo) {
      LO[i] = LO[i - 1]!;
      HI[i] = HI[i - 1]!;
      i--;
    }
    LO[i] = lo;
    HI[i] = hi;
  }
  if (k === 0) return 0;
  // Merge overlapping or touching intervals (a renewal on its predecessor's end day continues it).
  let m = 0;
  for (let i = 1; i < k; i++) {
    if (LO[i]! <= HI[m]!) {
      if (HI[i]! > HI[m]!) HI[m] = HI[i]!;
    } else {
      m++;
      LO[m] = LO[i]!;
      HI[m] = HI[i]!;
    }
  }
  k = m + 1;

  const asOfDay = ctx.asOfDay;
  const asOfYear = yearOfDay(asOfDay);
  const end = HI[k - 1]!;
  const lastYear =
    end === Number.POSITIVE_INFINITY ? asOfYear : Math.min(asOfYear, yearOfDay(end - 1));
  const firstYear = yearOfDay(LO[0]!);
  let n = 0;
  let first = 0; // the first interval that may reach into the year
  let y1 = jan1(firstYear); // 1 January of the year after the one in hand
  for (let year = firstYear; year <= lastYear; year++) {
    const y0 = y1;
    y1 = jan1(year + 1);
    while (first < k && HI[first]! <= y0) first++;
    if (first === k || LO[first]! >= y1) continue; // a gap year: no row in force
    let covered = 0;
    let lastCovered = 0;
    let last = first;
    for (let i = first; i < k && LO[i]! < y1; i++) {
      const to = Math.min(HI[i]!, y1);
      covered += to - Math.max(LO[i]!, y0);
      lastCovered = to - 1;
      last = i;
    }
    if (lastCovered > asOfDay) break; // not due, nor any later year
    if (isSilent(year, s)) continue;
    const days = y1 - y0;
    const required = requiredCount(perYear, covered, days);
    if (required === 0) continue;
    plan.push(year, required, covered === days ? 1 : 0, last - first + 1);
    for (let i = first; i <= last; i++) plan.push(Math.max(LO[i]!, y0), Math.min(HI[i]!, y1));
    n++;
  }
  return n;
}

/**
 * Plans of the pairs with one current row, by start date: a province's millions of helpers share
 * a few thousand start dates. Valid for one audit day and yearly number.
 */
const plans = { asOfDay: Number.NaN, perYear: Number.NaN, byStart: new Map<string, number[]>() };

/**
 * The failing due duty years of one pair (its rows, all of one pair, current and ended) for a
 * yearly number `perYear`, or `undefined` when none fails (or none is due). `silent(year)` leaves
 * out further years (another broken row the rule reads).
 * @example failingDutyYears(ctx, rows, 2, { count: (from, to) => ctx.visitsIn(t, p, "staff_visit", from, to) })
 */
export function failingDutyYears(
  ctx: RuleContext,
  rows: readonly PairRow[],
  perYear: number,
  counter: Counter,
  silent?: (year: number) => boolean,
): FailingYear[] | undefined {
  if (perYear <= 0) return undefined;
  let plan: number[] = PLAN;
  const row = rows.length === 1 ? rows[0]! : undefined;
  if (
    row !== undefined &&
    row.endDate === undefined &&
    row.startDate !== undefined &&
    ctx.ok(row, "startDate", "endDate")
  ) {
    // The fast path: one row without an end, its plan shared by every pair starting that day.
    if (plans.asOfDay !== ctx.asOfDay || plans.perYear !== perYear) {
      plans.asOfDay = ctx.asOfDay;
      plans.perYear = perYear;
      plans.byStart.clear();
    }
    const cached = plans.byStart.get(row.startDate);
    if (cached) plan = cached;
    else {
      plan = [];
      planDutyYears(ctx, rows, perYear, plan);
      plans.byStart.set(row.startDate, plan);
    }
  } else if (planDutyYears(ctx, rows, perYear, PLAN) <= 0) return undefined;

  let failing: FailingYear[] | undefined;
  for (let p = 0; p < plan.length; ) {
    const year = plan[p]!;
    const required = plan[p + 1]!;
    const whole = plan[p + 2] === 1;
    const from = p + 4;
    p = from + 2 * plan[p + 3]!;
    if (silent?.(year)) continue;
    let actual = 0;
    for (let i = from; i < p && actual < required; i += 2) {
      actual += counter.count(plan[i]!, plan[i + 1]!, required - actual);
    }
    if (actual >= required) continue;
    failing ??= [];
    failing.push({ year, spans: plan.slice(from, p), whole, required, actual });
  }
  return failing;
}

function isSilent(year: number, ranges: number): boolean {
  for (let i = 0; i < ranges; i++)
    if (year >= SILENT_FROM[i]! && year <= SILENT_TO[i]!) return true;
  return false;
}

/**
 * The rows of `rows` grouped by pair (`keyOf` gives the other member of the pair, or `undefined`
 * for a row whose link is broken: it belongs to no pair), in order of first appearance. For the
 * few subjects with several rows: a rule judges a subject with one row without it.
 * @example pairsOf(index.helpersOf(h), (r) => (ctx.ok(r, "personId") ? r.personId : undefined))
 */
export function pairsOf<R>(
  rows: readonly R[],
  keyOf: (row: R) => string | undefined,
): { key: string; rows: R[] }[] {
  const pairs: { key: string; rows: R[] }[] = [];
  for (const row of rows) {
    const key = keyOf(row);
    if (key === undefined) continue;
    const pair = pairs.find((p) => p.key === key);
    if (pair) pair.rows.push(row);
    else pairs.push({ key, rows: [row] });
  }
  return pairs;
}

/**
 * Each failing year in words, for the `{periods}` placeholder: a whole year `2015年度应至少2次、实有
 * 1次`, a partial one its days `2014年7月15日至2014年12月31日应至少1次、实有0次`; years joined
 * by `；` (en: `2015: at least 2 required, 1 made; 2014-07-15 to 2014-12-31: …`).
 */
export function periodsMessage(failing: readonly FailingYear[]): Message {
  const zh: string[] = [];
  const en: string[] = [];
  for (const f of failing) {
    const days: Message[] = [];
    for (let i = 0; i < f.spans.length; i += 2) {
      const from = fromDay(f.spans[i]!);
      const to = fromDay(f.spans[i + 1]! - 1);
      days.push({ zh: `${zhDate(from)}至${zhDate(to)}`, en: `${from} to ${to}` });
    }
    const period: Message = f.whole
      ? { zh: `${f.year}年度`, en: String(f.year) }
      : { zh: days.map((d) => d.zh).join("、"), en: days.map((d) => d.en).join(", ") };
    zh.push(`${period.zh}应至少${f.required}次、实有${f.actual}次`);
    en.push(`${period.en}: at least ${f.required} required, ${f.actual} made`);
  }
  return { zh: zh.join("；"), en: en.join("; ") };
}

/** How a unit rule judges one (unit, village) pair. */
export interface UnitDuty extends Counter {
  /** Counts the pair's visits or meetings in a span of days. */
  count: CountIn;
  /** Years to leave out besides those of the pair's broken rows. */
  silent?: (year: number) => boolean;
  /** The message key (default `"default"`). */
  message?: string;
}

/**
 * The hits of a unit's per-year duty: one per (unit, village) pair with a failing due duty year,
 * naming the unit (`related` the village), the failing `years` and `{periods}`. `judge` returns
 * how to count for a pair, or `undefined` to say nothing about it (a field it reads is broken).
 * @example yield* unitDutyHits(index, ctx, 2, (unit, villageId) => ({ count: … }))
 */
export function* unitDutyHits(
  index: DatasetIndex,
  ctx: RuleContext,
  perYear: number,
  judge: (unit: Unit, villageId: string) => UnitDuty | undefined,
): Generator<RuleHit> {
  const unitOf = (row: VillageAssignment) =>
    ctx.ok(row, "unitId") && row.unitId !== undefined ? row.unitId : undefined;
  const hitOf = (unitId: string, villageId: string, rows: readonly VillageAssignment[]) => {
    const unit = index.unit(unitId);
    const duty = unit && judge(unit, villageId);
    if (!duty) return undefined;
    const failing = failingDutyYears(ctx, rows, perYear, duty, duty.silent);
    if (!failing) return undefined;
    const hit: RuleHit = {
      entity: { collection: "units", id: unitId },
      related: [{ collection: "villages", id: villageId }],
      years: failing.map((f) => f.year),
      params: { periods: periodsMessage(failing) },
    };
    if (duty.message) hit.message = duty.message;
    return hit;
  };
  for (const village of index.rows("villages")) {
    const rows = index.contractsOfVillage(village.id);
    if (rows.length === 0) continue;
    if (rows.length === 1) {
      const unitId = unitOf(rows[0]!);
      const hit = unitId === undefined ? undefined : hitOf(unitId, village.id, rows);
      if (hit) yield hit;
      continue;
    }
    for (const pair of pairsOf(rows, unitOf)) {
      const hit = hitOf(pair.key, village.id, pair.rows);
      if (hit) yield hit;
    }
  }
}
