import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { cityUnitWithinCity as rule } from "./within-city.js";

/** The fixture with 黄山市 and its poor village 祁门村 (key county 祁门县) added. */
function withOtherCity() {
  const d = compliantCounty();
  d.cities.push({ id: "341000", name: "黄山市" });
  d.counties.push({ id: "341024", name: "祁门县", cityId: "341000", isKeyCounty: true });
  d.townships.push({ id: "341024100", name: "祁山镇", countyId: "341024" });
  d.villages.push({ id: "341024100201", name: "祁门村", townshipId: "341024100", isPoor: true });
  return d;
}

describe("city-unit.within-city", () => {
  it("passes when city units contract villages of their own city", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
    expect(hits(rule, withOtherCity())).toEqual([]);
  });

  it("flags a city unit contracting a village of another city, naming both", () => {
    const d = withOtherCity();
    d.villageAssignments.find((a) => a.unitId === ID.cityUnit)!.villageId = "341024100201";
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related])).toEqual([
      [{ collection: "units", id: ID.cityUnit }, [{ collection: "villages", id: "341024100201" }]],
    ]);
    expect(f[0]!.message.zh).toContain("祁门村(341024100201)");
    expect(f[0]!.message.zh).toContain("安庆市(340800)");
  });

  it("flags a village when the unit belongs to another city", () => {
    const d = withOtherCity();
    byId(d.units, ID.cityUnit).cityId = "341000";
    expect(hits(rule, d)).toEqual([[ID.cityUnit, ID.v2]]);
  });

  it("leaves out a contract that ended on asOf", () => {
    const d = withOtherCity();
    byId(d.units, ID.cityUnit).cityId = "341000";
    d.villageAssignments.find((a) => a.unitId === ID.cityUnit)!.endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
  });

  it("leaves out units that are not of a city", () => {
    const d = withOtherCity();
    d.villageAssignments.find((a) => a.unitId === ID.countyUnit)!.villageId = "341024100201";
    d.villageAssignments.find((a) => a.unitId === ID.provinceUnit)!.villageId = "341024100201";
    expect(hits(rule, d)).toEqual([]);
  });
});
