import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { audit } from "../audit.js";
import { COLLECTIONS } from "../schema/collections.js";
import type { CollectionName } from "../schema/fields.js";
import { SPEC_TABLE } from "../spec/spec-table.js";
import { compliantCounty, FIXTURE_AS_OF, ID, staff } from "../testing/fixture.js";
import { RULES_NEEDING } from "./data-messages.js";
import type { Finding } from "./findings.js";
import { makeIdNumber } from "./id-number.js";
import { DatasetLoader, loadDataset } from "./loader.js";

const regions = () => {
  const d = compliantCounty();
  const villages = d.villages.map(({ coordinatorId, townshipCoordinatorId, ...v }) => v);
  return { cities: d.cities, counties: d.counties, townships: d.townships, villages };
};
const dataFindings = (input: Record<string, unknown>, asOf = FIXTURE_AS_OF) =>
  // data checks only: the policy rules are tested beside each rule
  audit(input, { asOf }).findings.filter((f) => f.ruleId.startsWith("data."));

describe("the loader", () => {
  it("loads the compliant fixture without a data finding", () => {
    expect(dataFindings(compliantCounty())).toEqual([]);
  });

  it("indexes rows by id and follows the region chain", () => {
    const index = loadDataset(compliantCounty());
    const v1 = index.village(ID.v1)!;
    expect(index.countyOfVillage(v1)?.name).toBe("岳西县");
    expect(index.cityOfVillage(v1)?.id).toBe(ID.city);
    expect(index.contractsOfVillage(ID.v1)).toHaveLength(1);
    expect(index.staffOfUnit(ID.provinceUnit)).toHaveLength(4);
    expect(
      index
        .townshipCadres(ID.keyTownship)
        .map((p) => p.id)
        .sort(),
    ).toEqual([ID.keyTownshipCadre, ID.keyCivilAffairs]);
  });

  it("reports a missing required collection once, naming it and *", () => {
    const f = dataFindings({
      cities: [],
      counties: regions().counties,
      townships: [],
      villages: regions().villages,
    });
    const missing = f.filter((x) => x.field === undefined && x.entity.id === "*");
    expect(missing.map((x) => x.entity.collection).sort()).toEqual(["cities", "townships"]);
    expect(missing.every((x) => x.ruleId === "data.invalid-field")).toBe(true);
  });

  it("reports a missing required field and an enum value outside its vocabulary", () => {
    const d = regions();
    const units = [
      { id: "U1", name: "甲", category: "党政机关", level: "乡镇", staffSize: 3 },
      { id: "U2", category: "party_government_organ", level: "province", staffSize: 3 },
    ];
    const f = dataFindings({ ...d, units });
    expect(f.map((x) => [x.ruleId, x.entity.id, x.field])).toEqual([
      ["data.invalid-field", "U1", "level"],
      ["data.invalid-field", "U2", "name"],
    ]);
    expect(f[0]!.message.zh).toContain("乡镇");
    expect(f[0]!.message.en).toContain("expected one of province");
  });

  it("requires unitId for unit staff but not for a village cadre", () => {
    const d = regions();
    const people = [
      { id: "A", name: "甲", role: "unit_staff" },
      { id: "B", name: "乙", role: "village_cadre", villageId: ID.v1 },
    ];
    const f = dataFindings({ ...d, people });
    expect(f.map((x) => [x.entity.id, x.field])).toEqual([["A", "unitId"]]);
    expect(f[0]!.message.en).toContain("required for unit_staff");
  });

  it("keeps the first of two rows with one id and reports the second", () => {
    const d = regions();
    const cities = [...d.cities, { id: ID.city, name: "重复" }];
    const index = loadDataset({ ...d, cities });
    expect(index.city(ID.city)?.name).toBe("安庆市");
    const f = dataFindings({ ...d, cities });
    expect(f.map((x) => [x.ruleId, x.entity.id])).toEqual([["data.duplicate-id", ID.city]]);
  });

  it("reports a reference to nothing and drops only that field", () => {
    const d = regions();
    const villages = [
      ...d.villages,
      { id: "V9", name: "无名村", townshipId: "999", isPoor: true, coordinatorId: "nobody" },
    ];
    const f = dataFindings({ ...d, villages });
    expect(f.map((x) => [x.ruleId, x.entity.id, x.field])).toEqual([
      ["data.unknown-reference", "V9", "coordinatorId"],
      ["data.unknown-reference", "V9", "townshipId"],
    ]);
    const index = loadDataset({ ...d, villages });
    expect(index.village("V9")?.isPoor).toBe(true);
  });

  it("checks the ID number's check digit and its birth date", () => {
    const d = regions();
    const good = makeIdNumber("340828", "1980-05-01", 7);
    const badDigit = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    const people = [
      {
        id: "A",
        name: "甲",
        role: "village_cadre",
        villageId: ID.v1,
        idNumber: good,
        birthDate: "1980-05-01",
      },
      { id: "B", name: "乙", role: "village_cadre", villageId: ID.v1, idNumber: badDigit },
      {
        id: "C",
        name: "丙",
        role: "village_cadre",
        villageId: ID.v1,
        idNumber: good,
        birthDate: "1980-05-02",
      },
      { id: "D", name: "丁", role: "village_cadre", villageId: ID.v1, idNumber: "12345" },
    ];
    const f = dataFindings({ ...d, people });
    expect(f.map((x) => [x.ruleId, x.entity.id])).toEqual([
      ["data.invalid-field", "D"],
      ["data.invalid-id-number", "B"],
      ["data.invalid-id-number", "C"],
    ]);
  });

  it("names rows without id by position and carries file and line", () => {
    const loader = new DatasetLoader();
    const d = regions();
    for (const c of ["cities", "counties", "townships", "villages"] as const) loader.add(c, d[c]);
    loader.add("meetings", [{ unitId: "U1", date: "2015-01-01" }], {
      file: "meetings.csv",
      lines: [2],
    });
    loader.add("meetings", [{ unitId: "U1" }], { file: "meetings.csv", lines: [3] });
    const f = audit(loader.finish(), { asOf: FIXTURE_AS_OF }).findings;
    expect(f.find((x) => x.field === "date")).toMatchObject({
      entity: { collection: "meetings", id: "#1" },
      source: { file: "meetings.csv", line: 3 },
    });
  });

  it("warns once per file of a column the data model does not know", () => {
    const loader = new DatasetLoader();
    const d = regions();
    loader.add(
      "cities",
      [...d.cities, { id: "340900", name: "池州市" }].map((c) => ({ ...c, mayor: "x" })),
      { file: "cities.csv", lines: [2, 3] },
    );
    loader.add("counties", d.counties);
    loader.add("townships", d.townships);
    loader.add("villages", d.villages);
    const f = audit(loader.finish(), { asOf: FIXTURE_AS_OF, catalogue: [] }).findings;
    expect(f.map((x) => [x.ruleId, x.severity, x.field])).toEqual([
      ["data.unknown-column", "warning", "mayor"],
    ]);
  });

  it("reports an end before its start, and dates after asOf, by their field", () => {
    const d = compliantCounty();
    d.villageAssignments[0]!.endDate = "2014-07-14";
    d.households[0]!.planOn = "2018-07-21";
    const f = dataFindings(d);
    expect(f.map((x) => [x.ruleId, x.entity.collection, x.field])).toEqual([
      ["data.date-order", "households", "planOn"],
      ["data.date-order", "villageAssignments", "endDate"],
    ]);
  });

  it("accepts a date on asOf and an end on the start day", () => {
    const d = compliantCounty();
    d.villageAssignments[0]!.endDate = d.villageAssignments[0]!.startDate;
    d.households[0]!.planOn = FIXTURE_AS_OF;
    expect(dataFindings(d)).toEqual([]);
  });

  it("reports a visit after asOf and a visit by nobody", () => {
    const d = compliantCounty();
    d.visits.push({ personId: "ghost", date: "2015-01-01", kind: "staff_visit", villageId: ID.v1 });
    d.visits.push({
      personId: d.people[0]!.id,
      date: "2018-07-21",
      kind: "staff_visit",
      villageId: ID.v1,
    });
    const f = dataFindings(d);
    expect(f.map((x) => [x.ruleId, x.entity.id, x.field])).toEqual([
      ["data.date-order", `#${d.visits.length - 1}`, "date"],
      ["data.unknown-reference", `#${d.visits.length - 2}`, "personId"],
    ]);
  });

  it("checks a household visit's village like every other reference, and never rewrites it", () => {
    const d = compliantCounty();
    const h1 = d.households.find((h) => h.id === ID.h1)!;
    const base = { personId: "U-P1-helper", kind: "household_visit" as const, householdId: h1.id };
    d.visits.push({ ...base, date: "2015-01-02", villageId: "no-such-village" });
    d.visits.push({ ...base, date: "2015-01-03", villageId: ID.v2 });
    const f = dataFindings(d);
    expect(f.map((x) => [x.ruleId, x.entity.id, x.field])).toEqual([
      ["data.unknown-reference", `#${d.visits.length - 2}`, "villageId"],
    ]);
    expect(f[0]!.message.zh).toContain("no-such-village");
    expect(f[0]!.message.zh).toContain("村表中没有该记录");
    const back = loadDataset(d).toDataset().visits;
    expect(back.at(-2)!.villageId).toBe("no-such-village");
    expect(back.at(-1)!.villageId).toBe(ID.v2);
    expect(back.slice(0, -2)).toEqual(d.visits.slice(0, -2));
  });

  it("gives the same index loading in chunks as at once", () => {
    const d = compliantCounty();
    const loader = new DatasetLoader();
    for (const [c, rows] of Object.entries(d)) {
      for (let i = 0; i < rows.length; i += 3) loader.add(c as never, rows.slice(i, i + 3));
    }
    const chunked = audit(loader.finish(), { asOf: "2016-01-01" });
    expect(chunked).toEqual(audit(loadDataset(d), { asOf: "2016-01-01" }));
  });

  it("never throws, whatever the input", () => {
    const cell = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.date({ noInvalidDate: false }),
      fc.object(),
    );
    const row = fc.oneof(
      fc.dictionary(
        fc.constantFrom(
          "id",
          "name",
          "cityId",
          "villageId",
          "personId",
          "date",
          "kind",
          "isPoor",
          "startDate",
          "endDate",
          "idNumber",
          "unitId",
          "householdId",
          "role",
          "x",
        ),
        cell,
      ),
      cell,
    );
    const input = fc.dictionary(
      fc.constantFrom(
        "cities",
        "counties",
        "townships",
        "villages",
        "people",
        "visits",
        "units",
        "households",
        "villageAssignments",
        "householdAssignments",
        "reports",
        "nonsense",
        "parameters",
      ),
      fc.oneof(fc.array(row, { maxLength: 5 }), cell),
    );
    fc.assert(
      fc.property(input, (data) => {
        const input = { ...data } as Record<string, unknown>;
        delete input.parameters; // overrides are configuration, not data: bad ones are refused
        audit(input, { asOf: FIXTURE_AS_OF });
      }),
      { numRuns: 300 },
    );
  });

  it("says which rules a missing required collection stops", () => {
    const d = regions();
    const noVillages = dataFindings({ ...d, villages: [] });
    const all = SPEC_TABLE.length;
    expect(noVillages.map((x) => x.message.zh)).toEqual([
      `缺少村表，或表中没有记录：全部${all}条规则无法核查，请补充该表。`,
    ]);
    expect(noVillages[0]!.message.en).toBe(
      `required collection villages is missing or empty: none of the ${all} rules can run; supply it`,
    );
    const { townships: _t, ...noTownships } = d;
    const f = dataFindings(noTownships);
    // One finding: the villages' township references are not each reported.
    expect(f.map((x) => [x.ruleId, x.entity.collection, x.entity.id])).toEqual([
      ["data.invalid-field", "townships", "*"],
    ]);
    expect(f[0]!.message.zh).toMatch(
      /^缺少乡镇表，或表中没有记录：村所属的乡镇、县、市和乡（镇）干部无法确定，14条规则无法核查（village\.non-key-county-local、.*），请补充该表。$/,
    );
    const noCities = dataFindings({ ...d, cities: [] });
    expect(noCities.map((x) => x.entity.collection)).toEqual(["cities"]);
    expect(noCities[0]!.message.zh).toContain("村所属的市无法确定，5条规则无法核查");
  });

  it("names only rules of the catalogue as stopped by a missing region", () => {
    const ids = new Set(SPEC_TABLE.map((r) => r.id));
    for (const list of Object.values(RULES_NEEDING))
      for (const id of list) expect(ids.has(id), id).toBe(true);
  });

  it("reads office cells: serial, dotted and full-width dates, full-width ids and enums", () => {
    const d = compliantCounty();
    const plain = audit(d, { asOf: FIXTURE_AS_OF });
    const office = compliantCounty();
    const serial = (iso: string) => (Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86_400_000;
    const wide = (s: string) =>
      s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    office.villageAssignments.forEach((a, i) => {
      const row = a as Record<string, unknown>;
      row.startDate = [serial(a.startDate), String(serial(a.startDate)), wide(a.startDate)][i % 3];
      row.unitId = wide(a.unitId);
    });
    for (const m of office.meetings)
      (m as Record<string, unknown>).date = m.date.replaceAll("-", ".");
    for (const h of office.households) (h as Record<string, unknown>).villageId = wide(h.villageId);
    for (const a of office.householdAssignments)
      (a as Record<string, unknown>).startDate = a.startDate.replace(/-0?/g, "/");
    expect(audit(office, { asOf: FIXTURE_AS_OF })).toEqual(plain);
  });

  it("says a date cell it cannot read should be a date, a year or a time of day included", () => {
    const d = regions();
    const meetings = [
      { unitId: "U1", date: 2014 },
      { unitId: "U1", date: "2014/7/30 8:30" },
      { unitId: "U1", date: 41846.5 },
    ];
    const f = dataFindings({ ...d, meetings }).filter((x) => x.field === "date");
    expect(f.map((x) => x.message.zh)).toEqual([
      "专题会议记录#0的“日期”取值2014无效：应为日期（如2014-07-27）。",
      "专题会议记录#1的“日期”取值“2014/7/30 8:30”无效：应为日期（如2014-07-27）。",
      "专题会议记录#2的“日期”取值41846.5无效：应为日期（如2014-07-27）。",
    ]);
    expect(f[0]!.message.en).toContain("expected a date (YYYY-MM-DD)");
  });

  it("reads visits' office cells the same on the fast path and the general one", () => {
    // The fast path takes records (what a reader gives); an unknown column sends every row of
    // the other load down the general path. Both must read the same visits and find the same.
    const cell = fc.constantFrom(
      ID.v1,
      ` ${ID.v1}`,
      "３４０８２８１００２０１",
      staff(ID.provinceUnit, "principal"),
      "Ｕ－Ｐ１－ｐｒｉｎｃｉｐａｌ",
      "H-1",
      "Ｈ－１",
      "3.40828E+15",
      "3408281002010000",
      "3408281002010001",
      "ghost",
      "2015-03-01",
      "2015.3.1",
      "２０１５-０３-０１",
      "42064",
      "2015/3/1 0:00",
      "入户走访",
      "household_visit",
      "ｓｔａｆｆ＿ｖｉｓｉｔ",
      "干部职工走访",
      "\u3000",
      "",
    );
    const fields = ["personId", "date", "kind", "villageId", "householdId"];
    const load = (records: string[][], general: boolean) => {
      const loader = new DatasetLoader();
      const d = compliantCounty();
      for (const c of Object.keys(COLLECTIONS) as CollectionName[])
        if (c !== "visits") loader.add(c, d[c]);
      if (general)
        loader.add(
          "visits",
          records.map((r) => ({ ...Object.fromEntries(fields.map((f, i) => [f, r[i]])), x: "" })),
          { file: "v.csv", lines: records.map((_, i) => i + 2) },
        );
      else
        loader.addRecords("visits", fields, records, {
          file: "v.csv",
          lines: records.map((_, i) => i + 2),
        });
      const index = loader.finish();
      return {
        visits: index.toDataset().visits,
        findings: index.loadFindings.filter((f) => f.ruleId !== "data.unknown-column"),
      };
    };
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 12 }),
        (records) => {
          expect(load(records, false)).toEqual(load(records, true));
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000);
});

describe("ids Excel has mangled", () => {
  /** A loader with the compliant county, `extra` rows of collections added as files would be. */
  function loadWith(extra: Partial<Record<CollectionName, Record<string, unknown>[]>>) {
    const d = compliantCounty();
    const loader = new DatasetLoader();
    for (const c of Object.keys(COLLECTIONS) as CollectionName[]) {
      const rows = [...(d[c] as Record<string, unknown>[]), ...(extra[c] ?? [])];
      loader.add(c, rows, { file: `${c}.csv`, lines: rows.map((_, i) => i + 2) });
    }
    return audit(loader.finish(), { asOf: FIXTURE_AS_OF }).findings;
  }
  const household = (id: string) => ({
    id,
    villageId: ID.v1,
    headName: "某某",
    size: 3,
    attribute: "general",
    hasLaborCapacity: true,
  });
  /** 16-digit household ids, as Excel keeps them: 15 significant digits, rounded. */
  const real = (i: number) => String(3408281002010001 + i);
  const excel = (id: string) => String(Number(Number(id).toPrecision(15)));

  it("finds scientific notation once per column, and nothing for its 1,000 rows", () => {
    expect(loadWith({})).toEqual([]);
    const households = Array.from({ length: 1000 }, () => household("3.40828E+15"));
    const f = loadWith({ households });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      ruleId: "data.invalid-field",
      entity: { collection: "households", id: "*" },
      field: "id",
      source: { file: "households.csv", line: compliantCounty().households.length + 2 },
    });
    expect(f[0]!.message.zh).toBe(
      "贫困户表“户编号”列的编号被电子表格软件改成了科学计数法或截断（如3.40828E+15，共1000行），请将该列设为文本格式后重新导出。",
    );
    expect(f[0]!.message.en).toContain("format the column as text and export it again");
  });

  it("finds 16-digit ids cut to 15 digits once, and no cascade into the rows that name them", () => {
    expect(excel(real(0))).toBe("3408281002010000");
    const ids = Array.from({ length: 1000 }, (_, i) => real(i));
    const helper = staff(ID.provinceUnit, "helper");
    const f = loadWith({
      households: ids.map((id) => household(excel(id))),
      // the assignments and visits were typed as text: they name the real ids
      householdAssignments: ids.map((householdId) => ({
        householdId,
        personId: helper,
        startDate: "2014-08-01",
        recordedInRegister: true,
        recordedInHandbook: true,
      })),
      visits: ids.map((householdId) => ({
        personId: helper,
        date: "2015-03-01",
        kind: "household_visit",
        villageId: ID.v1,
        householdId,
      })),
    });
    expect(f.map((x) => [x.ruleId, x.entity.collection, x.field])).toEqual([
      ["data.invalid-field", "households", "id"],
    ]);
    expect(f[0]!.message.zh).toContain("（如3408281002010000，共1000行）");
  });

  it("finds a mangled reference column once, whatever its rows happen to name", () => {
    const helper = staff(ID.provinceUnit, "helper");
    const households = Array.from({ length: 30 }, (_, i) => household(real(i)));
    const visits = households.map((h) => ({
      personId: helper,
      date: "2015-03-01",
      kind: "household_visit",
      villageId: ID.v1,
      householdId: excel(h.id),
    }));
    const f = loadWith({ households, visits }).filter((x) => x.ruleId.startsWith("data."));
    expect(f.map((x) => [x.ruleId, x.entity.collection, x.field, x.message.zh])).toEqual([
      [
        "data.invalid-field",
        "visits",
        "householdId",
        "走访调研表“户编号”列的编号被电子表格软件改成了科学计数法或截断（如3408281002010000，共30行），请将该列设为文本格式后重新导出。",
      ],
    ]);
  });

  it("finds ID numbers cut to 15 digits once, not as a thousand check-digit errors", () => {
    const d = compliantCounty();
    const people = Array.from({ length: 1000 }, (_, i) => {
      const idNumber = makeIdNumber("340828", "1990-01-01", i % 1000);
      return {
        id: `X-${i}`,
        name: "某",
        role: "village_cadre",
        villageId: ID.v1,
        idNumber: excel(idNumber.replace("X", "0")),
      };
    });
    const f = loadWith({ people });
    expect(f.map((x) => [x.ruleId, x.entity.collection, x.field])).toEqual([
      ["data.invalid-field", "people", "idNumber"],
    ]);
    expect(f[0]!.message.zh).toContain("列的身份证号被电子表格软件改成了科学计数法或截断");
    expect(d.people.length).toBeGreaterThan(0);
  });

  it("does not take real long ids for cut ones", () => {
    // Real 16- and 18-digit ids: one in ten ends in 0, one in a thousand in 000.
    const households = Array.from({ length: 200 }, (_, i) => household(real(i)));
    const people = Array.from({ length: 30 }, (_, i) => ({
      id: makeIdNumber("340828", "1990-01-01", i * 37),
      name: "某",
      role: "village_cadre",
      villageId: ID.v1,
    }));
    people.push({ ...people[0]!, id: "340828199001011000" });
    const data = (f: Finding[]) => f.filter((x) => x.ruleId.startsWith("data."));
    expect(data(loadWith({ households, people }))).toEqual([]);
    // Two rows with one long id in a real column are still a duplicate, found as ever.
    const twice = [...households, household(real(9))];
    expect(data(loadWith({ households: twice })).map((x) => [x.ruleId, x.entity.id])).toEqual([
      ["data.duplicate-id", real(9)],
    ]);
  });
});
