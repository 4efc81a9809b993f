import { describe, expect, it } from "vitest";
import type { Dataset } from "../../schema/collections.js";
import { CONTRACT_START, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { unitAnnualAssessment as rule } from "./annual-assessment.js";

const dropAssessment = (d: Dataset, unitId: string, year: number) => {
  d.assessments = d.assessments.filter((a) => !(a.unitId === unitId && a.year === year));
};
const contractOf = (d: Dataset, unitId: string) =>
  d.villageAssignments.find((a) => a.unitId === unitId)!;

describe("unit.annual-assessment", () => {
  it("passes when every unit is assessed for each calendar year of its contract", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a unit missing the assessment of one year", () => {
    const d = compliantCounty();
    dropAssessment(d, ID.provinceUnit, 2016);
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related, x.years])).toEqual([
      [{ collection: "units", id: ID.provinceUnit }, undefined, [2016]],
    ]);
    expect(f[0]!.message.zh).toContain("省扶贫办(U-P1)");
    expect(f[0]!.message.zh).toContain("2016");
  });

  it("accepts an unqualified assessment as an assessment", () => {
    const d = compliantCounty();
    for (const a of d.assessments) a.grade = "unqualified";
    expect(hits(rule, d)).toEqual([]);
  });

  it("requires a year only once its 31 December is strictly before asOf", () => {
    expect(hits(rule, compliantCounty(), { asOf: "2018-12-31" })).toEqual([]);
    const f = findingsOf(rule, compliantCounty(), { asOf: "2019-01-01" });
    expect(f.map((x) => [x.entity.id, x.years])).toEqual([
      [ID.cityUnit, [2018]],
      [ID.countyUnit, [2018]],
      [ID.provinceUnit, [2018]],
    ]);
  });

  it("requires the years of an ended contract up to its end, not after", () => {
    const d = compliantCounty();
    dropAssessment(d, ID.provinceUnit, 2017);
    contractOf(d, ID.provinceUnit).endDate = "2017-12-31"; // not current on its end date
    expect(hits(rule, d)).toEqual([]);
    contractOf(d, ID.provinceUnit).endDate = "2018-01-01";
    expect(findingsOf(rule, d).map((x) => x.years)).toEqual([[2017]]);
  });

  it("starts with the year of the contract's start when it spans that 31 December", () => {
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
  });
});
