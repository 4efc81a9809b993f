import { describe, expect, it } from "vitest";
import type { Dataset } from "../../schema/collections.js";
import { byId, compliantCounty, ID, staff, villageCadre } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { householdHelperEligible as rule } from "./helper-eligible.js";

const helpH = (d: Dataset, householdId: string, personId: string) => {
  d.householdAssignments.find((a) => a.householdId === householdId)!.personId = personId;
};

describe("household.helper-eligible", () => {
  it("passes when every helper is staff of a contracting unit or a local cadre", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a household of a poor village helped by staff of a unit that does not contract it", () => {
    const d = compliantCounty();
    helpH(d, ID.h1, staff(ID.cityUnit, "helper"));
    const f = findingsOf(rule, d);
    expect(hits(rule, d)).toEqual([[ID.h1, staff(ID.cityUnit, "helper")]]);
    expect(f[0]!.related).toEqual([{ collection: "people", id: staff(ID.cityUnit, "helper") }]);
    expect(f[0]!.message.zh).toBe(
      "天堂镇天堂村贫困户张一（户编号：H-1）的帮扶责任人U-C1干部（U-C1-helper）是安庆市农委（U-C1）的干部职工，" +
        "既不是该村包村帮扶单位省扶贫办（U-P1）的干部职工，也不是所在乡（镇）干部或本村村干部。" +
        "原文：“由包村帮扶单位负责组织本单位干部职工进行结对帮扶”。",
    );
    expect(f[0]!.message.en).toContain("staff of 安庆市农委 (U-C1)");
    expect(f[0]!.message.en).toContain("省扶贫办 (U-P1)");
  });

  it("passes a township cadre of its township and a village cadre of its village", () => {
    const d = compliantCounty();
    helpH(d, ID.h1, ID.keyTownshipCadre);
    helpH(d, ID.h3, villageCadre(ID.v2));
    helpH(d, ID.h4, ID.otherCivilAffairs);
    expect(hits(rule, d)).toEqual([]);
  });

  it("flags a cadre of another township or village, and a college-graduate village official", () => {
    const d = compliantCounty();
    helpH(d, ID.h1, ID.otherTownshipCadre);
    helpH(d, ID.h2, villageCadre(ID.v2));
    helpH(d, ID.h3, ID.collegeOfficialV1);
    expect(hits(rule, d)).toEqual([
      [ID.h1, ID.otherTownshipCadre],
      [ID.h2, villageCadre(ID.v2)],
      [ID.h3, ID.collegeOfficialV1],
    ]);
    expect(findingsOf(rule, d)[2]!.message.zh).toContain("天堂村（340828100201）的大学生村官");
  });

  it("keeps, for an exited village, the units whose contract ended on or after the exit", () => {
    const d = compliantCounty();
    byId(d.villages, ID.v1).exitedPovertyOn = "2017-01-01";
    d.villageAssignments[0]!.endDate = "2017-01-01";
    expect(hits(rule, d)).toEqual([]);
    d.villageAssignments[0]!.endDate = "2016-12-31";
    expect(hits(rule, d)).toEqual([[ID.h1, staff(ID.provinceUnit, "helper")]]);
    expect(findingsOf(rule, d)[0]!.message.zh).toContain("该村没有包村帮扶单位");
  });

  it("flags a unit's staff once its contract has ended, while the village has not exited", () => {
    const d = compliantCounty();
    d.villageAssignments[0]!.endDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([]);
    d.villageAssignments[0]!.endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([[ID.h1, staff(ID.provinceUnit, "helper")]]);
  });

  it("does not check a household of a non-poor village, whoever helps it", () => {
    for (const helper of [
      staff(ID.countyUnit, "helper"),
      staff(ID.cityUnit, "helper"),
      staff(ID.provinceUnit, "helper"),
      ID.otherTownshipCadre,
      villageCadre(ID.v4),
      ID.collegeOfficialV1,
    ]) {
      const d = compliantCounty();
      helpH(d, ID.h5, helper);
      expect(hits(rule, d), helper).toEqual([]);
    }
  });

  it("checks only current helpers", () => {
    const d = compliantCounty();
    const row = d.householdAssignments.find((a) => a.householdId === ID.h1)!;
    d.householdAssignments.push({
      ...row,
      personId: staff(ID.cityUnit, "helper"),
      endDate: "2018-07-20",
    });
    d.householdAssignments.push({
      ...row,
      personId: staff(ID.countyUnit, "helper"),
      startDate: "2018-07-21",
    });
    expect(hits(rule, d)).toEqual([]);
  });

  it("does not judge a helper whose people row names an unknown unit", () => {
    const d = compliantCounty();
    helpH(d, ID.h1, staff(ID.cityUnit, "helper"));
    expect(hits(rule, d)).toEqual([[ID.h1, staff(ID.cityUnit, "helper")]]);
    byId(d.people, staff(ID.cityUnit, "helper")).unitId = "U-NOWHERE";
    expect(hits(rule, d)).toEqual([]);
  });

  it("does not judge a helper whose unit's contract for the village cannot be placed in time", () => {
    const d = compliantCounty();
    d.villageAssignments[0]!.endDate = "2014-07-14"; // before its start: data.date-order
    expect(hits(rule, d)).toEqual([]);
  });

  it("does not judge a household whose village's poor flag is broken", () => {
    const d = compliantCounty();
    helpH(d, ID.h1, staff(ID.cityUnit, "helper"));
    (byId(d.villages, ID.v1) as { isPoor: unknown }).isPoor = "maybe";
    expect(hits(rule, d)).toEqual([]);
  });
});
