import { describe, expect, it } from "vitest";
import { dayOf, isoOf } from "./dates.js";
import {
  acceptanceRequired,
  annualPlanYears,
  dutyDays,
  faultYear,
  owedAssessmentYears,
  requiredCount,
  requiredInYear,
} from "./duty.js";
import { Random } from "./random.js";

describe("per-year duties by calendar year (rules.md v2, Time)", () => {
  it("prorates a partial year, rounding half up", () => {
    // rules.md: a contract from 2014-07-15 owes round(2 × 170 / 365) = 1 visit in 2014.
    expect(requiredInYear("2014-07-15", 2014, 2)).toBe(1);
    expect(requiredInYear("2014-07-15", 2015, 2)).toBe(2);
    expect(requiredCount(1, 182, 365)).toBe(0);
    expect(requiredCount(1, 183, 365)).toBe(1);
    expect(requiredCount(1, 183, 366)).toBe(1);
    expect(requiredCount(1, 182, 366)).toBe(0);
  });

  it("places at least the required visits on covered days of every due year, none after asOf", () => {
    const asOf = "2018-07-20";
    const days = [...dutyDays(new Random(1, "t"), "2014-07-15", dayOf(asOf), 4, 0.12)].map(isoOf);
    expect(days.every((d) => d >= "2014-07-15" && d <= asOf)).toBe(true);
    const inYear = (y: number) => days.filter((d) => d.startsWith(`${y}-`)).length;
    expect(inYear(2014)).toBeGreaterThanOrEqual(requiredInYear("2014-07-15", 2014, 4));
    for (const y of [2015, 2016, 2017]) expect(inYear(y)).toBeGreaterThanOrEqual(4);
  });

  it("draws the same numbers whatever a fault keeps", () => {
    const all = [...dutyDays(new Random(2, "t"), "2014-07-15", dayOf("2018-07-20"), 2, 0)];
    const short = [...dutyDays(new Random(2, "t"), "2014-07-15", dayOf("2018-07-20"), 2, 0, 2016)];
    const y2016 = (d: number) => isoOf(d).startsWith("2016-");
    expect(short.filter(y2016)).toHaveLength(1);
    expect(short.filter((d) => !y2016(d))).toEqual(all.filter((d) => !y2016(d)));
  });

  it("plants a shortfall in a whole due year, else a partial one that requires one", () => {
    const random = new Random(3, "t");
    for (let i = 0; i < 20; i++)
      expect([2015, 2016, 2017]).toContain(faultYear(random, "2014-07-15", "2018-07-20", 2));
    expect(faultYear(random, "2014-07-15", "2015-06-01", 2)).toBe(2014);
    // 2014 requires no staff visit (round(170 / 365) = 0) and 2015 is not due yet.
    expect(faultYear(random, "2014-07-15", "2015-12-30", 1)).toBeUndefined();
    expect(faultYear(random, "2014-07-15", "2015-12-31", 1)).toBe(2015);
  });
});

describe("documents due after graceDays (rules.md v2, Time)", () => {
  it("owes an annual plan once 90 days after the year's first contracted day, within the year", () => {
    expect(annualPlanYears("2014-07-15", "2014-10-12")).toEqual([]);
    expect(annualPlanYears("2014-07-15", "2014-10-13")).toEqual([2014]);
    expect(annualPlanYears("2014-07-15", "2015-03-31")).toEqual([2014]);
    expect(annualPlanYears("2014-07-15", "2015-04-01")).toEqual([2014, 2015]);
    // A village first contracted on 31 December owes no plan for that year.
    expect(annualPlanYears("2014-12-31", "2015-12-31")).toEqual([2015]);
  });

  it("owes an assessment 90 days after 31 December", () => {
    expect(owedAssessmentYears("2014-07-15", "2015-03-30")).toEqual([]);
    expect(owedAssessmentYears("2014-07-15", "2015-03-31")).toEqual([2014]);
  });

  it("requires the acceptance 90 days after the term's end", () => {
    expect(acceptanceRequired("2014-07-15", "2017-10-12")).toBe(false);
    expect(acceptanceRequired("2014-07-15", "2017-10-13")).toBe(true);
  });
});
