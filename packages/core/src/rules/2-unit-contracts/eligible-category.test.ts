import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { ELIGIBLE_UNIT_CATEGORIES } from "../../vocabulary/enums.js";
import { unitEligibleCategory as rule } from "./eligible-category.js";

const contractOf = (d: ReturnType<typeof compliantCounty>, unitId: string) =>
  d.villageAssignments.find((a) => a.unitId === unitId)!;

describe("unit.eligible-category", () => {
  it("passes when every contracting unit is of an eligible category", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("passes each of the ten categories of 二(一)", () => {
    for (const category of ELIGIBLE_UNIT_CATEGORIES) {
      const d = compliantCounty();
      byId(d.units, ID.cityUnit).category = category;
      expect(hits(rule, d), category).toEqual([]);
    }
  });

  it("flags a unit of category other that contracts a village, naming its villages", () => {
    const d = compliantCounty();
    byId(d.units, ID.cityUnit).category = "other";
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related])).toEqual([
      [{ collection: "units", id: ID.cityUnit }, undefined],
    ]);
    expect(f[0]!.message.zh).toContain("安庆市农委（U-C1）的单位性质为其他");
    expect(f[0]!.message.zh).toContain("截至2018年7月20日仍包扶莲塘村（340828100202）");
    expect(f[0]!.message.zh).toContain("原文：“省、市、县(含市、区,下同)党政机关");
    expect(f[0]!.message.en).toContain("category other");
  });

  it("leaves out a unit of category other once its contract ended on asOf", () => {
    const d = compliantCounty();
    byId(d.units, ID.cityUnit).category = "other";
    contractOf(d, ID.cityUnit).endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
    contractOf(d, ID.cityUnit).endDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([[ID.cityUnit]]);
  });

  it("says nothing about a unit whose category, or its only contract's village, is broken", () => {
    const d = compliantCounty();
    (byId(d.units, ID.cityUnit) as { category: string }).category = "private_firm";
    expect(hits(rule, d)).toEqual([]);
    const e = compliantCounty();
    byId(e.units, ID.cityUnit).category = "other";
    contractOf(e, ID.cityUnit).villageId = "999999999999";
    expect(hits(rule, e)).toEqual([]);
  });
});
