import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { householdHasPlan as rule } from "./has-plan.js";

describe("household.has-plan", () => {
  it("passes when every household has a help plan", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("passes a plan drawn up on asOf", () => {
    const d = compliantCounty();
    byId(d.households, ID.h1).planOn = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
  });

  it("flags a household without a plan", () => {
    const d = compliantCounty();
    delete byId(d.households, ID.h1).planOn;
    const f = findingsOf(rule, d);
    expect(hits(rule, d)).toEqual([[ID.h1]]);
    expect(f[0]!.message.zh).toBe(
      "截至2018年7月20日，天堂镇天堂村贫困户张一（户编号：H-1）没有帮扶计划（未记录帮扶计划制定日期）。原文：“根据贫困户的实际情况,帮助制定具体帮扶计划”。",
    );
    expect(f[0]!.message.en).toContain("has no help plan");
  });

  it("skips a plan dated after asOf (a data.date-order error)", () => {
    const d = compliantCounty();
    byId(d.households, ID.h1).planOn = "2018-07-21";
    expect(hits(rule, d)).toEqual([]);
    expect(hits(rule, d, { asOf: "2018-07-21" })).toEqual([]);
  });
});
