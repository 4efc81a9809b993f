import { describe, expect, it } from "vitest";
import { loadDataset } from "../engine/loader.js";
import type { Dataset } from "../schema/collections.js";
import { compliantCounty, FIXTURE_AS_OF, ID, staff } from "../testing/fixture.js";
import { buildForm } from "./forms.js";

const rowsOf = (d: Dataset, asOf = FIXTURE_AS_OF) => [
  ...buildForm("cadre-summary", loadDataset(d), { asOf }).rows,
];
const cityRow = (d: Dataset) => rowsOf(d)[0]!;
const person = (d: Dataset, unitId: string) =>
  d.people.find((p) => p.id === staff(unitId, "cadre"))!;

const fixtureCounts = {
  cadres: 3,
  provinceUnit: 1,
  cityUnit: 1,
  countyUnit: 1,
  partyMembers: 3,
  associate: 0,
  bachelor: 3,
  postgraduate: 0,
  age35OrUnder: 0,
  age36To40: 3,
  age41OrOver: 0,
  reserveCadres: 3,
  secretaries: 3,
};

describe("the cadre summary", () => {
  it("states its date in the title and names its age bands in whole years (周岁)", () => {
    const table = buildForm("cadre-summary", loadDataset(compliantCounty()), {
      asOf: FIXTURE_AS_OF,
    });
    expect(table.title).toEqual({
      zh: "驻村帮扶干部基本情况汇总表（截至2018年7月20日）",
      en: "Summary of resident cadres, as of 2018-07-20",
    });
    expect(table.columns.map((c) => c.header)).toEqual([
      "级别",
      "地区代码",
      "地区名称",
      "人数",
      "省直单位派出",
      "市直单位派出",
      "县直单位派出",
      "中共党员",
      "大专",
      "本科",
      "研究生",
      "35周岁及以下",
      "36至40周岁",
      "41周岁及以上",
      "后备干部",
      "任第一书记或书记",
    ]);
  });

  it("has a row per city and a total for the fixture", () => {
    expect(rowsOf(compliantCounty())).toEqual([
      { rowLevel: "市", regionId: ID.city, regionName: "安庆市", ...fixtureCounts },
      { rowLevel: "合计", regionId: undefined, regionName: undefined, ...fixtureCounts },
    ]);
  });

  it("puts ages at asOf into ≤35, 36–40 and >40 at their boundaries, and an unknown age in none", () => {
    const d = compliantCounty();
    person(d, ID.provinceUnit).birthDate = "1982-07-21"; // 35 on 2018-07-20
    person(d, ID.cityUnit).birthDate = "1977-07-21"; // 40
    person(d, ID.countyUnit).birthDate = "1977-07-20"; // 41
    expect(cityRow(d)).toMatchObject({ age35OrUnder: 1, age36To40: 1, age41OrOver: 1 });
    person(d, ID.provinceUnit).birthDate = "1982-07-20"; // 36
    delete person(d, ID.countyUnit).birthDate;
    expect(cityRow(d)).toMatchObject({ age35OrUnder: 0, age36To40: 2, age41OrOver: 0 });
  });

  it("counts master and doctorate as 研究生, and nothing below 大专", () => {
    const d = compliantCounty();
    person(d, ID.provinceUnit).education = "master";
    person(d, ID.cityUnit).education = "doctorate";
    person(d, ID.countyUnit).education = "senior_high";
    expect(cityRow(d)).toMatchObject({ associate: 0, bachelor: 0, postgraduate: 2 });
    person(d, ID.countyUnit).education = "associate";
    expect(cityRow(d)).toMatchObject({ associate: 1, postgraduate: 2 });
  });

  it("counts 书记 with 第一书记, not a cadre without a post, nor non-members and non-reserves", () => {
    const d = compliantCounty();
    d.residentCadres[0]!.villagePost = "secretary";
    d.residentCadres[1]!.villagePost = "none";
    person(d, ID.countyUnit).partyMember = false;
    person(d, ID.countyUnit).reserveCadre = false;
    expect(cityRow(d)).toMatchObject({ secretaries: 2, partyMembers: 2, reserveCadres: 2 });
  });

  it("counts by the level of the sending unit and leaves out an ended cadre row", () => {
    const d = compliantCounty();
    d.residentCadres[2]!.unitId = ID.cityUnit;
    d.residentCadres[0]!.endDate = "2016-07-20";
    expect(cityRow(d)).toMatchObject({ cadres: 2, provinceUnit: 0, cityUnit: 2, countyUnit: 0 });
  });

  it("lists a city without cadres with zeros", () => {
    const d = compliantCounty();
    d.cities.push({ id: "340100", name: "合肥市" });
    const rows = rowsOf(d);
    expect(rows.map((r) => [r.regionId, r.cadres])).toEqual([
      ["340100", 0],
      [ID.city, 3],
      [undefined, 3],
    ]);
  });
});
