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

  it("flags a province unit, naming the village, the county and the unit", () => {
    const f = findingsOf(rule, v4ContractedBy(ID.provinceUnit));
    expect(f.map((x) => [x.entity, x.related])).toEqual([
      [{ collection: "villages", id: ID.v4 }, [{ collection: "units", id: ID.provinceUnit }]],
    ]);
    expect(f[0]!.message.zh).toContain(
      "非重点县怀宁县（340822）的贫困村查湾村（340822100201）截至2018年7月20日由省直单位省扶贫办（U-P1）包扶",
    );
    expect(f[0]!.message.zh).toContain("原文：“非重点县的贫困村,由所在市、县组织帮扶”");
    expect(f[0]!.message.en).toContain("a province unit");
  });

  it("flags a county unit of another county, and a city unit of another city, naming theirs", () => {
    const d = compliantCounty();
    byId(d.units, ID.countyUnit).countyId = ID.keyCounty;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id])).toEqual([[ID.v4, ID.countyUnit]]);
    expect(f[0]!.message.zh).toContain("由岳西县（340828）的县直单位怀宁县教育局（U-N1）包扶");
    const e = v4ContractedBy(ID.cityUnit);
    e.cities.push({ id: "341000", name: "黄山市" });
    byId(e.units, ID.cityUnit).cityId = "341000";
    const g = findingsOf(rule, e);
    expect(g.map((x) => [x.entity.id, x.related?.[0]?.id])).toEqual([[ID.v4, ID.cityUnit]]);
    expect(g[0]!.message.zh).toContain("由黄山市（341000）的市直单位安庆市农委（U-C1）包扶");
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
    d.villageAssignments.find((a) => a.villageId === ID.v4)!.endDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([[ID.v4, ID.provinceUnit]]);
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

  it("says nothing when a field that decides is broken: level, cityId, countyId, isKeyCounty", () => {
    const d = v4ContractedBy(ID.provinceUnit);
    (byId(d.units, ID.provinceUnit) as { level: string }).level = "ministry";
    expect(hits(rule, d)).toEqual([]);
    const city = v4ContractedBy(ID.cityUnit);
    byId(city.units, ID.cityUnit).cityId = "349999"; // names no city
    expect(hits(rule, city)).toEqual([]);
    const county = compliantCounty();
    byId(county.units, ID.countyUnit).countyId = "349999";
    expect(hits(rule, county)).toEqual([]);
    const key = v4ContractedBy(ID.provinceUnit);
    (byId(key.counties, ID.otherCounty) as { isKeyCounty: unknown }).isKeyCounty = "perhaps";
    expect(hits(rule, key)).toEqual([]);
  });
});
