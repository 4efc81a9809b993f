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
    expect(f[0]!.message.zh).toContain("李二(H-2)");
    expect(f[0]!.message.en).toContain("李二(H-2)");
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
  });

  it("checks only current helpers", () => {
    const d = compliantCounty();
    const row = d.householdAssignments.find((a) => a.householdId === ID.h2)!;
    d.householdAssignments.push({ ...row, personId: ID.keyTownshipCadre, endDate: "2018-07-20" });
    expect(hits(rule, d)).toEqual([]);
  });
});
