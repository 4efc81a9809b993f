import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { cityUnitHasVillage as rule } from "./has-village.js";

const cityContract = (d: ReturnType<typeof compliantCounty>) =>
  d.villageAssignments.find((a) => a.unitId === ID.cityUnit)!;

describe("city-unit.has-village", () => {
  it("passes when every city unit contracts a poor village", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a city unit that contracts no village", () => {
    const d = compliantCounty();
    d.units.push({
      id: "U-C2",
      name: "安庆市水利局",
      category: "party_government_organ",
      level: "city",
      cityId: ID.city,
      staffSize: 30,
    });
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related])).toEqual([
      [{ collection: "units", id: "U-C2" }, undefined],
    ]);
    expect(f[0]!.message.zh).toContain(
      "市直单位安庆市水利局（U-C2）截至2018年7月20日未包扶任何村，而安庆市（340800）仍有未出列的贫困村",
    );
    expect(f[0]!.message.zh).toContain(
      "原文：“市直各单位(含垂直管理单位)要在辖区内的贫困县包扶一个贫困村”",
    );
  });

  it("flags a city unit once its contract ended on asOf, not while it ends after", () => {
    const d = compliantCounty();
    cityContract(d).endDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([]);
    cityContract(d).endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([[ID.cityUnit]]);
  });

  it("flags a city unit that contracts only a village that is not poor, naming it", () => {
    const d = compliantCounty();
    cityContract(d).villageId = ID.v3;
    const f = findingsOf(rule, d);
    expect(f.map((x) => x.entity.id)).toEqual([ID.cityUnit]);
    expect(f[0]!.message.zh).toContain("包扶的城西村（340828100203）都不是贫困村");
  });

  it("counts a contracted village that has exited", () => {
    const d = compliantCounty();
    byId(d.villages, ID.v2).exitedPovertyOn = "2018-01-01";
    expect(hits(rule, d)).toEqual([]);
  });

  it("is not applied where every poor village of the unit's city has exited", () => {
    const d = compliantCounty();
    cityContract(d).endDate = "2018-07-20";
    for (const v of [ID.v1, ID.v2]) byId(d.villages, v).exitedPovertyOn = "2018-01-01";
    expect(hits(rule, d)).toEqual([[ID.cityUnit]]); // 查湾村 is still poor
    byId(d.villages, ID.v4).exitedPovertyOn = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
  });

  it("leaves out units that are not of a city", () => {
    const d = compliantCounty();
    d.villageAssignments = d.villageAssignments.filter((a) => a.unitId !== ID.countyUnit);
    expect(hits(rule, d)).toEqual([]);
  });

  it("says nothing when a broken contract row or isPoor might be the missing poor village", () => {
    const start = compliantCounty();
    (cityContract(start) as { startDate: string }).startDate = "someday";
    expect(hits(rule, start)).toEqual([]);
    const poor = compliantCounty();
    (byId(poor.villages, ID.v2) as { isPoor: unknown }).isPoor = "unknown";
    expect(hits(rule, poor)).toEqual([]);
    const city = compliantCounty();
    cityContract(city).villageId = ID.v3;
    byId(city.units, ID.cityUnit).cityId = "349999";
    expect(hits(rule, city)).toEqual([]);
  });

  it("says nothing when the only other poor village of the city has a broken isPoor", () => {
    const d = compliantCounty();
    cityContract(d).endDate = "2018-07-20";
    for (const v of [ID.v1, ID.v2]) byId(d.villages, v).exitedPovertyOn = "2018-01-01";
    (byId(d.villages, ID.v4) as { isPoor: unknown }).isPoor = "unknown";
    expect(hits(rule, d)).toEqual([]);
  });
});
