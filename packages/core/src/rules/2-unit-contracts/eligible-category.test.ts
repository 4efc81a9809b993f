import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { ELIGIBLE_UNIT_CATEGORIES } from "../../vocabulary/enums.js";
import { unitEligibleCategory as rule } from "./eligible-category.js";

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

  it("flags a unit of category other that contracts a village", () => {
    const d = compliantCounty();
    byId(d.units, ID.cityUnit).category = "other";
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related])).toEqual([
      [{ collection: "units", id: ID.cityUnit }, undefined],
    ]);
    expect(f[0]!.message.zh).toContain("安庆市农委(U-C1)");
    expect(f[0]!.message.zh).toContain("其他");
    expect(f[0]!.message.en).toContain("other");
  });

  it("leaves out a unit of category other once its contract ended on asOf", () => {
    const d = compliantCounty();
    byId(d.units, ID.cityUnit).category = "other";
    d.villageAssignments.find((a) => a.unitId === ID.cityUnit)!.endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
    d.villageAssignments.find((a) => a.unitId === ID.cityUnit)!.endDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([[ID.cityUnit]]);
  });
});
