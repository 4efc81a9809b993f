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

const cityContract = (d: ReturnType<typeof compliantCounty>) =>
  d.villageAssignments.find((a) => a.unitId === ID.cityUnit)!;

describe("city-unit.within-city", () => {
  it("passes when city units contract villages of their own city", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
    expect(hits(rule, withOtherCity())).toEqual([]);
  });

  it("flags a city unit contracting a village of another city, naming both", () => {
    const d = withOtherCity();
    cityContract(d).villageId = "341024100201";
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related])).toEqual([
      [{ collection: "units", id: ID.cityUnit }, [{ collection: "villages", id: "341024100201" }]],
    ]);
    expect(f[0]!.message.zh).toContain(
      "安庆市（340800）的市直单位安庆市农委（U-C1）截至2018年7月20日包扶祁门村（341024100201），该村位于黄山市（341000）祁门县（341024），不在本市辖区内",
    );
  });

  it("flags a village when the unit belongs to another city", () => {
    const d = withOtherCity();
    byId(d.units, ID.cityUnit).cityId = "341000";
    expect(hits(rule, d)).toEqual([[ID.cityUnit, ID.v2]]);
  });

  it("leaves out a contract that ended on asOf", () => {
    const d = withOtherCity();
    byId(d.units, ID.cityUnit).cityId = "341000";
    cityContract(d).endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
    cityContract(d).endDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([[ID.cityUnit, ID.v2]]);
  });

  it("leaves out units that are not of a city", () => {
    const d = withOtherCity();
    d.villageAssignments.find((a) => a.unitId === ID.countyUnit)!.villageId = "341024100201";
    d.villageAssignments.find((a) => a.unitId === ID.provinceUnit)!.villageId = "341024100201";
    expect(hits(rule, d)).toEqual([]);
  });

  it("says nothing when the unit's city or the village's place is broken", () => {
    const unit = withOtherCity();
    cityContract(unit).villageId = "341024100201";
    byId(unit.units, ID.cityUnit).cityId = "349999";
    expect(hits(rule, unit)).toEqual([]);
    const county = withOtherCity();
    cityContract(county).villageId = "341024100201";
    byId(county.counties, "341024").cityId = "349999";
    expect(hits(rule, county)).toEqual([]);
    const township = withOtherCity();
    cityContract(township).villageId = "341024100201";
    byId(township.townships, "341024100").countyId = "349999";
    expect(hits(rule, township)).toEqual([]);
  });
});
