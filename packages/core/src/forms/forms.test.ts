import { describe, expect, it } from "vitest";
import { isCurrent } from "../calendar/calendar.js";
import { makeIdNumber } from "../engine/id-number.js";
import { loadDataset } from "../engine/loader.js";
import { ConfigurationError } from "../params/parameters.js";
import type { Dataset, Person } from "../schema/collections.js";
import { byId, compliantCounty, FIXTURE_AS_OF, ID, staff } from "../testing/fixture.js";
import { FORBIDDEN_WORDS } from "../testing/words.js";
import { buildForm, FORMS, type FormId, isFormId } from "./forms.js";
import type { Cell } from "./table.js";

const ASOF = FIXTURE_AS_OF;
type Row = Record<string, Cell>;

/**
 * The fixture and a second city (合肥市, 庐江县) with an uncontracted poor village, a village
 * pooled by a city and a county unit, an exited village, and households of every kind; in 安庆,
 * 莲塘村 is pooled too and an ended contract lingers.
 */
function province(): Dataset {
  const d = compliantCounty();
  const [w1, w2, w3] = ["340124100201", "340124100202", "340124100203"];
  d.cities.push({ id: "340100", name: "合肥市" });
  d.counties.push({ id: "340124", name: "庐江县", cityId: "340100", isKeyCounty: false });
  d.townships.push({ id: "340124100", name: "汤池镇", countyId: "340124" });
  d.villages.push(
    { id: w1, name: "果树村", townshipId: "340124100", isPoor: true },
    { id: w2, name: "百花村", townshipId: "340124100", isPoor: true },
    {
      id: w3,
      name: "军山村",
      townshipId: "340124100",
      isPoor: true,
      exitedPovertyOn: "2017-12-01",
    },
  );
  const person = (p: Omit<Person, "idNumber">, seq: number): Person => ({
    ...p,
    idNumber: makeIdNumber("340124", p.birthDate ?? "1985-01-01", seq),
  });
  d.units.push(
    {
      id: "U-C2",
      name: "合肥市档案局",
      category: "public_institution",
      level: "city",
      cityId: "340100",
      staffSize: 8,
    },
    {
      id: "U-N2",
      name: "庐江县文化局",
      category: "party_government_organ",
      level: "county",
      cityId: "340100",
      countyId: "340124",
      staffSize: 6,
    },
  );
  d.people.push(
    person(
      {
        id: staff("U-C2", "cadre"),
        name: "钱七",
        role: "unit_staff",
        unitId: "U-C2",
        birthDate: "1990-01-01",
        education: "master",
        partyMember: false,
        reserveCadre: false,
      },
      201,
    ),
    person(
      {
        id: staff("U-N2", "cadre"),
        name: "孙八",
        role: "unit_staff",
        unitId: "U-N2",
        education: "associate",
        partyMember: true,
      },
      202,
    ),
    person(
      {
        id: staff("U-C2", "helper"),
        name: "周九",
        role: "unit_staff",
        unitId: "U-C2",
        birthDate: "1975-01-01",
      },
      203,
    ),
    person(
      {
        id: `VC-${w1}`,
        name: "吴十",
        role: "village_cadre",
        villageId: w1,
        birthDate: "1970-01-01",
      },
      204,
    ),
  );
  d.villageAssignments.push(
    { villageId: w2, unitId: "U-C2", startDate: "2016-01-01" },
    { villageId: w2, unitId: "U-N2", startDate: "2016-01-01" },
    { villageId: w3, unitId: "U-N2", startDate: "2015-01-01" },
    { villageId: ID.v2, unitId: ID.countyUnit, startDate: "2017-01-01" },
    { villageId: ID.v1, unitId: ID.cityUnit, startDate: "2014-07-15", endDate: "2016-07-15" },
  );
  d.residentCadres.push(
    {
      personId: staff("U-C2", "cadre"),
      villageId: w2,
      unitId: "U-C2",
      selectedOn: "2016-01-10",
      villagePost: "none",
    },
    {
      personId: staff("U-N2", "cadre"),
      villageId: w2,
      unitId: "U-N2",
      selectedOn: "2016-01-10",
      villagePost: "secretary",
    },
    {
      personId: staff("U-N2", "helper"),
      villageId: w3,
      unitId: "U-N2",
      selectedOn: "2015-01-10",
      endDate: "2016-01-10",
    },
  );
  const household = (
    id: string,
    villageId: string,
    attribute: "general" | "dibao" | "wubao",
    hasLaborCapacity: boolean,
    exitedPovertyOn?: string,
  ) =>
    d.households.push({
      id,
      villageId,
      headName: `户主${id}`,
      idNumber: makeIdNumber("340124", "1960-02-01", d.households.length + 1),
      size: 2,
      attribute,
      hasLaborCapacity,
      ...(exitedPovertyOn ? { exitedPovertyOn } : {}),
    });
  household("H-6", w1, "wubao", false);
  household("H-7", w2, "dibao", false);
  household("H-8", w2, "general", true);
  household("H-9", w2, "general", true, "2017-06-01");
  household("H-10", w3, "dibao", true);
  const help = (householdId: string, personId: string, endDate?: string) =>
    d.householdAssignments.push({
      householdId,
      personId,
      startDate: "2016-02-01",
      recordedInRegister: true,
      recordedInHandbook: true,
      ...(endDate ? { endDate } : {}),
    });
  help("H-6", `VC-${w1}`);
  help("H-7", staff("U-C2", "helper"));
  help("H-8", staff("U-C2", "helper"), "2017-02-01");
  help("H-10", staff("U-C2", "helper"));
  return d;
}

const build = (id: FormId, d: Dataset): Row[] => [
  ...buildForm(id, loadDataset(d), { asOf: ASOF }).rows,
];
const sum = (rows: Row[], key: string) => rows.reduce((n, r) => n + (r[key] as number), 0);
const KEYS = (rows: Row[]) => Object.keys(rows[0]!).filter((k) => typeof rows[0]![k] === "number");

describe("the four forms", () => {
  it("are listed in the order of the policy's attachments, with their titles", () => {
    expect(FORMS.map((f) => [f.id, f.title.zh])).toEqual([
      ["unit-register", "安徽省包村帮扶单位基本情况登记表"],
      ["cadre-register", "驻村帮扶干部基本情况登记表"],
      ["unit-summary", "安徽省单位包村基本情况汇总表"],
      ["cadre-summary", "驻村帮扶干部基本情况汇总表"],
    ]);
    expect(FORMS.every((f) => isFormId(f.id))).toBe(true);
    expect(isFormId("findings")).toBe(false);
    expect(isFormId("toString")).toBe(false);
  });

  it("build tables named by their id, with a sheet name of at most 31 characters and both headers", () => {
    const index = loadDataset(compliantCounty());
    for (const f of FORMS) {
      const t = buildForm(f.id, index, { asOf: ASOF });
      expect(t.id).toBe(f.id);
      expect(t.title).toEqual({
        zh: `${f.title.zh}（截至2018年7月20日）`,
        en: `${f.title.en}, as of 2018-07-20`,
      });
      expect(t.sheet).toBe(f.title.zh);
      expect([...t.sheet!].length).toBeLessThanOrEqual(31);
      expect(new Set(t.columns.map((c) => c.key)).size).toBe(t.columns.length);
      expect(t.columns.every((c) => /\p{Script=Han}/u.test(c.header) && c.en)).toBe(true);
    }
  });

  it("speak the words of rules.md in their titles and headers", () => {
    // rules.md "Words in Chinese output": full-width punctuation, one spelling of each term
    // (帮扶单位 is allowed in a table header), no English or code names inside Chinese.
    const forbidden: (readonly [RegExp, string])[] = [
      // 帮扶单位 is allowed in a table header, not only in 包村帮扶单位.
      ...FORBIDDEN_WORDS.filter(([p]) => !String(p).endsWith("帮扶单位/")),
      [/群众/, "非中共党员"],
      [/(?<!周)岁/, "周岁"],
    ];
    const index = loadDataset(province());
    for (const f of FORMS) {
      const t = buildForm(f.id, index, { asOf: ASOF });
      const texts = [t.title!.zh, t.sheet!, ...t.columns.map((c) => c.header)];
      // the cells the forms write in their own words (the rest is the dataset's names)
      const own = ["category", "level", "unitLevel", "politicalStatus", "rank", "rowLevel"];
      const cells = [...t.rows].flatMap((r) =>
        own.map((k) => r[k]).filter((v): v is string => typeof v === "string"),
      );
      for (const text of [...texts, ...cells]) {
        for (const [pattern, want] of forbidden) {
          expect(pattern.test(text), `${f.id}: “${text}” — ${want}`).toBe(false);
        }
      }
    }
  });

  it("throw a ConfigurationError for a bad asOf, parameter or form id", () => {
    const index = loadDataset(compliantCounty());
    for (const asOf of ["2018-02-30", "2018-7-20", "", undefined as unknown as string]) {
      expect(() => buildForm("unit-register", index, { asOf })).toThrow(ConfigurationError);
    }
    expect(() => buildForm("unit-summary", index, { asOf: ASOF, parameters: { nope: 1 } })).toThrow(
      ConfigurationError,
    );
    expect(() => buildForm("nope" as FormId, index, { asOf: ASOF })).toThrow(/unknown form/);
  });

  it("give the same rows whatever the order of the input rows", () => {
    const d = province();
    const shuffled = Object.fromEntries(
      Object.entries(d).map(([k, rows]) => [k, [...(rows as unknown[])].reverse()]),
    ) as Dataset;
    for (const f of FORMS) expect(build(f.id, shuffled)).toEqual(build(f.id, d));
  });

  it("leave out a village that cannot be placed in a county, in every form", () => {
    const d = compliantCounty();
    d.villages.push({ id: "999", name: "无名村", townshipId: "000", isPoor: true });
    d.villageAssignments.push({ villageId: "999", unitId: ID.cityUnit, startDate: "2015-01-01" });
    d.residentCadres.push({
      personId: staff(ID.cityUnit, "helper"),
      villageId: "999",
      unitId: ID.cityUnit,
      selectedOn: "2015-01-01",
    });
    const clean = compliantCounty();
    for (const f of FORMS) expect(build(f.id, d)).toEqual(build(f.id, clean));
  });

  it("add up: every summary number follows from the dataset and from the registers", () => {
    const d = province();
    const units = build("unit-register", d);
    const cadres = build("cadre-register", d);
    const unitSummary = build("unit-summary", d);
    const cadreSummary = build("cadre-summary", d);

    // the dataset's own view, by plain scans
    const township = (id: string) => byId(d.townships, id);
    const countyOf = (villageId: string) =>
      township(byId(d.villages, villageId).townshipId).countyId;
    const live = (exited?: string) => exited === undefined || exited > ASOF;
    const poor = d.villages.filter((v) => v.isPoor && live(v.exitedPovertyOn));
    const current = (r: { startDate: string; endDate?: string | undefined }) =>
      isCurrent(r.startDate, r.endDate, ASOF);

    const countyRows = unitSummary.filter((r) => r.rowLevel === "县");
    expect(countyRows.length).toBe(d.counties.length);
    for (const row of countyRows) {
      const county = byId(d.counties, row.regionId as string);
      const villages = poor.filter((v) => countyOf(v.id) === county.id);
      const registerRows = (villageId: string) => units.filter((u) => u.villageId === villageId);
      const contracted = villages.filter((v) => registerRows(v.id).length > 0);
      const byLevel = (label: string) =>
        villages.filter((v) => registerRows(v.id).some((u) => u.level === label)).length;
      const households = d.households.filter(
        (h) => countyOf(h.villageId) === county.id && live(h.exitedPovertyOn),
      );
      const helpers = (id: string) =>
        d.householdAssignments.filter((a) => a.householdId === id && current(a));
      const welfare = households.filter(
        (h) => h.attribute === "wubao" || (h.attribute === "dibao" && !h.hasLaborCapacity),
      );
      expect(row).toEqual({
        rowLevel: "县",
        regionId: county.id,
        regionName: county.name,
        poorVillages: villages.length,
        contractedVillages: contracted.length,
        uncontractedVillages: villages.length - contracted.length,
        provinceUnitVillages: byLevel("省直"),
        cityUnitVillages: byLevel("市直"),
        countyUnitVillages: byLevel("县直"),
        pooledVillages: villages.filter((v) => registerRows(v.id).length >= 2).length,
        residentCadres: cadres.filter((c) => c.county === county.name).length,
        poorHouseholds: households.length,
        householdsWithHelper: households.filter((h) => helpers(h.id).length > 0).length,
        welfareHouseholds: welfare.length,
        welfareLinked: welfare.filter((h) => {
          const people = helpers(h.id).map((a) => byId(d.people, a.personId));
          return (
            people.length > 0 &&
            people.every(
              (p) =>
                (p.role === "civil_affairs_officer" &&
                  p.townshipId === byId(d.villages, h.villageId).townshipId) ||
                (p.role === "village_cadre" && p.villageId === h.villageId),
            )
          );
        }).length,
      });
    }
    // a city's subtotal is the sum of its counties; the total the sum of the subtotals
    const keys = KEYS(unitSummary);
    const subtotals = unitSummary.filter((r) => r.rowLevel === "市小计");
    for (const sub of subtotals) {
      const mine = countyRows.filter(
        (r) => byId(d.counties, r.regionId as string).cityId === sub.regionId,
      );
      for (const k of keys) expect(sub[k]).toBe(sum(mine, k));
    }
    const total = unitSummary.at(-1)!;
    for (const k of keys) expect(total[k]).toBe(sum(subtotals, k));
    expect(total.residentCadres).toBe(cadres.length);

    // the cadre summary counts the cadre register's rows
    const cadreKeys = KEYS(cadreSummary);
    const cityRows = cadreSummary.filter((r) => r.rowLevel === "市");
    for (const row of cityRows) {
      const mine = cadres.filter((c) => c.city === row.regionName);
      const count = (f: (c: Row) => boolean) => mine.filter(f).length;
      const age = (c: Row) => c.age as number | undefined;
      expect(row).toEqual({
        rowLevel: "市",
        regionId: row.regionId,
        regionName: byId(d.cities, row.regionId as string).name,
        cadres: mine.length,
        provinceUnit: count((c) => c.unitLevel === "省直"),
        cityUnit: count((c) => c.unitLevel === "市直"),
        countyUnit: count((c) => c.unitLevel === "县直"),
        partyMembers: count((c) => c.politicalStatus === "中共党员"),
        associate: count((c) => c.education === "大专"),
        bachelor: count((c) => c.education === "本科"),
        postgraduate: count((c) => c.education === "硕士" || c.education === "博士"),
        age35OrUnder: count((c) => age(c) !== undefined && age(c)! <= 35),
        age36To40: count((c) => age(c) !== undefined && age(c)! >= 36 && age(c)! <= 40),
        age41OrOver: count((c) => age(c) !== undefined && age(c)! > 40),
        reserveCadres: count((c) => c.reserveCadre === true),
        secretaries: count((c) => c.villagePost === "第一书记" || c.villagePost === "书记"),
      });
    }
    const cadreTotal = cadreSummary.at(-1)!;
    for (const k of cadreKeys) expect(cadreTotal[k]).toBe(sum(cityRows, k));
    for (const city of cityRows) {
      const sub = subtotals.find((s) => s.regionId === city.regionId)!;
      expect(city.cadres).toBe(sub.residentCadres);
    }

    // and the fixture's changes show: an uncontracted, a pooled and an exited village in 庐江县
    expect(unitSummary.find((r) => r.regionId === "340124")).toMatchObject({
      poorVillages: 2,
      contractedVillages: 1,
      uncontractedVillages: 1,
      pooledVillages: 1,
      cityUnitVillages: 1,
      countyUnitVillages: 1,
      residentCadres: 2,
      poorHouseholds: 4, // H-10 in an exited village is still poor
      householdsWithHelper: 3,
      welfareHouseholds: 2,
      welfareLinked: 1,
    });
    expect(unitSummary.find((r) => r.regionId === ID.keyCounty)).toMatchObject({
      pooledVillages: 1,
      countyUnitVillages: 1,
    });
  });
});
