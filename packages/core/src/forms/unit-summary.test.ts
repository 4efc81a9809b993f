import { describe, expect, it } from "vitest";
import { loadDataset } from "../engine/loader.js";
import type { Dataset } from "../schema/collections.js";
import { byId, compliantCounty, FIXTURE_AS_OF, ID, staff } from "../testing/fixture.js";
import { buildForm } from "./forms.js";

const rowsOf = (d: Dataset, asOf = FIXTURE_AS_OF) => [
  ...buildForm("unit-summary", loadDataset(d), { asOf }).rows,
];
const rowFor = (d: Dataset, regionId: string) => rowsOf(d).find((r) => r.regionId === regionId)!;

const counts = (
  poor: number,
  levels: [number, number, number],
  cadres: number,
  households: [number, number, number, number],
) => ({
  poorVillages: poor,
  contractedVillages: poor,
  uncontractedVillages: 0,
  provinceUnitVillages: levels[0],
  cityUnitVillages: levels[1],
  countyUnitVillages: levels[2],
  pooledVillages: 0,
  residentCadres: cadres,
  poorHouseholds: households[0],
  householdsWithHelper: households[1],
  welfareHouseholds: households[2],
  welfareLinked: households[3],
});

describe("the unit summary", () => {
  it("states its date in the title and names its columns in the words of rules.md", () => {
    const table = buildForm("unit-summary", loadDataset(compliantCounty()), { asOf: "2017-12-31" });
    expect(table.title).toEqual({
      zh: "安徽省单位包村基本情况汇总表（截至2017年12月31日）",
      en: "Summary of unit village contracts (Anhui), as of 2017-12-31",
    });
    expect(table.columns.map((c) => c.header)).toEqual([
      "级别",
      "地区代码",
      "地区名称",
      "贫困村数",
      "已落实包村帮扶单位村数",
      "未落实包村帮扶单位村数",
      "省直单位包村数",
      "市直单位包村数",
      "县直单位包村数",
      "联合包村村数",
      "驻村帮扶干部数",
      "贫困户数",
      "已落实帮扶责任人户数",
      "五保户和无劳动能力低保户数",
      "其中由民政委员或村干部联系户数",
    ]);
  });

  it("has a row per county, a subtotal per city and a total for the fixture", () => {
    expect(rowsOf(compliantCounty())).toEqual([
      {
        rowLevel: "县",
        regionId: ID.otherCounty,
        regionName: "怀宁县",
        ...counts(1, [0, 0, 1], 1, [1, 1, 0, 0]),
      },
      {
        rowLevel: "县",
        regionId: ID.keyCounty,
        regionName: "岳西县",
        ...counts(2, [1, 1, 0], 2, [4, 4, 1, 1]),
      },
      {
        rowLevel: "市小计",
        regionId: ID.city,
        regionName: "安庆市",
        ...counts(3, [1, 1, 1], 3, [5, 5, 1, 1]),
      },
      {
        rowLevel: "合计",
        regionId: undefined,
        regionName: undefined,
        ...counts(3, [1, 1, 1], 3, [5, 5, 1, 1]),
      },
    ]);
  });

  it("counts a poor village with no current contract as 未落实", () => {
    const d = compliantCounty();
    d.villageAssignments = d.villageAssignments.filter((a) => a.villageId !== ID.v2);
    expect(rowFor(d, ID.keyCounty)).toMatchObject({
      poorVillages: 2,
      contractedVillages: 1,
      uncontractedVillages: 1,
      cityUnitVillages: 0,
    });
    d.villageAssignments.push({ villageId: ID.v2, unitId: ID.cityUnit, startDate: "2018-07-21" });
    expect(rowFor(d, ID.keyCounty)).toMatchObject({ uncontractedVillages: 1 });
  });

  it("counts a pooled village once in 联合包村村数 and under each level of its units", () => {
    const d = compliantCounty();
    d.villageAssignments.push(
      { villageId: ID.v2, unitId: ID.countyUnit, startDate: "2015-01-01" },
      { villageId: ID.v2, unitId: ID.countyUnit, startDate: "2016-01-01" },
    );
    expect(rowFor(d, ID.keyCounty)).toMatchObject({
      poorVillages: 2,
      contractedVillages: 2,
      pooledVillages: 1,
      provinceUnitVillages: 1,
      cityUnitVillages: 1,
      countyUnitVillages: 1,
    });
  });

  it("leaves out an exited village and an exited household, and counts exits after asOf as absent", () => {
    const d = compliantCounty();
    byId(d.villages, ID.v1).exitedPovertyOn = "2018-07-20";
    byId(d.households, ID.h3).exitedPovertyOn = "2018-01-01";
    expect(rowFor(d, ID.keyCounty)).toMatchObject({
      poorVillages: 1,
      provinceUnitVillages: 0,
      residentCadres: 2,
      poorHouseholds: 3,
    });
    byId(d.villages, ID.v1).exitedPovertyOn = "2018-07-21";
    expect(rowFor(d, ID.keyCounty)).toMatchObject({ poorVillages: 2 });
  });

  it("counts households without a current helper and welfare households helped by others", () => {
    const d = compliantCounty();
    d.householdAssignments.find((a) => a.householdId === ID.h1)!.endDate = "2018-07-20";
    d.householdAssignments.find((a) => a.householdId === ID.h2)!.personId = staff(
      ID.provinceUnit,
      "helper",
    );
    byId(d.households, ID.h4).hasLaborCapacity = false; // dibao without labour: welfare
    expect(rowFor(d, ID.keyCounty)).toMatchObject({
      poorHouseholds: 4,
      householdsWithHelper: 3,
      welfareHouseholds: 1,
      welfareLinked: 0,
    });
    // H-4's helper is unit staff, not the township's civil-affairs officer or a village cadre
    expect(rowFor(d, ID.otherCounty)).toMatchObject({ welfareHouseholds: 1, welfareLinked: 0 });
    d.householdAssignments.find((a) => a.householdId === ID.h4)!.personId = ID.otherCivilAffairs;
    expect(rowFor(d, ID.otherCounty)).toMatchObject({ welfareLinked: 1 });
    // the civil-affairs officer of another township does not count
    d.householdAssignments.find((a) => a.householdId === ID.h4)!.personId = ID.keyCivilAffairs;
    expect(rowFor(d, ID.otherCounty)).toMatchObject({ welfareLinked: 0 });
  });

  it("lists a county with no poor village with zeros", () => {
    const d = compliantCounty();
    d.counties.push({ id: "340825", name: "太湖县", cityId: ID.city, isKeyCounty: true });
    const rows = rowsOf(d);
    expect(rows.map((r) => r.regionId)).toEqual([
      ID.otherCounty,
      "340825",
      ID.keyCounty,
      ID.city,
      undefined,
    ]);
    expect(rows[1]).toMatchObject({ poorVillages: 0, residentCadres: 0, poorHouseholds: 0 });
  });
});
