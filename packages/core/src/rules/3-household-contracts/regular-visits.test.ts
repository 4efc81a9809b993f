import { describe, expect, it } from "vitest";
import type { Dataset } from "../../schema/collections.js";
import { compliantCounty, ID, staff, villageCadre } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { householdRegularVisits as rule } from "./regular-visits.js";

// The fixture: helpers from 2014-08-01 visit on the 15th of February, May, August and November,
// from 2014-08-15 to 2018-05-15; 2014 (153 days, 4 × 153 ÷ 365 = 1.68) owes two visits and
// 2015 … 2017 four each.
const HELPER = staff(ID.provinceUnit, "helper");
const DEPUTY = staff(ID.provinceUnit, "deputy");

/** h1's household visit on `date`. */
const visitOn = (d: Dataset, date: string) =>
  d.visits.find((v) => v.householdId === ID.h1 && v.date === date)!;
/** Removes h1's household visit on `date`. */
const dropVisit = (d: Dataset, date: string) => {
  const before = d.visits.length;
  d.visits = d.visits.filter((v) => !(v.householdId === ID.h1 && v.date === date));
  expect(d.visits.length).toBe(before - 1);
};
const h1Row = (d: Dataset) => d.householdAssignments.find((a) => a.householdId === ID.h1)!;

describe("household.regular-visits", () => {
  it("passes when every helper made the required visits in every due calendar year", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags 3 visits in a calendar year, naming the household, the helper and the counts", () => {
    const d = compliantCounty();
    dropVisit(d, "2016-02-15");
    const f = findingsOf(rule, d);
    expect(hits(rule, d)).toEqual([[ID.h1, HELPER]]);
    expect(f[0]!.years).toEqual([2016]);
    expect(f[0]!.severity).toBe("warning");
    expect(f[0]!.message.zh).toBe(
      "天堂镇天堂村贫困户张一（户编号：H-1）的帮扶责任人U-P1干部（U-P1-helper）入户走访次数不足：2016年度应至少4次、实有3次。原文：“定期走访贫困户”。",
    );
    expect(f[0]!.message.en).toContain("2016: at least 4 required, 3 made");
  });

  it("names a partial first year by its days and every failing year in one finding", () => {
    const d = compliantCounty();
    dropVisit(d, "2014-11-15");
    dropVisit(d, "2017-05-15");
    const f = findingsOf(rule, d);
    expect(f.length).toBe(1);
    expect(f[0]!.years).toEqual([2014, 2017]);
    expect(f[0]!.message.zh).toContain(
      "2014年8月1日至2014年12月31日应至少2次、实有1次；2017年度应至少4次、实有3次",
    );
  });

  it("judges a year once its last covered day is on or before asOf", () => {
    const d = compliantCounty();
    dropVisit(d, "2017-11-15");
    expect(hits(rule, d, { asOf: "2017-12-30" })).toEqual([]);
    expect(findingsOf(rule, d, { asOf: "2017-12-31" })[0]!.years).toEqual([2017]);
  });

  it("judges an ended pair over its days, counting no visit after the end", () => {
    const d = compliantCounty();
    h1Row(d).endDate = "2016-07-01"; // 182 of 366 days: 4 × 182 ÷ 366 = 1.99 → 2
    expect(hits(rule, d)).toEqual([]);
    dropVisit(d, "2016-05-15"); // 2016-08-15 and 2016-11-15 remain, after the end
    const f = findingsOf(rule, d);
    expect(f[0]!.years).toEqual([2016]);
    expect(f[0]!.message.zh).toContain("2016年1月1日至2016年6月30日应至少2次、实有1次");
  });

  it("counts a visit on the last covered day, not one on the end date", () => {
    const d = compliantCounty();
    h1Row(d).endDate = "2016-07-01";
    dropVisit(d, "2016-05-15");
    visitOn(d, "2016-08-15").date = "2016-06-30";
    expect(hits(rule, d)).toEqual([]);
    visitOn(d, "2016-06-30").date = "2016-07-01";
    expect(hits(rule, d)).toEqual([[ID.h1, HELPER]]);
  });

  it("counts only the helper's own household visits", () => {
    const d = compliantCounty();
    visitOn(d, "2016-02-15").personId = villageCadre(ID.v1);
    expect(hits(rule, d)).toEqual([[ID.h1, HELPER]]);
  });

  it("judges each helper over the days of its own rows", () => {
    const d = compliantCounty();
    h1Row(d).endDate = "2016-08-01"; // 213 days of 2016: 2.33 → 2, visited 02-15 and 05-15
    d.householdAssignments.push({ ...h1Row(d), personId: DEPUTY, startDate: "2016-08-01" });
    delete d.householdAssignments.at(-1)!.endDate;
    const f = findingsOf(rule, d);
    expect(hits(rule, d)).toEqual([[ID.h1, DEPUTY]]);
    expect(f[0]!.years).toEqual([2016, 2017]);
    expect(f[0]!.message.zh).toContain("2016年8月1日至2016年12月31日应至少2次、实有0次");
  });

  it("takes the year of a renewal by the same helper as one duty year", () => {
    const d = compliantCounty();
    h1Row(d).endDate = "2016-03-01";
    d.householdAssignments.push({ ...h1Row(d), startDate: "2016-03-01" });
    delete d.householdAssignments.at(-1)!.endDate;
    expect(hits(rule, d)).toEqual([]);
    dropVisit(d, "2016-08-15");
    const f = findingsOf(rule, d);
    expect(f.map((x) => x.years)).toEqual([[2016]]);
    expect(f[0]!.message.zh).toContain("2016年度应至少4次、实有3次");
  });

  it("says nothing in the years of a broken row of the pair, and only there (no cascade)", () => {
    const d = compliantCounty();
    dropVisit(d, "2015-05-15");
    dropVisit(d, "2017-05-15");
    expect(findingsOf(rule, d)[0]!.years).toEqual([2015, 2017]);
    // A row of the pair that ends before it starts (data.date-order): nothing about 2017.
    d.householdAssignments.push({ ...h1Row(d), startDate: "2017-05-01", endDate: "2017-01-01" });
    expect(findingsOf(rule, d)[0]!.years).toEqual([2015]);
    // A row whose helper is unknown belongs to no pair and silences nothing.
    d.householdAssignments.at(-1)!.personId = "NOBODY";
    expect(findingsOf(rule, d)[0]!.years).toEqual([2015, 2017]);
    // A row of the pair with no readable date: nothing about the pair at all.
    d.householdAssignments.push({ ...h1Row(d), startDate: "2016-02-30" });
    expect(hits(rule, d)).toEqual([]);
  });

  it("takes the threshold from the parameters", () => {
    const d = compliantCounty();
    expect(hits(rule, d, { parameters: { householdVisitsPerYear: 5 } }).length).toBe(5);
  });
});
