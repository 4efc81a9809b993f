import { describe, expect, it } from "vitest";
import { loadDataset } from "../engine/loader.js";
import type { Dataset } from "../schema/collections.js";
import { byId, compliantCounty, FIXTURE_AS_OF, ID, staff } from "../testing/fixture.js";
import { buildForm } from "./forms.js";

const build = (d: Dataset, options: { asOf?: string; parameters?: Record<string, unknown> } = {}) =>
  buildForm("cadre-register", loadDataset(d), {
    asOf: options.asOf ?? FIXTURE_AS_OF,
    ...(options.parameters ? { parameters: options.parameters } : {}),
  });
const rowsOf = (d: Dataset, asOf = FIXTURE_AS_OF) => [...build(d, { asOf }).rows];
const rowOf = (d: Dataset, unitId: string, asOf = FIXTURE_AS_OF) =>
  rowsOf(d, asOf).find((r) => r.personId === staff(unitId, "cadre"))!;
const cadre = (d: Dataset, unitId: string) => byId(d.people, staff(unitId, "cadre"));

const cadreRow = (
  no: number,
  unitId: string,
  unit: string,
  unitLevel: string,
  county: string,
  village: string,
  villageId: string,
) => ({
  no,
  personId: staff(unitId, "cadre"),
  name: `${unitId}驻村干部`,
  gender: "男",
  birthDate: "1980-05-01",
  age: 38,
  politicalStatus: "中共党员",
  education: "本科",
  workStartDate: "2003-07-01",
  workYears: 15,
  unit,
  unitLevel,
  position: "cadre",
  rank: "科级",
  reserveCadre: true,
  selected: true,
  villagePost: "第一书记",
  city: "安庆市",
  county,
  township: county === "怀宁县" ? "高河镇" : "天堂镇",
  village,
  villageId,
  selectedOn: "2014-07-20",
  approvedOn: "2014-08-05",
  meetsPartyMember: true,
  meetsWorkYears: true,
  meetsEducation: true,
  meetsAge: true,
});

describe("the cadre register", () => {
  it("states its date in the title and names its columns in the words of rules.md", () => {
    const table = build(compliantCounty());
    expect(table.title).toEqual({
      zh: "驻村帮扶干部基本情况登记表（截至2018年7月20日）",
      en: "Register of resident cadres, as of 2018-07-20",
    });
    expect(table.sheet).toBe("驻村帮扶干部基本情况登记表");
    expect(table.columns.map((c) => c.header)).toEqual([
      "序号",
      "人员编号",
      "姓名",
      "性别",
      "出生日期",
      "年龄（周岁）",
      "政治面貌",
      "学历",
      "参加工作时间",
      "工作年限（年）",
      "派出单位",
      "派出单位层级",
      "职务",
      "职级",
      "是否后备干部",
      "是否选派干部",
      "村任职",
      "驻村所在市",
      "驻村所在县（市、区）",
      "驻村所在乡镇",
      "驻村",
      "村代码",
      "选派日期",
      "审定日期",
      "符合条件：中共党员",
      "符合条件：3年以上工作经历",
      "符合条件：大专以上学历",
      "符合条件：40周岁以下",
    ]);
  });

  it("has a row per current resident cadre of the fixture, by county, township and village id", () => {
    expect(rowsOf(compliantCounty())).toEqual([
      cadreRow(1, ID.countyUnit, "怀宁县教育局", "县直", "怀宁县", "查湾村", ID.v4),
      cadreRow(2, ID.provinceUnit, "省扶贫办", "省直", "岳西县", "天堂村", ID.v1),
      cadreRow(3, ID.cityUnit, "安庆市农委", "市直", "岳西县", "莲塘村", ID.v2),
    ]);
  });

  it("counts age and years of work in whole years at asOf", () => {
    const d = compliantCounty();
    cadre(d, ID.provinceUnit).birthDate = "1978-07-20";
    cadre(d, ID.provinceUnit).workStartDate = "2015-07-20";
    cadre(d, ID.cityUnit).birthDate = "1978-07-21";
    cadre(d, ID.cityUnit).workStartDate = "2015-07-21";
    expect(rowOf(d, ID.provinceUnit)).toMatchObject({ age: 40, workYears: 3 });
    expect(rowOf(d, ID.cityUnit)).toMatchObject({ age: 39, workYears: 2 });
  });

  it("judges age 40 at selectedOn as meeting 40周岁以下, and 41 as not", () => {
    const d = compliantCounty();
    cadre(d, ID.provinceUnit).birthDate = "1974-07-20"; // 40 on 2014-07-20
    cadre(d, ID.cityUnit).birthDate = "1973-07-20"; // 41
    expect(rowOf(d, ID.provinceUnit)).toMatchObject({ age: 44, meetsAge: true });
    expect(rowOf(d, ID.cityUnit)).toMatchObject({ age: 45, meetsAge: false });
  });

  it("judges age 40 at selectedOn by the day: the day before the 41st birthday meets", () => {
    const d = compliantCounty();
    cadre(d, ID.provinceUnit).birthDate = "1973-07-21"; // 40 on 2014-07-20, 41 the next day
    cadre(d, ID.cityUnit).birthDate = "1973-07-20"; // 41 on 2014-07-20
    cadre(d, ID.countyUnit).birthDate = "1979-07-20"; // 35 on 2014-07-20
    expect(rowOf(d, ID.provinceUnit)).toMatchObject({ birthDate: "1973-07-21", meetsAge: true });
    expect(rowOf(d, ID.cityUnit)).toMatchObject({ birthDate: "1973-07-20", meetsAge: false });
    expect(rowOf(d, ID.countyUnit)).toMatchObject({ age: 39, meetsAge: true });
  });

  it("judges exactly three years of work at selectedOn as meeting, one day short as not", () => {
    const d = compliantCounty();
    cadre(d, ID.provinceUnit).workStartDate = "2011-07-20";
    cadre(d, ID.cityUnit).workStartDate = "2011-07-21";
    expect(rowOf(d, ID.provinceUnit).meetsWorkYears).toBe(true);
    expect(rowOf(d, ID.cityUnit).meetsWorkYears).toBe(false);
  });

  it("judges 大专 as meeting the education criterion and 高中/中专 as not", () => {
    const d = compliantCounty();
    cadre(d, ID.provinceUnit).education = "associate";
    cadre(d, ID.cityUnit).education = "senior_high";
    expect(rowOf(d, ID.provinceUnit)).toMatchObject({ education: "大专", meetsEducation: true });
    expect(rowOf(d, ID.cityUnit)).toMatchObject({ education: "高中/中专", meetsEducation: false });
  });

  it("shows 政治面貌 as 中共党员 or 非中共党员, and blank when unknown", () => {
    const d = compliantCounty();
    cadre(d, ID.cityUnit).partyMember = false;
    delete cadre(d, ID.countyUnit).partyMember;
    expect(rowOf(d, ID.provinceUnit)).toMatchObject({
      politicalStatus: "中共党员",
      meetsPartyMember: true,
    });
    expect(rowOf(d, ID.cityUnit)).toMatchObject({
      politicalStatus: "非中共党员",
      meetsPartyMember: false,
    });
    expect(rowOf(d, ID.countyUnit).politicalStatus).toBeUndefined();
    expect(rowsOf(d).map((r) => r.politicalStatus)).not.toContain("群众");
  });

  it("judges a selected cadre's missing input as failing, as the selected-cadre rules do", () => {
    const d = compliantCounty();
    const p = cadre(d, ID.provinceUnit);
    delete p.birthDate;
    delete p.idNumber; // its birth date would stand in for the missing one
    delete p.workStartDate;
    delete p.education;
    delete p.partyMember;
    expect(rowOf(d, ID.provinceUnit)).toMatchObject({
      selected: true,
      birthDate: undefined,
      age: undefined,
      workYears: undefined,
      education: undefined,
      politicalStatus: undefined,
      meetsPartyMember: false,
      meetsWorkYears: false,
      meetsEducation: false,
      meetsAge: false,
    });
  });

  it("leaves a criterion blank when the input of a cadre who is not selected is missing", () => {
    const d = compliantCounty();
    byId(d.units, ID.cityUnit).category = "central_unit_in_anhui"; // only the flag decides
    const p = cadre(d, ID.cityUnit);
    delete p.birthDate;
    delete p.idNumber;
    delete p.workStartDate;
    delete p.education;
    delete p.partyMember;
    expect(rowOf(d, ID.cityUnit)).toMatchObject({
      selected: false,
      meetsPartyMember: undefined,
      meetsWorkYears: undefined,
      meetsEducation: undefined,
      meetsAge: undefined,
    });
    // and judges what it knows, selected or not
    p.partyMember = false;
    p.education = "associate";
    expect(rowOf(d, ID.cityUnit)).toMatchObject({ meetsPartyMember: false, meetsEducation: true });
  });

  it("leaves a criterion blank when its input is broken: the data finding stands for it", () => {
    const d = compliantCounty();
    const p = cadre(d, ID.provinceUnit);
    (p as { birthDate: string }).birthDate = "1980-02-30";
    (p as { education: string }).education = "phd";
    expect(rowOf(d, ID.provinceUnit)).toMatchObject({
      selected: true,
      age: undefined,
      meetsAge: undefined,
      education: undefined,
      meetsEducation: undefined,
      meetsPartyMember: true,
      meetsWorkYears: true,
    });
  });

  it("evaluates the criteria with the parameters in force and names them in the headers", () => {
    const d = compliantCounty();
    const table = build(d, {
      parameters: { residentCadreMaxAge: 33, residentCadreMinWorkYears: 12 },
    });
    const headers = table.columns.map((c) => c.header);
    expect(headers).toContain("符合条件：33周岁以下");
    expect(headers).toContain("符合条件：12年以上工作经历");
    expect([...table.rows][0]).toMatchObject({ meetsAge: false, meetsWorkYears: false });
  });

  it("judges the conditions of a cadre whose row says selected: false but who is selected", () => {
    const d = compliantCounty();
    d.residentCadres.find((r) => r.unitId === ID.provinceUnit)!.selected = false;
    cadre(d, ID.provinceUnit).partyMember = false;
    cadre(d, ID.provinceUnit).education = "senior_high";
    expect(rowOf(d, ID.provinceUnit)).toMatchObject({
      selected: true,
      politicalStatus: "非中共党员",
      meetsPartyMember: false,
      education: "高中/中专",
      meetsEducation: false,
    });
  });

  it("shows whether a cadre is selected as RuleContext decides it", () => {
    const d = compliantCounty();
    // rules.md "Who is who": selected: false does not exempt a party and government organ's cadre.
    d.residentCadres.find((r) => r.unitId === ID.provinceUnit)!.selected = false;
    expect(rowOf(d, ID.provinceUnit).selected).toBe(true);
    byId(d.units, ID.provinceUnit).category = "central_unit_in_anhui";
    expect(rowOf(d, ID.provinceUnit).selected).toBe(false);
    byId(d.units, ID.cityUnit).category = "state_owned_enterprise";
    expect(rowOf(d, ID.cityUnit).selected).toBe(false);
    expect(rowOf(d, ID.countyUnit).selected).toBe(true);
  });

  it("leaves out a cadre row that ended on asOf and shows one that ends after it", () => {
    const d = compliantCounty();
    d.residentCadres[0]!.endDate = FIXTURE_AS_OF;
    expect(rowsOf(d).map((r) => r.villageId)).toEqual([ID.v4, ID.v2]);
    d.residentCadres[0]!.endDate = "2018-07-21";
    expect(rowsOf(d)).toHaveLength(3);
  });

  it("leaves 审定日期 blank when it is after asOf, as the audit counts it absent", () => {
    const d = compliantCounty();
    d.residentCadres[0]!.approvedOn = "2018-07-21";
    expect(rowOf(d, ID.provinceUnit).approvedOn).toBeUndefined();
  });
});
