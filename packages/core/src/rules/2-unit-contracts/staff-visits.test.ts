import { describe, expect, it } from "vitest";
import type { Dataset } from "../../schema/collections.js";
import { byId, compliantCounty, ID, staff } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { unitStaffVisits as rule } from "./staff-visits.js";

// The fixture: each unit's helper visits its village on 15 October of 2014 … 2017; contracts run
// from 2014-07-15, so 2014 (170 days, 1 × 170 ÷ 365 = 0.47) owes none and 2015 … 2017 one each.
const helper = staff(ID.cityUnit, "helper");

/** The city unit's staff visit to 莲塘村 on `date`. */
const visitOn = (d: Dataset, date: string) =>
  d.visits.find((v) => v.personId === helper && v.kind === "staff_visit" && v.date === date)!;
const dropVisit = (d: Dataset, date: string) => {
  const visit = visitOn(d, date);
  d.visits = d.visits.filter((v) => v !== visit);
};
const contractOf = (d: Dataset, villageId: string) =>
  d.villageAssignments.find((a) => a.villageId === villageId)!;

describe("unit.staff-visits", () => {
  it("passes with the required staff visits in every due calendar year", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a calendar year without a staff visit, naming the year and the counts", () => {
    const d = compliantCounty();
    dropVisit(d, "2015-10-15");
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related, x.years])).toEqual([
      [{ collection: "units", id: ID.cityUnit }, [{ collection: "villages", id: ID.v2 }], [2015]],
    ]);
    expect(f[0]!.severity).toBe("warning");
    expect(f[0]!.message.zh).toBe(
      "安庆市农委（U-C1）的干部职工走访莲塘村（340828100202）次数不足：2015年度应至少1次、实有0次。原文：“组织本单位干部职工走访贫困村,开展调查研究和送温暖活动”。",
    );
    expect(f[0]!.message.en).toContain("2015: at least 1 required, 0 made");
  });

  it("owes no visit in a first year whose prorated count rounds to 0", () => {
    const d = compliantCounty();
    dropVisit(d, "2014-10-15");
    expect(hits(rule, d)).toEqual([]);
    // Two a year: 2 × 170 ÷ 365 = 0.93 → 1 in 2014.
    const f = findingsOf(rule, d, { parameters: { staffVisitsPerYear: 2 } });
    expect(f.find((x) => x.entity.id === ID.cityUnit)!.message.zh).toContain(
      "2014年7月15日至2014年12月31日应至少1次、实有0次",
    );
  });

  it("rounds 183 of 365 days (0.501) up and 182 (0.499) down", () => {
    const d = compliantCounty();
    dropVisit(d, "2015-10-15");
    contractOf(d, ID.v2).startDate = "2015-07-02"; // 2015-07-02 … 2015-12-31: 183 days
    expect(findingsOf(rule, d).map((x) => [x.entity.id, x.years])).toEqual([[ID.cityUnit, [2015]]]);
    contractOf(d, ID.v2).startDate = "2015-07-03"; // 182 days
    expect(hits(rule, d)).toEqual([]);
  });

  it("rounds exactly half a visit up in a leap year (183 of 366 days), and 182 days down", () => {
    const d = compliantCounty();
    contractOf(d, ID.v2).endDate = "2016-07-02"; // 2016-01-01 … 2016-07-01: 183 days
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.years])).toEqual([[ID.cityUnit, [2016]]]);
    expect(f[0]!.message.zh).toContain("2016年1月1日至2016年7月1日应至少1次、实有0次");
    expect(f[0]!.message.en).toContain("2016-01-01 to 2016-07-01: at least 1 required, 0 made");
    contractOf(d, ID.v2).endDate = "2016-07-01"; // 182 days
    expect(hits(rule, d)).toEqual([]);
  });

  it("counts a visit on the last covered day, not one on the end date", () => {
    const d = compliantCounty();
    contractOf(d, ID.v2).endDate = "2016-07-02";
    visitOn(d, "2016-10-15").date = "2016-07-01";
    expect(hits(rule, d)).toEqual([]);
    visitOn(d, "2016-07-01").date = "2016-07-02";
    expect(hits(rule, d)).toEqual([[ID.cityUnit, ID.v2]]);
  });

  it("counts any staff member but the principal, and no one from another unit", () => {
    const d = compliantCounty();
    const visit = visitOn(d, "2015-10-15");
    visit.personId = staff(ID.cityUnit, "deputy");
    expect(hits(rule, d)).toEqual([]);
    visit.personId = staff(ID.cityUnit, "principal");
    expect(hits(rule, d)).toEqual([[ID.cityUnit, ID.v2]]);
    visit.personId = staff(ID.countyUnit, "helper");
    expect(hits(rule, d)).toEqual([[ID.cityUnit, ID.v2]]);
  });

  it("sums the visits of several staff members against staffVisitsPerYear", () => {
    const d = compliantCounty();
    for (const v of d.visits.filter((x) => x.personId === helper && x.kind === "staff_visit")) {
      d.visits.push({ ...v, personId: staff(ID.cityUnit, "cadre") });
    }
    const f = findingsOf(rule, d, { parameters: { staffVisitsPerYear: 2 } });
    expect(f.map((x) => [x.entity.id, x.years])).toEqual([
      [ID.countyUnit, [2015, 2016, 2017]],
      [ID.provinceUnit, [2015, 2016, 2017]],
    ]);
  });

  it("judges a year once its last covered day is on or before asOf", () => {
    const d = compliantCounty();
    dropVisit(d, "2017-10-15");
    expect(hits(rule, d, { asOf: "2017-12-30" })).toEqual([]);
    expect(findingsOf(rule, d, { asOf: "2017-12-31" }).map((x) => x.years)).toEqual([[2017]]);
  });

  it("says nothing about a unit whose principal is unknown (no cascade)", () => {
    const d = compliantCounty();
    dropVisit(d, "2015-10-15");
    byId(d.units, ID.cityUnit).principalId = "NOBODY";
    expect(hits(rule, d)).toEqual([]);
  });

  it("says nothing in the years of a broken row of the pair, and only there (no cascade)", () => {
    const d = compliantCounty();
    dropVisit(d, "2015-10-15");
    dropVisit(d, "2016-10-15");
    expect(findingsOf(rule, d).map((x) => x.years)).toEqual([[2015, 2016]]);
    // Another unit's broken row for the village does not silence this pair.
    d.villageAssignments.push({
      villageId: ID.v2,
      unitId: ID.countyUnit,
      startDate: "2016-05-01",
      endDate: "2016-04-01",
    });
    expect(findingsOf(rule, d).map((x) => x.years)).toEqual([[2015, 2016]]);
    // The pair's own row that ends before it starts (data.date-order): nothing about 2016.
    d.villageAssignments.at(-1)!.unitId = ID.cityUnit;
    expect(findingsOf(rule, d).map((x) => [x.entity.id, x.years])).toEqual([[ID.cityUnit, [2015]]]);
  });
});
