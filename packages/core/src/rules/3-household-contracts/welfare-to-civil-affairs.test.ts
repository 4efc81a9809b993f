import { describe, expect, it } from "vitest";
import type { Dataset } from "../../schema/collections.js";
import { byId, compliantCounty, ID, staff, villageCadre } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { householdWelfareToCivilAffairs as rule } from "./welfare-to-civil-affairs.js";

const helpH2 = (d: Dataset, personId: string) => {
  d.householdAssignments.find((a) => a.householdId === ID.h2)!.personId = personId;
};

describe("household.welfare-to-civil-affairs", () => {
  it("passes a wubao household helped by its township's civil-affairs officer", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("passes a wubao household helped by a village cadre of its village", () => {
    const d = compliantCounty();
    helpH2(d, villageCadre(ID.v1));
    expect(hits(rule, d)).toEqual([]);
  });

  it("flags a wubao household helped by unit staff", () => {
    const d = compliantCounty();
    helpH2(d, staff(ID.provinceUnit, "helper"));
    const f = findingsOf(rule, d);
    expect(hits(rule, d)).toEqual([[ID.h2, staff(ID.provinceUnit, "helper")]]);
    expect(f[0]!.severity).toBe("warning");
    expect(f[0]!.message.zh).toBe(
      "天堂镇天堂村贫困户李二（户编号：H-2）是五保户，其帮扶责任人U-P1干部（U-P1-helper）是省扶贫办（U-P1）的干部职工，不是所在乡（镇）的民政委员或本村村干部。" +
        "原文：“贫困户中的五保户和无劳动能力的低保户原则上由所在乡(镇)的民政委员和村干部联系”。",
    );
    expect(f[0]!.message.en).toContain("household 李二 (H-2) of 天堂村, a wubao household");
  });

  it("flags a wubao household helped by an ordinary township cadre", () => {
    const d = compliantCounty();
    helpH2(d, ID.keyTownshipCadre);
    expect(hits(rule, d)).toEqual([[ID.h2, ID.keyTownshipCadre]]);
  });

  it("flags another township's civil-affairs officer, another village's cadre, a college official", () => {
    for (const helper of [ID.otherCivilAffairs, villageCadre(ID.v2), ID.collegeOfficialV1]) {
      const d = compliantCounty();
      helpH2(d, helper);
      expect(hits(rule, d)).toEqual([[ID.h2, helper]]);
    }
  });

  it("takes a dibao household without labour capacity as a welfare household", () => {
    const d = compliantCounty();
    expect(hits(rule, d)).toEqual([]);
    byId(d.households, ID.h4).hasLaborCapacity = false;
    expect(hits(rule, d)).toEqual([[ID.h4, staff(ID.countyUnit, "helper")]]);
    expect(findingsOf(rule, d)[0]!.message.zh).toContain("是无劳动能力的低保户");
  });

  it("does not judge a dibao household whose labour capacity is broken, nor a helper of unknown township", () => {
    const d = compliantCounty();
    (byId(d.households, ID.h4) as { hasLaborCapacity: unknown }).hasLaborCapacity = "maybe";
    helpH2(d, ID.keyTownshipCadre);
    byId(d.people, ID.keyTownshipCadre).townshipId = "T-NOWHERE";
    expect(hits(rule, d)).toEqual([]);
  });

  it("checks only current helpers", () => {
    const d = compliantCounty();
    const row = d.householdAssignments.find((a) => a.householdId === ID.h2)!;
    d.householdAssignments.push({ ...row, personId: ID.keyTownshipCadre, endDate: "2018-07-20" });
    expect(hits(rule, d)).toEqual([]);
  });
});
