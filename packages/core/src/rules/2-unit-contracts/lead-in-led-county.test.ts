import { describe, expect, it } from "vitest";
import { byId, CONTRACT_START, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { provinceUnitLeadInLedCounty as rule } from "./lead-in-led-county.js";

describe("province-unit.lead-in-led-county", () => {
  it("passes when the lead unit contracts a village in the county it leads", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("warns when the lead unit contracts no village in the county it leads", () => {
    const d = compliantCounty();
    byId(d.units, ID.provinceUnit).leadCountyId = ID.otherCounty;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.severity])).toEqual([
      [{ collection: "units", id: ID.provinceUnit }, "warning"],
    ]);
    expect(f[0]!.message.zh).toContain("怀宁县(340822)");
    d.villageAssignments.push({
      villageId: ID.v4,
      unitId: ID.provinceUnit,
      startDate: CONTRACT_START,
    });
    expect(hits(rule, d)).toEqual([]);
  });

  it("warns once the contract in the led county ended on asOf", () => {
    const d = compliantCounty();
    d.villageAssignments.find((a) => a.unitId === ID.provinceUnit)!.endDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([]);
    d.villageAssignments.find((a) => a.unitId === ID.provinceUnit)!.endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([[ID.provinceUnit]]);
  });

  it("leaves out units that lead no county, and units that are not of the province", () => {
    const d = compliantCounty();
    delete byId(d.units, ID.provinceUnit).leadCountyId;
    byId(d.units, ID.cityUnit).leadCountyId = ID.otherCounty;
    expect(hits(rule, d)).toEqual([]);
  });
});
