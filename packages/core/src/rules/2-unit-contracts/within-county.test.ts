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
    expect(f[0]!.message.zh).toContain("城西村(340828100203)");
    expect(f[0]!.message.zh).toContain("怀宁县(340822)");
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
  });
});
