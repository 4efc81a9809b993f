import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { countyUnitWithinCounty as rule } from "./within-county.js";

const countyContract = (d: ReturnType<typeof compliantCounty>) =>
  d.villageAssignments.find((a) => a.unitId === ID.countyUnit)!;

describe("county-unit.within-county", () => {
  it("passes when the county unit contracts a village of its own county", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a county unit contracting a village of another county, naming both", () => {
    const d = compliantCounty();
    countyContract(d).villageId = ID.v3;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related])).toEqual([
      [{ collection: "units", id: ID.countyUnit }, [{ collection: "villages", id: ID.v3 }]],
    ]);
    expect(f[0]!.message.zh).toContain(
      "怀宁县（340822）的县直单位怀宁县教育局（U-N1）截至2018年7月20日包扶城西村（340828100203），该村位于岳西县（340828），不在本县",
    );
    expect(f[0]!.message.zh).toContain("原文：“其余贫困村由各县扶贫开发领导小组安排县直各单位");
  });

  it("flags the village when the unit belongs to another county", () => {
    const d = compliantCounty();
    byId(d.units, ID.countyUnit).countyId = ID.keyCounty;
    expect(hits(rule, d)).toEqual([[ID.countyUnit, ID.v4]]);
  });

  it("leaves out a contract that ended on asOf, and units that are not of a county", () => {
    const d = compliantCounty();
    countyContract(d).villageId = ID.v3;
    countyContract(d).endDate = "2018-07-20";
    d.villageAssignments.find((a) => a.unitId === ID.cityUnit)!.villageId = ID.v4;
    expect(hits(rule, d)).toEqual([]);
    countyContract(d).endDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([[ID.countyUnit, ID.v3]]);
  });

  it("says nothing when the unit's county or the village's township is broken", () => {
    const unit = compliantCounty();
    countyContract(unit).villageId = ID.v3;
    byId(unit.units, ID.countyUnit).countyId = "349999";
    expect(hits(rule, unit)).toEqual([]);
    const village = compliantCounty();
    countyContract(village).villageId = ID.v3;
    byId(village.villages, ID.v3).townshipId = "340828199";
    expect(hits(rule, village)).toEqual([]);
  });
});
