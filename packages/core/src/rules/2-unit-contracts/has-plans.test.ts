import { describe, expect, it } from "vitest";
import type { Dataset } from "../../schema/collections.js";
import { compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { villageHasPlans as rule } from "./has-plans.js";

// Contracts start 2014-07-15; each contracted village has a development plan (2014-09-01) and an
// annual plan for 2014 to 2018. graceDays is 90: 2014-07-15 + 90 days = 2014-10-13.
const withoutPlan = (d: Dataset, villageId: string, year?: number) => {
  d.villagePlans = d.villagePlans.filter(
    (p) =>
      p.villageId !== villageId ||
      (year === undefined ? p.kind !== "development" : p.kind !== "annual" || p.year !== year),
  );
};
const contractOf = (d: Dataset, villageId: string) =>
  d.villageAssignments.find((a) => a.villageId === villageId)!;
const summary = (d: Dataset, asOf?: string) =>
  findingsOf(rule, d, asOf ? { asOf } : {}).map((x) => [x.entity.id, x.years]);

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
    expect(f[0]!.message.zh).toBe(
      "天堂村（340828100201）截至2018年7月20日没有2016年度、2018年度的年度实施计划（各年度首个包村之日后90天到期）。原文：“帮助贫困村科学制定扶贫开发规划和年度实施计划”。",
    );
    expect(f[0]!.message.en).toContain("2016, 2018");
  });

  it("flags a village without a development plan", () => {
    const d = compliantCounty();
    withoutPlan(d, ID.v2);
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id, x.years])).toEqual([
      [ID.v2, ID.cityUnit, undefined],
    ]);
    expect(f[0]!.message.zh).toContain("自2014年7月15日起有包村帮扶单位包村");
    expect(f[0]!.message.zh).toContain("没有扶贫开发规划（2014年10月13日到期）");
  });

  it("owes the development plan on day 90 after the contract's start, not on day 89", () => {
    const d = compliantCounty();
    withoutPlan(d, ID.v2);
    expect(hits(rule, d, { asOf: "2014-10-12" })).toEqual([]);
    expect(summary(d, "2014-10-13")).toEqual([[ID.v2, undefined]]);
  });

  it("owes an annual plan on day 90 of its year's contract, not on day 89", () => {
    const d = compliantCounty();
    withoutPlan(d, ID.v1, 2016);
    expect(hits(rule, d, { asOf: "2016-03-30" })).toEqual([]); // 2016-01-01 + 89 days
    expect(summary(d, "2016-03-31")).toEqual([[ID.v1, [2016]]]);
    // The first year: due 90 days after the start, 2014-10-13.
    const first = compliantCounty();
    withoutPlan(first, ID.v1, 2014);
    expect(hits(rule, first, { asOf: "2014-10-12" })).toEqual([]);
    expect(summary(first, "2014-10-13")).toEqual([[ID.v1, [2014]]]);
  });

  it("owes no plan for a year whose due date falls in the next year", () => {
    const d = compliantCounty();
    withoutPlan(d, ID.v4, 2014);
    contractOf(d, ID.v4).startDate = "2014-10-03"; // due 2015-01-01
    expect(hits(rule, d)).toEqual([]);
    contractOf(d, ID.v4).startDate = "2014-10-02"; // due 2014-12-31
    expect(summary(d)).toEqual([[ID.v4, [2014]]]);
    contractOf(d, ID.v4).startDate = "2014-12-31"; // first contracted on 31 December
    expect(hits(rule, d)).toEqual([]);
  });

  it("requires the plan of the year of asOf once due", () => {
    expect(hits(rule, compliantCounty(), { asOf: "2019-03-31" })).toEqual([]);
    expect(summary(compliantCounty(), "2019-04-01")).toEqual([
      [ID.v4, [2019]],
      [ID.v1, [2019]],
      [ID.v2, [2019]],
    ]);
  });

  it("owes plans for the years of a contract that has ended", () => {
    const d = compliantCounty();
    d.villagePlans = d.villagePlans.filter((p) => p.villageId !== ID.v1);
    contractOf(d, ID.v1).endDate = "2016-02-01";
    const f = findingsOf(rule, d);
    // Ended, the village has no contracting unit to name.
    expect(f.map((x) => [x.entity.id, x.related, x.years])).toEqual([
      [ID.v1, undefined, [2014, 2015, 2016]],
    ]);
    expect(f[0]!.message.zh).toContain("没有扶贫开发规划");
  });

  it("leaves out a village whose contract has not started", () => {
    const d = compliantCounty();
    d.villagePlans = d.villagePlans.filter((p) => p.villageId !== ID.v1);
    contractOf(d, ID.v1).startDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([]);
  });

  it("names no unit for a village pooled by two units, and counts from the earliest start", () => {
    const d = compliantCounty();
    d.villageAssignments.push({ villageId: ID.v1, unitId: ID.cityUnit, startDate: "2016-03-01" });
    withoutPlan(d, ID.v1, 2014);
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related, x.years])).toEqual([[ID.v1, undefined, [2014]]]);
  });

  it("counts an annual plan for its year whatever its adoption date", () => {
    const d = compliantCounty();
    d.villagePlans.find((p) => p.villageId === ID.v1 && p.year === 2015)!.adoptedOn = "2018-01-01";
    expect(hits(rule, d)).toEqual([]);
  });

  it("leaves unjudged the year of a plan adopted after asOf (a data problem)", () => {
    const d = compliantCounty();
    withoutPlan(d, ID.v1, 2016);
    const plan = d.villagePlans.find((p) => p.villageId === ID.v1 && p.year === 2018)!;
    plan.adoptedOn = "2018-07-21"; // data.date-order
    expect(summary(d)).toEqual([[ID.v1, [2016]]]);
  });

  it("does not count a contract whose end is before its start", () => {
    const d = compliantCounty();
    d.villagePlans = d.villagePlans.filter((p) => p.villageId !== ID.v1);
    contractOf(d, ID.v1).endDate = "2014-07-01"; // data.date-order
    expect(hits(rule, d)).toEqual([]);
  });
});
