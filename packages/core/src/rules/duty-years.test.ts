import { describe, expect, it } from "vitest";
import { fromDay, toDay } from "../calendar/calendar.js";
import type { RuleContext } from "../engine/rule-context.js";
import {
  type CountIn,
  failingDutyYears,
  jan1,
  type PairRow,
  pairsOf,
  periodsMessage,
  requiredCount,
  yearOfDay,
} from "./duty-years.js";

/** A contract row of one pair. */
const row = (startDate: string, endDate?: string): PairRow =>
  ({ villageId: "V", unitId: "U", startDate, ...(endDate ? { endDate } : {}) }) as PairRow;

/** The context the walk reads: the audit day and which fields a data check broke. */
const ctxAt = (asOf: string, broken = new Map<PairRow, string[]>()) =>
  ({
    asOfDay: toDay(asOf),
    ok: (r: PairRow, ...fields: string[]) => !fields.some((f) => broken.get(r)?.includes(f)),
  }) as unknown as RuleContext;

/** Counts visits dated `dates` in each span, recording the spans asked for. */
function counter(dates: string[] = []) {
  const days = dates.map(toDay);
  const asked: string[] = [];
  const count: CountIn = (from, to) => {
    asked.push(`${fromDay(from)}..${fromDay(to - 1)}`);
    return days.filter((d) => d >= from && d < to).length;
  };
  return { count, asked };
}

/** `[year, required, actual]` of each failing year. */
const summary = (rows: PairRow[], asOf: string, n: number, dates: string[] = []) =>
  (failingDutyYears(ctxAt(asOf), rows, n, counter(dates)) ?? []).map((f) => [
    f.year,
    f.required,
    f.actual,
  ]);

describe("calendar arithmetic", () => {
  it("jan1 and yearOfDay agree with toDay, leap years and centuries included", () => {
    for (let y = 1896; y <= 2104; y++) expect(jan1(y), String(y)).toBe(toDay(`${y}-01-01`));
    for (let d = toDay("1999-12-25"); d <= toDay("2001-01-05"); d++) {
      expect(yearOfDay(d)).toBe(Number(fromDay(d).slice(0, 4)));
    }
    for (const date of ["2016-12-31", "2017-01-01", "2100-03-01", "1969-12-31"]) {
      expect(yearOfDay(toDay(date))).toBe(Number(date.slice(0, 4)));
    }
  });
});

describe("requiredCount (round half up, in integers)", () => {
  it("rounds 0.501 up and 0.4986 down in a 365-day year", () => {
    expect(requiredCount(1, 183, 365)).toBe(1);
    expect(requiredCount(1, 182, 365)).toBe(0);
  });
  it("rounds an exact half up in a leap year (1 × 183 ÷ 366 = 0.5)", () => {
    expect(requiredCount(1, 183, 366)).toBe(1);
    expect(requiredCount(1, 182, 366)).toBe(0);
    expect(requiredCount(2, 183, 366)).toBe(1); // exactly 1.0
    expect(requiredCount(3, 183, 366)).toBe(2); // exactly 1.5
  });
  it("gives the yearly number for a whole year and the rules.md example for 2014", () => {
    expect(requiredCount(2, 365, 365)).toBe(2);
    expect(requiredCount(4, 366, 366)).toBe(4);
    expect(requiredCount(2, 170, 365)).toBe(1); // a contract from 2014-07-15
    expect(requiredCount(4, 153, 365)).toBe(2); // a helper from 2014-08-01
  });
});

describe("failingDutyYears", () => {
  it("judges every due calendar year of a current row, prorating the first", () => {
    const f = failingDutyYears(ctxAt("2018-07-20"), [row("2014-07-15")], 2, counter())!;
    expect(f.map((x) => [x.year, x.required, x.actual, x.whole])).toEqual([
      [2014, 1, 0, false],
      [2015, 2, 0, true],
      [2016, 2, 0, true],
      [2017, 2, 0, true],
    ]);
    expect(f[0]!.spans).toEqual([toDay("2014-07-15"), toDay("2015-01-01")]);
  });

  it("passes a year with the required count, and drops a year requiring 0", () => {
    const dates = ["2014-08-15", "2015-02-15", "2015-08-15", "2016-02-15", "2016-08-15"];
    expect(summary([row("2014-07-15")], "2016-12-31", 2, dates)).toEqual([]);
    // 2017-10-01 … 2017-12-31: 92 days, 2 × 92 ÷ 365 = 0.504 → 1; from 2017-10-02: 0.499 → 0.
    expect(summary([row("2017-10-01")], "2018-07-20", 2)).toEqual([[2017, 1, 0]]);
    expect(summary([row("2017-10-02")], "2018-07-20", 2)).toEqual([]);
  });

  it("makes a year due on its last covered day, not before", () => {
    expect(summary([row("2017-01-01")], "2017-12-30", 1)).toEqual([]);
    expect(summary([row("2017-01-01")], "2017-12-31", 1)).toEqual([[2017, 1, 0]]);
    // An ended row's last covered day is the day before its end date.
    const ended = [row("2016-01-01", "2016-07-02")];
    expect(summary(ended, "2016-06-30", 1)).toEqual([]);
    expect(summary(ended, "2016-07-01", 1)).toEqual([[2016, 1, 0]]);
  });

  it("judges an ended pair over its days only, and counts only covered days", () => {
    const { count, asked } = counter(["2016-07-02"]);
    const f = failingDutyYears(ctxAt("2018-07-20"), [row("2016-01-01", "2016-07-02")], 1, {
      count,
    })!;
    expect(f.map((x) => [x.year, x.required, x.actual, x.whole])).toEqual([[2016, 1, 0, false]]);
    expect(asked).toEqual(["2016-01-01..2016-07-01"]);
    expect(summary([row("2016-01-01", "2016-07-02")], "2018-07-20", 1, ["2016-07-01"])).toEqual([]);
  });

  it("takes a renewal by the same pair as one duty year", () => {
    const rows = [row("2016-03-01"), row("2014-07-15", "2016-03-01")];
    const { count, asked } = counter(["2016-02-15"]);
    const f = failingDutyYears(ctxAt("2018-07-20"), rows, 2, { count })!;
    expect(f.find((x) => x.year === 2016)).toMatchObject({ required: 2, actual: 1, whole: true });
    expect(asked).toContain("2016-01-01..2016-12-31");
    expect(
      summary(rows, "2016-12-31", 2, [
        "2014-08-15",
        "2015-02-15",
        "2015-08-15",
        "2016-02-15",
        "2016-08-15",
      ]),
    ).toEqual([]);
  });

  it("covers the union of overlapping rows, not their sum", () => {
    const rows = [row("2015-01-01"), row("2015-03-01", "2015-06-01")];
    expect(summary(rows, "2015-12-31", 2, ["2015-04-01"])).toEqual([[2015, 2, 1]]);
  });

  it("leaves a gap out of a year's covered days, and a year without a row out of the duty years", () => {
    // 2016: 1 Jan … 29 Feb (60 days) and 1 Jun … 31 Dec (214): 2 × 274 ÷ 366 = 1.497 → 1.
    const gap = [row("2014-07-15", "2016-03-01"), row("2016-06-01")];
    const f = failingDutyYears(ctxAt("2016-12-31"), gap, 2, counter(["2016-04-15"]))!;
    const y2016 = f.find((x) => x.year === 2016)!;
    expect([y2016.required, y2016.actual, y2016.whole]).toEqual([1, 0, false]);
    expect(periodsMessage([y2016]).zh).toBe(
      "2016年1月1日至2016年2月29日、2016年6月1日至2016年12月31日应至少1次、实有0次",
    );
    const apart = [row("2014-07-15", "2015-01-01"), row("2016-01-01")];
    expect(summary(apart, "2016-12-31", 2).map((x) => x[0])).toEqual([2014, 2016]);
  });

  it("plans a lone open row per start day, audit day and yearly number alike", () => {
    const one = [row("2016-01-01")];
    expect(summary(one, "2016-12-31", 1)).toEqual([[2016, 1, 0]]);
    expect(summary(one, "2016-12-31", 3)).toEqual([[2016, 3, 0]]);
    expect(summary(one, "2017-12-31", 3)).toEqual([
      [2016, 3, 0],
      [2017, 3, 0],
    ]);
    expect(summary([row("2016-07-01")], "2017-12-31", 3)).toEqual([
      [2016, 2, 0],
      [2017, 3, 0],
    ]);
  });

  it("ignores a row in force on no day (end on its start)", () => {
    expect(summary([row("2015-05-01", "2015-05-01")], "2018-07-20", 2)).toEqual([]);
  });

  it("says nothing in the years of a broken row's readable dates (no cascade)", () => {
    const good = row("2014-07-15");
    const backwards = row("2016-05-01", "2015-04-01"); // data.date-order breaks its endDate
    const ctx = ctxAt("2018-07-20", new Map([[backwards, ["endDate"]]]));
    const years = (rows: PairRow[], c = ctx) =>
      (failingDutyYears(c, rows, 2, counter()) ?? []).map((x) => x.year);
    expect(years([good, backwards])).toEqual([2014, 2017]);
    // A broken start with a readable end: that end's year.
    const noStart = row("2016-05-01", "2017-03-01");
    delete (noStart as { startDate?: string }).startDate;
    const c2 = ctxAt("2018-07-20", new Map([[noStart, ["startDate"]]]));
    expect(years([good, noStart], c2)).toEqual([2014, 2015, 2016]);
    // No readable date at all: nothing about the pair.
    const nothing = row("2016-05-01");
    delete (nothing as { startDate?: string }).startDate;
    const c3 = ctxAt("2018-07-20", new Map([[nothing, ["startDate"]]]));
    expect(years([good, nothing], c3)).toEqual([]);
    // A broken row alone is in force on no day: no duty year.
    expect(years([backwards])).toEqual([]);
  });

  it("leaves out the years a rule silences", () => {
    const f = failingDutyYears(ctxAt("2018-07-20"), [row("2014-07-15")], 2, counter(), (y) =>
      [2015, 2016].includes(y),
    );
    expect(f?.map((x) => x.year)).toEqual([2014, 2017]);
  });

  it("asks a count for no more than the rest of the required number", () => {
    const enoughs: number[] = [];
    const count: CountIn = (_from, _to, enough) => {
      enoughs.push(enough);
      return 2;
    };
    // 2015: 59 + 214 covered days, 4 × 273 ÷ 365 = 2.99 → 3: 2 in the first span, 1 more wanted.
    const rows = [row("2015-01-01", "2015-03-01"), row("2015-06-01", "2016-01-01")];
    expect(failingDutyYears(ctxAt("2016-01-01"), rows, 4, { count })).toBeUndefined();
    expect(enoughs).toEqual([3, 1]);
  });
});

describe("periodsMessage", () => {
  it("names a whole year 年度 and a partial one by its days, in both languages", () => {
    const f = failingDutyYears(ctxAt("2018-07-20"), [row("2014-07-15")], 2, counter())!;
    const m = periodsMessage(f.slice(0, 2));
    expect(m.zh).toBe(
      "2014年7月15日至2014年12月31日应至少1次、实有0次；2015年度应至少2次、实有0次",
    );
    expect(m.en).toBe(
      "2014-07-15 to 2014-12-31: at least 1 required, 0 made; 2015: at least 2 required, 0 made",
    );
  });
});

describe("pairsOf", () => {
  it("groups rows by pair in order of first appearance, leaving out broken links", () => {
    const rows = [
      { id: 1, k: "b" },
      { id: 2, k: undefined },
      { id: 3, k: "a" },
      { id: 4, k: "b" },
    ];
    expect(pairsOf(rows, (r) => r.k).map((p) => [p.key, p.rows.map((r) => r.id)])).toEqual([
      ["b", [1, 4]],
      ["a", [3]],
    ]);
  });
});
