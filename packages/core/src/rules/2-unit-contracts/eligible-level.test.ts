import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { unitEligibleLevel as rule } from "./eligible-level.js";

describe("unit.eligible-level", () => {
  it("passes when every contracting unit is a province, city or county unit", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a unit of level other that contracts a village", () => {
    const d = compliantCounty();
    byId(d.units, ID.countyUnit).level = "other";
    const f = findingsOf(rule, d);
    expect(f.map((x) => x.entity)).toEqual([{ collection: "units", id: ID.countyUnit }]);
    expect(f[0]!.message.zh).toContain("怀宁县教育局(U-N1)");
    expect(f[0]!.message.zh).toContain("其他");
  });

  it("flags it from its contract's start on asOf, not before", () => {
    const d = compliantCounty();
    byId(d.units, ID.countyUnit).level = "other";
    d.villageAssignments.find((a) => a.unitId === ID.countyUnit)!.startDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([]);
    d.villageAssignments.find((a) => a.unitId === ID.countyUnit)!.startDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([[ID.countyUnit]]);
  });

  it("leaves out a unit of level other that contracts no village", () => {
    const d = compliantCounty();
    d.units.push({ id: "U-X", name: "某公司", category: "other", level: "other", staffSize: 5 });
    expect(hits(rule, d)).toEqual([]);
  });
});
