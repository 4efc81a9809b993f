import { describe, expect, it } from "vitest";
import { loadDataset } from "../engine/loader.js";
import type { Dataset } from "../schema/collections.js";
import { byId, compliantCounty, FIXTURE_AS_OF, ID, staff } from "../testing/fixture.js";
import { buildForm } from "./forms.js";

const rowsOf = (d: Dataset, asOf = FIXTURE_AS_OF) => [
  ...buildForm("unit-register", loadDataset(d), { asOf }).rows,
];

const unitRow = (
  no: number,
  unitId: string,
  unitName: string,
  level: string,
  county: string,
  village: string,
  villageId: string,
) => ({
  no,
  unitId,
  unitName,
  category: "党政机关",
  level,
  staffSize: 40,
  principal: `${unitId}主任`,
  deputy: `${unitId}副主任`,
  phone: "13800000000",
  city: "安庆市",
  county,
  township: county === "怀宁县" ? "高河镇" : "天堂镇",
  village,
  villageId,
  startDate: "2014-07-15",
  pooled: false,
  residentCadres: `${unitId}驻村干部`,
});

/** A second, small city unit that pools with U-C1 in 莲塘村. */
function pooled(): Dataset {
  const d = compliantCounty();
  d.units.push({
    id: "U-C2",
    name: "安庆市档案局",
    category: "public_institution",
    level: "city",
    cityId: ID.city,
    staffSize: 8,
  });
  d.villageAssignments.push({ villageId: ID.v2, unitId: "U-C2", startDate: "2015-03-01" });
  return d;
}

describe("the unit register", () => {
  it("states its date in the title and names its columns in the words of rules.md", () => {
    const table = buildForm("unit-register", loadDataset(compliantCounty()), {
      asOf: FIXTURE_AS_OF,
    });
    expect(table.title).toEqual({
      zh: "安徽省包村帮扶单位基本情况登记表（截至2018年7月20日）",
      en: "Register of village-contracting units (Anhui), as of 2018-07-20",
    });
    expect(table.sheet).toBe("安徽省包村帮扶单位基本情况登记表");
    expect(table.columns.map((c) => c.header)).toEqual([
      "序号",
      "单位编号",
      "单位名称",
      "单位性质",
      "单位层级",
      "编制人数",
      "主要负责同志",
      "分管负责人",
      "联系电话",
      "包扶村所在市",
      "包扶村所在县（市、区）",
      "包扶村所在乡镇",
      "包扶村",
      "村代码",
      "包村开始日期",
      "是否联合包村",
      "驻村帮扶干部",
    ]);
  });

  it("has a row per current contract of the fixture, by county, township and village id", () => {
    expect(rowsOf(compliantCounty())).toEqual([
      unitRow(1, ID.countyUnit, "怀宁县教育局", "县直", "怀宁县", "查湾村", ID.v4),
      unitRow(2, ID.provinceUnit, "省扶贫办", "省直", "岳西县", "天堂村", ID.v1),
      unitRow(3, ID.cityUnit, "安庆市农委", "市直", "岳西县", "莲塘村", ID.v2),
    ]);
  });

  it("marks both units of a pooled village, by unit id, with each unit's own cadres", () => {
    const rows = rowsOf(pooled()).filter((r) => r.villageId === ID.v2);
    expect(rows.map((r) => [r.unitId, r.pooled, r.residentCadres, r.startDate])).toEqual([
      [ID.cityUnit, true, `${ID.cityUnit}驻村干部`, "2014-07-15"],
      ["U-C2", true, undefined, "2015-03-01"],
    ]);
    expect(rows[1]).toMatchObject({
      category: "事业单位",
      level: "市直",
      staffSize: 8,
      principal: undefined,
      deputy: undefined,
      phone: undefined,
    });
  });

  it("leaves out a contract that ended on asOf and one that starts after it", () => {
    const d = pooled();
    d.villageAssignments[0]!.endDate = FIXTURE_AS_OF;
    d.villageAssignments[3]!.startDate = "2018-07-21";
    const rows = rowsOf(d);
    expect(rows.map((r) => [r.unitId, r.villageId, r.pooled])).toEqual([
      [ID.countyUnit, ID.v4, false],
      [ID.cityUnit, ID.v2, false],
    ]);
    expect(rows.map((r) => r.no)).toEqual([1, 2]);
    d.villageAssignments[0]!.endDate = "2018-07-21";
    expect(rowsOf(d)).toHaveLength(3);
  });

  it("shows a unit with two current rows for one village once, from the earlier start", () => {
    const d = compliantCounty();
    d.villageAssignments.push({
      villageId: ID.v1,
      unitId: ID.provinceUnit,
      startDate: "2014-01-02",
    });
    const rows = rowsOf(d).filter((r) => r.villageId === ID.v1);
    expect(rows.map((r) => [r.unitId, r.startDate, r.pooled])).toEqual([
      [ID.provinceUnit, "2014-01-02", false],
    ]);
  });

  it("names every current resident cadre the unit sent, by person id, joined with 、", () => {
    const d = compliantCounty();
    d.residentCadres.push(
      {
        personId: staff(ID.provinceUnit, "helper"),
        villageId: ID.v1,
        unitId: ID.provinceUnit,
        selectedOn: "2016-01-01",
      },
      {
        personId: staff(ID.provinceUnit, "deputy"),
        villageId: ID.v1,
        unitId: ID.provinceUnit,
        selectedOn: "2015-01-01",
        endDate: "2016-01-01",
      },
    );
    const row = rowsOf(d).find((r) => r.villageId === ID.v1)!;
    expect(row.residentCadres).toBe(`${ID.provinceUnit}驻村干部、${ID.provinceUnit}干部`);
  });

  it("shows a contract of a village that is not poor, or has exited, while it is current", () => {
    const d = compliantCounty();
    byId(d.villages, ID.v4).exitedPovertyOn = "2017-12-31";
    expect(rowsOf(d).map((r) => r.villageId)).toContain(ID.v4);
  });
});
