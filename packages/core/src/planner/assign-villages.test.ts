import { describe, expect, it } from "vitest";
import type { Dataset, Unit } from "../schema/collections.js";
import { byId, compliantCounty, FIXTURE_AS_OF, ID } from "../testing/fixture.js";
import { planVillageContracts } from "./assign-villages.js";

const plan = (d: Dataset) => planVillageContracts(d, { asOf: FIXTURE_AS_OF });
const pairs = (d: Dataset) => plan(d).villageAssignments.map((r) => [r.villageId, r.unitId]);
const without = (d: Dataset, villageId: string) => {
  d.villageAssignments = d.villageAssignments.filter((a) => a.villageId !== villageId);
  return d;
};
/** A poor village of 怀宁县 (not a key county) with `households` households. */
const addVillage = (
  d: Dataset,
  id: string,
  households = 0,
  townshipId: string = ID.otherTownship,
) => {
  d.villages.push({ id, name: `村${id}`, townshipId, isPoor: true });
  for (let i = 0; i < households; i++)
    d.households.push({
      id: `${id}-h${i}`,
      villageId: id,
      headName: "户主",
      size: 2,
      attribute: "general",
      hasLaborCapacity: true,
    });
};
const countyUnit = (id: string, staffSize: number): Unit => ({
  id,
  name: `县直单位${id}`,
  category: "public_institution",
  level: "county",
  cityId: ID.city,
  countyId: ID.otherCounty,
  staffSize,
});

describe("planVillageContracts", () => {
  it("re-plans a removed province contract with the unit's paired village", () => {
    const result = plan(without(compliantCounty(), ID.v1));
    expect(result.villageAssignments).toEqual([
      {
        villageId: ID.v1,
        unitId: ID.provinceUnit,
        startDate: FIXTURE_AS_OF,
        because: {
          clause: "二(二)",
          zh: "省直定点帮扶单位省扶贫办（U-P1）在已定的帮扶县岳西县（340828）内包扶其结对共建村、贫困村天堂村（340828100201）。原文：“省直定点帮扶单位(包括国有企业、大专院校和中央驻皖单位)在已定的帮扶县内至少确定一个贫困村包村帮扶”，“确定贫困村要尽量与结对共建工作相结合”。",
          en: 'Province unit 省扶贫办 (U-P1) contracts its paired village, the poor village 天堂村 (340828100201), in its designated county 岳西县 (340828) ("省直定点帮扶单位(包括国有企业、大专院校和中央驻皖单位)在已定的帮扶县内至少确定一个贫困村包村帮扶"; "确定贫困村要尽量与结对共建工作相结合").',
        },
      },
    ]);
    expect(result.unresolved).toEqual([]);
  });

  it("prefers the paired village over the first free one, leaving the other to county units", () => {
    const d = without(compliantCounty(), ID.v1);
    addVillage(d, "340828100205", 0, ID.keyTownship);
    byId(d.units, ID.provinceUnit).pairedVillageId = "340828100205";
    const result = plan(d);
    expect(result.villageAssignments.map((r) => [r.villageId, r.unitId])).toEqual([
      ["340828100205", ID.provinceUnit],
    ]);
    expect(result.unresolved).toEqual([
      {
        collection: "villages",
        id: ID.v1,
        clause: "二(二)",
        reason: {
          zh: "岳西县（340828）已没有可以安排包村的县直单位，该村尚无包村帮扶单位。",
          en: "岳西县 (340828) has no county-level unit left to contract the village.",
        },
      },
    ]);
  });

  it("re-plans a removed city contract in a key county of the city", () => {
    const result = plan(without(compliantCounty(), ID.v2));
    expect(result.villageAssignments.map((r) => [r.villageId, r.unitId])).toEqual([
      [ID.v2, ID.cityUnit],
    ]);
    expect(result.villageAssignments[0]!.because.zh).toBe(
      "市直单位安庆市农委（U-C1）在本市重点县岳西县（340828）包扶贫困村莲塘村（340828100202）。原文：“市直各单位(含垂直管理单位)要在辖区内的贫困县包扶一个贫困村”。",
    );
  });

  it("lets a city unit take any village of a city without key counties", () => {
    const d = without(compliantCounty(), ID.v2);
    byId(d.counties, ID.keyCounty).isKeyCounty = false;
    expect(pairs(d)).toEqual([[ID.v2, ID.cityUnit]]);
  });

  it("never sends a city unit outside the key counties of its city", () => {
    const d = without(compliantCounty(), ID.v4);
    byId(d.units, ID.countyUnit).category = "other";
    const cityUnit = byId(d.units, ID.cityUnit);
    d.units.push({ ...cityUnit, id: "U-C2", name: "安庆市科技局" });
    const result = plan(d);
    expect(result.villageAssignments).toEqual([]);
    expect(result.unresolved.map((u) => [u.collection, u.id, u.reason.en])).toEqual([
      [
        "units",
        "U-C2",
        "No poor village without a responsible unit is left in the key counties of 安庆市 (340800).",
      ],
      ["villages", ID.v4, "怀宁县 (340822) has no county-level unit left to contract the village."],
    ]);
  });

  it("lets a city unit take a village of a non-key county when no key county has a poor village", () => {
    const d = without(compliantCounty(), ID.v2);
    // 岳西县 is a key county, but both its poor villages have exited: 怀宁县 is left
    byId(d.villages, ID.v1).exitedPovertyOn = "2018-01-01";
    byId(d.villages, ID.v2).exitedPovertyOn = "2018-01-01";
    addVillage(d, "340822100202");
    const result = plan(d);
    expect(result.villageAssignments.map((r) => [r.villageId, r.unitId])).toEqual([
      ["340822100202", ID.cityUnit],
    ]);
    expect(result.villageAssignments[0]!.because.zh).toBe(
      "市直单位安庆市农委（U-C1）在本市怀宁县（340822）包扶贫困村村340822100202（340822100202）（本市重点县内没有贫困村）。原文：“市直各单位(含垂直管理单位)要在辖区内的贫困县包扶一个贫困村”。",
    );
    expect(result.unresolved).toEqual([]);
  });

  it("gives a city unit that contracts only outside the key counties a village in one of them", () => {
    const d = without(compliantCounty(), ID.v2);
    addVillage(d, "340822100202");
    d.villageAssignments.push({
      villageId: "340822100202",
      unitId: ID.cityUnit,
      startDate: "2014-07-15",
    });
    // city-unit.in-key-county: 莲塘村 of the key county 岳西县 is free
    expect(pairs(d)).toEqual([[ID.v2, ID.cityUnit]]);
    // and lists the unit when no village of a key county is free
    d.villageAssignments.push({
      villageId: ID.v2,
      unitId: ID.provinceUnit,
      startDate: "2015-01-01",
    });
    const result = plan(d);
    expect(result.villageAssignments).toEqual([]);
    expect(result.unresolved.map((u) => [u.collection, u.id, u.reason.zh])).toEqual([
      ["units", ID.cityUnit, "安庆市（340800）重点县内已没有尚无包村帮扶单位的贫困村。"],
    ]);
  });

  it("re-plans a removed county contract with the county's own unit", () => {
    expect(pairs(without(compliantCounty(), ID.v4))).toEqual([[ID.v4, ID.countyUnit]]);
  });

  it("lists a village whose county has no county-level unit, naming the county", () => {
    const d = without(compliantCounty(), ID.v4);
    byId(d.units, ID.countyUnit).countyId = ID.keyCounty;
    const result = plan(d);
    expect(result.villageAssignments).toEqual([]);
    expect(result.unresolved).toEqual([
      {
        collection: "villages",
        id: ID.v4,
        clause: "二(二)",
        reason: {
          zh: "怀宁县（340822）已没有可以安排包村的县直单位，该村尚无包村帮扶单位。",
          en: "怀宁县 (340822) has no county-level unit left to contract the village.",
        },
      },
    ]);
  });

  it("does not contract with a unit of an ineligible category", () => {
    const d = without(compliantCounty(), ID.v4);
    byId(d.units, ID.countyUnit).category = "other";
    expect(plan(d).unresolved.map((u) => u.id)).toEqual([ID.v4]);
  });

  it("lists a province unit designated to a non-key county instead of breaking the local rule", () => {
    const d = compliantCounty();
    const unit: Unit = {
      ...byId(d.units, ID.provinceUnit),
      id: "U-P2",
      name: "省教育厅",
      designatedCountyId: ID.otherCounty,
    };
    delete unit.leadCountyId;
    d.units.push(unit);
    const result = plan(d);
    expect(result.villageAssignments).toEqual([]);
    expect(result.unresolved.map((u) => [u.collection, u.id, u.clause])).toEqual([
      ["units", "U-P2", "二(二)"],
    ]);
    expect(result.unresolved[0]!.reason.zh).toContain("不是重点县");
  });

  it("gives a lead unit a village in the key county it leads, besides its designated county", () => {
    const d = compliantCounty();
    d.counties.push({ id: "340826", name: "宿松县", cityId: ID.city, isKeyCounty: true });
    d.townships.push({ id: "340826100", name: "复兴镇", countyId: "340826" });
    addVillage(d, "340826100201", 0, "340826100");
    byId(d.units, ID.provinceUnit).leadCountyId = "340826";
    const result = plan(d);
    expect(result.villageAssignments.map((r) => [r.villageId, r.unitId])).toEqual([
      ["340826100201", ID.provinceUnit],
    ]);
    expect(result.villageAssignments[0]!.because.zh).toBe(
      "省直单位省扶贫办（U-P1）牵头帮扶宿松县（340826），在该县内包扶贫困村村340826100201（340826100201）。原文：“其中省直牵头帮扶单位原则上在牵头帮扶的县内包村”。",
    );
  });

  it("gives large county units one village each, the largest villages first", () => {
    const d = without(compliantCounty(), ID.v4);
    addVillage(d, "340822100202", 3);
    d.units.push(countyUnit("U-N2", 60));
    expect(pairs(d)).toEqual([
      ["340822100202", "U-N2"],
      [ID.v4, ID.countyUnit],
    ]);
  });

  it("pools small units two to a village when the large ones run out", () => {
    const d = without(compliantCounty(), ID.v4);
    byId(d.units, ID.countyUnit).staffSize = 10;
    d.units.push(countyUnit("U-N2", 4));
    const result = plan(d);
    expect(result.villageAssignments.map((r) => [r.villageId, r.unitId])).toEqual([
      [ID.v4, ID.countyUnit],
      [ID.v4, "U-N2"],
    ]);
    expect(result.villageAssignments[0]!.because.zh).toBe(
      "编制人数均不超过10人的县直单位怀宁县教育局（U-N1）、县直单位U-N2（U-N2）共同包扶本县怀宁县（340822）贫困村查湾村（340822100201）。原文：“对人员编制少的单位,可以安排两个以上的单位包村帮扶”。",
    );
    expect(result.villageAssignments[1]!.because).toEqual(result.villageAssignments[0]!.because);
  });

  it("gives every village one small unit before any gets a second", () => {
    const d = without(compliantCounty(), ID.v4);
    byId(d.units, ID.countyUnit).staffSize = 10;
    d.units.push(countyUnit("U-N2", 4), countyUnit("U-N3", 3));
    addVillage(d, "340822100202");
    expect(pairs(d)).toEqual([
      [ID.v4, ID.countyUnit],
      [ID.v4, "U-N2"],
      ["340822100202", "U-N3"],
    ]);
    d.units.pop();
    expect(pairs(d)).toEqual([
      [ID.v4, ID.countyUnit],
      ["340822100202", "U-N2"],
    ]);
  });

  it("leaves exited and non-poor villages alone (城西村 is not poor)", () => {
    const d = without(compliantCounty(), ID.v4);
    byId(d.villages, ID.v4).exitedPovertyOn = "2018-01-01";
    expect(plan(d)).toEqual({ villageAssignments: [], unresolved: [] });
  });

  it("lists a city unit left without a poor village while its city has one", () => {
    const d = without(compliantCounty(), ID.v2);
    byId(d.villages, ID.v2).isPoor = false;
    expect(plan(d).unresolved.map((u) => [u.collection, u.id])).toEqual([["units", ID.cityUnit]]);
  });
});
