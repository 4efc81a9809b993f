import { describe, expect, it } from "vitest";
import { audit } from "../audit.js";
import type { Dataset } from "../schema/collections.js";
import {
  byId,
  compliantCounty,
  FIXTURE_AS_OF,
  ID,
  staff,
  villageCadre,
} from "../testing/fixture.js";
import { planHouseholdHelpers } from "./assign-households.js";
import { applyPlan, planAssignments } from "./plan-assignments.js";
import { PLANNING_RULE_IDS } from "./planning.js";

const asOf = FIXTURE_AS_OF;
const plan = (d: Dataset, maxHouseholdsPerHelper?: number) =>
  planHouseholdHelpers(d, {
    asOf,
    ...(maxHouseholdsPerHelper === undefined ? {} : { maxHouseholdsPerHelper }),
  });
const helpers = (d: Dataset, max?: number) =>
  plan(d, max).householdAssignments.map((r) => [r.householdId, r.personId]);
const withoutHelpers = (d: Dataset, ...householdIds: string[]) => {
  d.householdAssignments = d.householdAssignments.filter(
    (a) => !householdIds.includes(a.householdId),
  );
  return d;
};
/** Adds `n` general households to a village; returns their ids. */
const addHouseholds = (d: Dataset, villageId: string, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const id = `${villageId}-new${i + 1}`;
    d.households.push({
      id,
      villageId,
      headName: `新户${i + 1}`,
      size: 2,
      attribute: "general",
      hasLaborCapacity: true,
    });
    return id;
  });
/** The dataset with the households' proposed helpers added. */
const completed = (d: Dataset, max?: number) =>
  applyPlan(d, {
    rows: { villageAssignments: [], householdAssignments: plan(d, max).householdAssignments },
    unresolved: [],
  });
const loads = (d: Dataset) => {
  const count = new Map<string, number>();
  for (const a of d.householdAssignments) count.set(a.personId, (count.get(a.personId) ?? 0) + 1);
  return count;
};

describe("planHouseholdHelpers", () => {
  it("re-plans removed helpers: unit staff, civil-affairs officer, township cadre", () => {
    const d = withoutHelpers(compliantCounty(), ID.h1, ID.h2, ID.h3, ID.h4, ID.h5);
    expect(helpers(d)).toEqual([
      [ID.h1, staff(ID.provinceUnit, "principal")],
      [ID.h2, ID.keyCivilAffairs],
      [ID.h3, staff(ID.cityUnit, "principal")],
      [ID.h4, staff(ID.countyUnit, "principal")],
      [ID.h5, ID.keyTownshipCadre],
    ]);
  });

  it("proposes unrecorded rows that start on the planning date, with a reason to sign off", () => {
    const [row] = plan(withoutHelpers(compliantCounty(), ID.h2)).householdAssignments;
    expect(row).toEqual({
      householdId: ID.h2,
      personId: ID.keyCivilAffairs,
      startDate: asOf,
      recordedInRegister: false,
      recordedInHandbook: false,
      because: {
        clause: "三(一)",
        zh: "五保户和无劳动能力的低保户由所在乡（镇）的民政委员或村干部联系：天堂镇（340828100）的民政委员民政委员甲（T-K-civil）。原文：“贫困户中的五保户和无劳动能力的低保户原则上由所在乡(镇)的民政委员和村干部联系”。",
        en: 'Wubao households and dibao households without labour capacity are helped by their township\'s civil-affairs officer or a village cadre: 民政委员甲 (T-K-civil), civil-affairs officer of 天堂镇 (340828100) ("贫困户中的五保户和无劳动能力的低保户原则上由所在乡(镇)的民政委员和村干部联系").',
      },
    });
  });

  it("gives a welfare household to a village cadre when the officer has more households", () => {
    const d = withoutHelpers(compliantCounty(), ID.h2);
    d.householdAssignments.push({ ...d.householdAssignments[0]!, personId: ID.keyCivilAffairs });
    expect(helpers(d)).toEqual([[ID.h2, villageCadre(ID.v1)]]);
  });

  it("spreads a village's households evenly over its unit's staff", () => {
    const d = compliantCounty();
    addHouseholds(d, ID.v1, 8);
    const count = loads(completed(d));
    const staffLoads = (["principal", "deputy", "cadre", "helper"] as const).map(
      (who) => count.get(staff(ID.provinceUnit, who)) ?? 0,
    );
    expect(staffLoads).toEqual([3, 2, 2, 2]);
  });

  it("turns to township and village cadres once every staff member has the maximum", () => {
    const d = compliantCounty();
    const added = addHouseholds(d, ID.v2, 4);
    const result = plan(d, 1);
    expect(result.householdAssignments.map((r) => [r.householdId, r.personId])).toEqual([
      [added[0], staff(ID.cityUnit, "principal")],
      [added[1], staff(ID.cityUnit, "deputy")],
      [added[2], staff(ID.cityUnit, "cadre")],
      [added[3], ID.keyTownshipCadre],
    ]);
    expect(result.householdAssignments[3]!.because.zh).toBe(
      "包村帮扶单位安庆市农委（U-C1）的干部职工均已联系1户，不能全部包扶贫困户，由天堂镇（340828100）的乡（镇）干部乡镇干部甲（T-K-cadre）负责联系。原文：“对包村帮扶单位人员编制少,不能全部包扶贫困户的,由所在乡(镇)、村干部负责联系”。",
    );
    const report = audit(completed(d, 1), { asOf, rules: { only: PLANNING_RULE_IDS } });
    expect(report.findings.filter((f) => f.ruleId.startsWith("household."))).toEqual([]);
  });

  it("gives a household of a poor village without a unit to a local cadre", () => {
    const d = withoutHelpers(compliantCounty(), ID.h4);
    d.villageAssignments = d.villageAssignments.filter((a) => a.villageId !== ID.v4);
    const [row] = plan(d).householdAssignments;
    expect([row!.householdId, row!.personId]).toEqual([ID.h4, ID.otherTownshipCadre]);
    expect(row!.because).toMatchObject({
      zh: "贫困村查湾村（340822100201）尚无包村帮扶单位，暂由高河镇（340822100）的乡（镇）干部乡镇干部乙（T-N-cadre）负责联系。",
      en: "The poor village 查湾村 (340822100201) has no responsible unit yet, so a local cadre helps for now: 乡镇干部乙 (T-N-cadre), township cadre of 高河镇 (340822100).",
    });
  });

  it("says so when a village's unit has no staff at all before turning to a local cadre", () => {
    const d = withoutHelpers(compliantCounty(), ID.h3);
    d.people = d.people.filter((p) => p.unitId !== ID.cityUnit);
    const [row] = plan(d).householdAssignments;
    expect([row!.householdId, row!.personId]).toEqual([ID.h3, ID.keyTownshipCadre]);
    expect(row!.because.zh).toBe(
      "包村帮扶单位安庆市农委（U-C1）没有可以结对帮扶的干部职工，由天堂镇（340828100）的乡（镇）干部乡镇干部甲（T-K-cadre）负责联系。原文：“对包村帮扶单位人员编制少,不能全部包扶贫困户的,由所在乡(镇)、村干部负责联系”。",
    );
  });

  it("sees the village contracts planAssignments proposes", () => {
    const d = withoutHelpers(compliantCounty(), ID.h4);
    d.villageAssignments = d.villageAssignments.filter((a) => a.villageId !== ID.v4);
    const result = planAssignments(d, { asOf });
    expect(result.rows.householdAssignments.map((r) => r.personId)).toEqual([
      staff(ID.countyUnit, "principal"),
    ]);
  });

  it("lists a welfare household with neither a civil-affairs officer nor a village cadre", () => {
    const d = withoutHelpers(compliantCounty(), ID.h2);
    d.people = d.people.filter((p) => p.id !== ID.keyCivilAffairs && p.id !== villageCadre(ID.v1));
    const result = plan(d);
    expect(result.householdAssignments).toEqual([]);
    expect(result.unresolved).toEqual([
      {
        collection: "households",
        id: ID.h2,
        clause: "三(一)",
        reason: {
          zh: "天堂镇（340828100）没有民政委员，天堂村（340828100201）也没有村干部，无法为五保户或无劳动能力的低保户安排帮扶责任人。",
          en: "天堂镇 (340828100) has no civil-affairs officer and 天堂村 (340828100201) no village cadre to help a welfare household.",
        },
      },
    ]);
  });

  it("replaces a helper whose row has ended and skips exited households", () => {
    const d = compliantCounty();
    d.householdAssignments.find((a) => a.householdId === ID.h1)!.endDate = "2018-07-01";
    d.householdAssignments = d.householdAssignments.filter((a) => a.householdId !== ID.h5);
    d.households.find((h) => h.id === ID.h5)!.exitedPovertyOn = "2018-06-30";
    expect(helpers(d)).toEqual([[ID.h1, staff(ID.provinceUnit, "principal")]]);
  });

  it("gives a cadre's household back to unit staff when balancing frees a staff member", () => {
    // Unit A (one staff member, p) contracts X, Y and Z; unit B (staff q) shares X. With at most
    // two households each: X's goes to p, Y's to p, Z's to a cadre; balancing moves X's to q,
    // and Z's then goes back to p.
    const d = compliantCounty();
    const village = (id: string) => ({ id, name: id, townshipId: ID.otherTownship, isPoor: true });
    d.villages.push(village("X"), village("Y"), village("Z"));
    const unit = (id: string) => ({
      id,
      name: id,
      category: "public_institution" as const,
      level: "county" as const,
      cityId: ID.city,
      countyId: ID.otherCounty,
      staffSize: 5,
    });
    d.units.push(unit("A"), unit("B"));
    d.people.push(
      { id: "p", name: "p", role: "unit_staff", unitId: "A" },
      { id: "q", name: "q", role: "unit_staff", unitId: "B" },
    );
    for (const [villageId, unitId] of [
      ["X", "A"],
      ["X", "B"],
      ["Y", "A"],
      ["Z", "A"],
    ] as const)
      d.villageAssignments.push({ villageId, unitId, startDate: "2018-01-01" });
    const [x, y, z] = ["X", "Y", "Z"].map((v) => addHouseholds(d, v, 1)[0]);
    expect(helpers(d, 2)).toEqual([
      [x, "q"],
      [y, "p"],
      [z, "p"],
    ]);
  });

  it("rejects a maximum that is not a whole number of at least 1", () => {
    expect(() => plan(compliantCounty(), 0)).toThrow(/whole number ≥ 1/);
    expect(() => plan(compliantCounty(), 1.5)).toThrow(/maxHouseholdsPerHelper/);
  });

  it("starts a row on the planning date, on or after the household's verification (verified-before-pairing)", () => {
    const d = withoutHelpers(compliantCounty(), ID.h1, ID.h3);
    byId(d.households, ID.h1).verifiedOn = asOf; // verified on the planning date: may be paired
    byId(d.households, ID.h3).verifiedOn = "2018-07-21"; // after it: a data error, absent
    const completedPlan = planAssignments(d, { asOf });
    expect(
      completedPlan.rows.householdAssignments.map((r) => [r.householdId, r.startDate]),
    ).toEqual([
      [ID.h1, asOf],
      [ID.h3, asOf],
    ]);
    const report = audit(applyPlan(d, completedPlan), {
      asOf,
      rules: { only: ["data.date-order", ...PLANNING_RULE_IDS] },
    });
    expect(report.findings.map((f) => [f.ruleId, f.entity.id, f.field])).toEqual([
      ["data.date-order", ID.h3, "verifiedOn"],
    ]);
  });

  it("lists a household a cadre helps while the village's new unit has free staff (unit-staff-first)", () => {
    const d = compliantCounty();
    d.villageAssignments = d.villageAssignments.filter((a) => a.villageId !== ID.v4);
    // 赵四 (H-4, not a welfare household) of 查湾村 is helped by a township cadre: allowed while
    // the village has no unit, not once the plan gives it 怀宁县教育局 with staff who help no one.
    d.householdAssignments.find((a) => a.householdId === ID.h4)!.personId = ID.otherTownshipCadre;
    const result = planAssignments(d, { asOf });
    expect(result.rows.villageAssignments.map((r) => [r.villageId, r.unitId])).toEqual([
      [ID.v4, ID.countyUnit],
    ]);
    expect(result.rows.householdAssignments).toEqual([]);
    expect(result.unresolved).toEqual([
      {
        collection: "households",
        id: ID.h4,
        clause: "三(一)",
        reason: {
          zh: "高河镇查湾村贫困户赵四（户编号：H-4）现由高河镇（340822100）的乡（镇）干部乡镇干部乙（T-N-cadre）联系，而包村帮扶单位尚有未结对帮扶贫困户的干部职工（怀宁县教育局（U-N1）4名），应改由包村帮扶单位干部职工结对帮扶；本计划只增加帮扶关系，不改动现有的帮扶关系。原文：“对包村帮扶单位人员编制少,不能全部包扶贫困户的,由所在乡(镇)、村干部负责联系”。",
          en: 'household 赵四 (H-4) of 查湾村 is helped by 乡镇干部乙 (T-N-cadre), township cadre of 高河镇 (340822100), while the responsible units still have staff who help no household (怀宁县教育局 (U-N1): 4): a staff member should take it over; the plan only adds rows and does not change existing ones ("对包村帮扶单位人员编制少,不能全部包扶贫困户的,由所在乡(镇)、村干部负责联系").',
        },
      },
    ]);
    // the finding the audit gives is the one the plan lists
    const report = audit(applyPlan(d, result), { asOf, rules: { only: PLANNING_RULE_IDS } });
    expect(report.findings.map((f) => [f.ruleId, f.entity.id])).toEqual([
      ["household.unit-staff-first", ID.h4],
    ]);
  });

  it("lists no household when the village's unit has no free staff member", () => {
    const d = compliantCounty();
    d.villageAssignments = d.villageAssignments.filter((a) => a.villageId !== ID.v4);
    d.householdAssignments.find((a) => a.householdId === ID.h4)!.personId = ID.otherTownshipCadre;
    // every staff member of 怀宁县教育局 already helps a household elsewhere
    const added = addHouseholds(d, ID.v3, 4);
    const who = ["principal", "deputy", "cadre", "helper"] as const;
    for (const [i, householdId] of added.entries())
      d.householdAssignments.push({
        householdId,
        personId: staff(ID.countyUnit, who[i]!),
        startDate: "2015-01-01",
        recordedInRegister: true,
        recordedInHandbook: true,
      });
    const result = planAssignments(d, { asOf });
    expect(result.unresolved).toEqual([]);
    const report = audit(applyPlan(d, result), {
      asOf,
      rules: { only: ["household.unit-staff-first"] },
    });
    expect(report.findings).toEqual([]);
  });
});
