import { describe, expect, it } from "vitest";
import { compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { villageHasPlans as rule } from "./has-plans.js";

const withoutPlan = (d: ReturnType<typeof compliantCounty>, villageId: string, year?: number) => {
  d.villagePlans = d.villagePlans.filter(
    (p) =>
      p.villageId !== villageId ||
      (year === undefined ? p.kind !== "development" : p.kind !== "annual" || p.year !== year),
  );
};

describe("village.has-plans", () => {
  it("passes when every contracted village has a development plan and every annual plan", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a village missing the annual plans of some years, naming the years", () => {
    const d = compliantCounty();
    withoutPlan(d, ID.v1, 2016);
    withoutPlan(d, ID.v1, 2018);
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id, x.years])).toEqual([
      [ID.v1, ID.provinceUnit, [2016, 2018]],
    ]);
    expect(f[0]!.message.zh).toContain("天堂村");
    expect(f[0]!.message.zh).toContain("2016, 2018");
    expect(f[0]!.message.en).toContain(ID.v1);
  });

  it("flags a village without a development plan", () => {
    const d = compliantCounty();
    withoutPlan(d, ID.v2);
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id, x.years])).toEqual([
      [ID.v2, ID.cityUnit, undefined],
    ]);
    expect(f[0]!.message.zh).toContain("扶贫开发规划");
  });

  it("requires plans from the year the contract starts: 1 January passes, 31 December does not", () => {
    const d = compliantCounty();
    withoutPlan(d, ID.v4, 2014);
    d.villageAssignments.find((a) => a.villageId === ID.v4)!.startDate = "2015-01-01";
    expect(hits(rule, d)).toEqual([]);
    d.villageAssignments.find((a) => a.villageId === ID.v4)!.startDate = "2014-12-31";
    expect(findingsOf(rule, d).map((x) => x.years)).toEqual([[2014]]);
  });

  it("requires the plan of the year of asOf", () => {
    const f = findingsOf(rule, compliantCounty(), { asOf: "2019-01-01" });
    expect(f.map((x) => [x.entity.id, x.years])).toEqual([
      [ID.v4, [2019]],
      [ID.v1, [2019]],
      [ID.v2, [2019]],
    ]);
  });

  it("does not count a plan adopted after asOf", () => {
    const d = compliantCounty();
    const plan = d.villagePlans.find((p) => p.villageId === ID.v1 && p.year === 2018)!;
    plan.adoptedOn = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
    plan.adoptedOn = "2018-07-21";
    expect(findingsOf(rule, d).map((x) => x.years)).toEqual([[2018]]);
  });

  it("leaves out a village without a current contract", () => {
    const d = compliantCounty();
    d.villagePlans = d.villagePlans.filter((p) => p.villageId !== ID.v1);
    d.villageAssignments.find((a) => a.villageId === ID.v1)!.endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
  });

  it("names no unit for a village pooled by two units, and counts from the earliest start", () => {
    const d = compliantCounty();
    d.villageAssignments.push({ villageId: ID.v1, unitId: ID.cityUnit, startDate: "2016-03-01" });
    withoutPlan(d, ID.v1, 2014);
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related, x.years])).toEqual([[ID.v1, undefined, [2014]]]);
  });
});
