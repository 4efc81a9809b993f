import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { villageNonKeyCountyLocal as rule } from "./non-key-county-local.js";

/** The fixture with 查湾村 (poor, 怀宁, not a key county) contracted by `unitId` instead. */
function v4ContractedBy(unitId: string) {
  const d = compliantCounty();
  d.villageAssignments.find((a) => a.villageId === ID.v4)!.unitId = unitId;
  return d;
}

describe("village.non-key-county-local", () => {
  it("passes when a non-key county's poor village has a unit of its own county", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("passes a city unit of the village's own city", () => {
    expect(hits(rule, v4ContractedBy(ID.cityUnit))).toEqual([]);
  });

  it("flags a province unit, naming the village and the unit", () => {
    const f = findingsOf(rule, v4ContractedBy(ID.provinceUnit));
    expect(f.map((x) => [x.entity, x.related])).toEqual([
      [{ collection: "villages", id: ID.v4 }, [{ collection: "units", id: ID.provinceUnit }]],
    ]);
    expect(f[0]!.message.zh).toContain("查湾村(340822100201)");
    expect(f[0]!.message.zh).toContain("省扶贫办(U-P1)");
    expect(f[0]!.message.en).toContain("怀宁县(340822)");
  });

  it("flags a county unit of another county, and a city unit of another city", () => {
    const d = compliantCounty();
    byId(d.units, ID.countyUnit).countyId = ID.keyCounty;
    expect(hits(rule, d)).toEqual([[ID.v4, ID.countyUnit]]);
    const e = v4ContractedBy(ID.cityUnit);
    e.cities.push({ id: "341000", name: "黄山市" });
    byId(e.units, ID.cityUnit).cityId = "341000";
    expect(hits(rule, e)).toEqual([[ID.v4, ID.cityUnit]]);
  });

  it("flags only the non-local unit of a village with two units", () => {
    const d = compliantCounty();
    d.villageAssignments.push({
      villageId: ID.v4,
      unitId: ID.provinceUnit,
      startDate: "2018-07-20",
    });
    expect(hits(rule, d)).toEqual([[ID.v4, ID.provinceUnit]]);
  });

  it("leaves out a contract that ended on asOf", () => {
    const d = v4ContractedBy(ID.provinceUnit);
    d.villageAssignments.find((a) => a.villageId === ID.v4)!.endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
  });

  it("leaves out key counties and villages that are not poor, but judges an exited village", () => {
    const d = v4ContractedBy(ID.provinceUnit);
    byId(d.villages, ID.v4).exitedPovertyOn = "2018-01-01";
    expect(hits(rule, d)).toEqual([[ID.v4, ID.provinceUnit]]);
    byId(d.villages, ID.v4).isPoor = false;
    expect(hits(rule, d)).toEqual([]);
    byId(d.villages, ID.v4).isPoor = true;
    byId(d.counties, ID.otherCounty).isKeyCounty = true;
    expect(hits(rule, d)).toEqual([]);
  });

  it("leaves out a unit whose level is broken", () => {
    const d = v4ContractedBy(ID.provinceUnit);
    (byId(d.units, ID.provinceUnit) as { level: string }).level = "ministry";
    expect(hits(rule, d)).toEqual([]);
  });
});
