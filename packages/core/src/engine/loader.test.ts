import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compliantCounty, FIXTURE_AS_OF, ID } from "../testing/fixture.js";
import { audit } from "./audit.js";
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
});
