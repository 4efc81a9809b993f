import { describe, expect, it } from "vitest";
import type { Dataset } from "../../schema/collections.js";
import { CONTRACT_START, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { unitAnnualAssessment as rule } from "./annual-assessment.js";

// Contracts start 2014-07-15; the fixture has assessments for 2014 to 2017.
const dropAssessment = (d: Dataset, unitId: string, year: number) => {
  d.assessments = d.assessments.filter((a) => !(a.unitId === unitId && a.year === year));
};
const contractOf = (d: Dataset, unitId: string) =>
  d.villageAssignments.find((a) => a.unitId === unitId)!;

describe("unit.annual-assessment", () => {
  it("passes when every unit is assessed for each year it held a contract on 31 December", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a unit missing the assessment of one year, naming the year", () => {
    const d = compliantCounty();
    dropAssessment(d, ID.provinceUnit, 2016);
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related, x.years])).toEqual([
      [{ collection: "units", id: ID.provinceUnit }, undefined, [2016]],
    ]);
    expect(f[0]!.message.zh).toBe(
      "包村帮扶单位省扶贫办（U-P1）截至2018年7月20日没有2016年度的年度包扶工作情况考核（该年度12月31日在包村，其后90天内应完成）。原文：“开展年度包扶工作情况考核”。",
    );
    expect(f[0]!.message.en).toContain("2016");
  });

  it("accepts an unqualified assessment as an assessment", () => {
    const d = compliantCounty();
    for (const a of d.assessments) a.grade = "unqualified";
    expect(hits(rule, d)).toEqual([]);
  });

  it("requires a year's assessment on day 90 after its 31 December, not on day 89", () => {
    const d = compliantCounty();
    dropAssessment(d, ID.cityUnit, 2017);
    expect(hits(rule, d, { asOf: "2018-03-30" })).toEqual([]); // 2017-12-31 + 89 days
    expect(findingsOf(rule, d, { asOf: "2018-03-31" }).map((x) => [x.entity.id, x.years])).toEqual([
      [ID.cityUnit, [2017]],
    ]);
    expect(hits(rule, d, { asOf: "2018-01-01", parameters: { graceDays: 1 } })).toEqual([
      [ID.cityUnit],
    ]);
  });

  it("requires the past year's assessment of every unit from day 90 after its 31 December", () => {
    expect(hits(rule, compliantCounty(), { asOf: "2019-03-30" })).toEqual([]);
    const f = findingsOf(rule, compliantCounty(), { asOf: "2019-03-31" });
    expect(f.map((x) => [x.entity.id, x.years])).toEqual([
      [ID.cityUnit, [2018]],
      [ID.countyUnit, [2018]],
      [ID.provinceUnit, [2018]],
    ]);
  });

  it("requires the years of an ended contract in force on their 31 December, not after", () => {
    const d = compliantCounty();
    dropAssessment(d, ID.provinceUnit, 2017);
    contractOf(d, ID.provinceUnit).endDate = "2017-12-31"; // not in force on its end date
    expect(hits(rule, d)).toEqual([]);
    contractOf(d, ID.provinceUnit).endDate = "2018-01-01";
    expect(findingsOf(rule, d).map((x) => x.years)).toEqual([[2017]]);
  });

  it("starts with the year of the contract's start when it is in force that 31 December", () => {
    const d = compliantCounty();
    dropAssessment(d, ID.provinceUnit, 2014);
    contractOf(d, ID.provinceUnit).startDate = "2015-01-01";
    expect(hits(rule, d)).toEqual([]);
    contractOf(d, ID.provinceUnit).startDate = "2014-12-31";
    expect(findingsOf(rule, d).map((x) => x.years)).toEqual([[2014]]);
  });

  it("gives one finding per unit over all its contracts", () => {
    const d = compliantCounty();
    d.villageAssignments.push({
      villageId: ID.v2,
      unitId: ID.provinceUnit,
      startDate: "2012-03-01",
      endDate: CONTRACT_START,
    });
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.years])).toEqual([[ID.provinceUnit, [2012, 2013]]]);
    expect(f[0]!.message.zh).toContain("2012年度、2013年度");
  });

  it("does not count a contract whose end is before its start", () => {
    const d = compliantCounty();
    d.villageAssignments.push({
      villageId: ID.v2,
      unitId: ID.provinceUnit,
      startDate: "2012-03-01",
      endDate: "2012-02-01", // data.date-order
    });
    expect(hits(rule, d)).toEqual([]);
  });

  it("says nothing about a unit with an assessment whose year cannot be read", () => {
    const d = compliantCounty();
    dropAssessment(d, ID.provinceUnit, 2016);
    (d.assessments[0] as unknown as { year: string }).year = "二〇一六";
    expect(d.assessments[0]!.unitId).toBe(ID.provinceUnit);
    expect(hits(rule, d)).toEqual([]);
  });
});
