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
    expect(f[0]!.message.zh).toContain("张一(H-1)");
    expect(f[0]!.message.en).toContain("省扶贫办(U-P1)");
  });

  it("passes a township cadre of its township and a village cadre of its village", () => {
    const d = compliantCounty();
    helpH(d, ID.h1, ID.keyTownshipCadre);
    helpH(d, ID.h3, villageCadre(ID.v2));
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
  });

  it("keeps, for an exited village, the units whose contract ended on or after the exit", () => {
    const d = compliantCounty();
    byId(d.villages, ID.v1).exitedPovertyOn = "2017-01-01";
    d.villageAssignments[0]!.endDate = "2017-01-01";
    expect(hits(rule, d)).toEqual([]);
    d.villageAssignments[0]!.endDate = "2016-12-31";
    expect(hits(rule, d)).toEqual([[ID.h1, staff(ID.provinceUnit, "helper")]]);
  });

  it("flags a unit's staff once its contract has ended, while the village has not exited", () => {
    const d = compliantCounty();
    d.villageAssignments[0]!.endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([[ID.h1, staff(ID.provinceUnit, "helper")]]);
  });

  it("passes a non-poor village's household helped by a county-level unit of its county", () => {
    const d = compliantCounty();
    helpH(d, ID.h5, staff(ID.countyUnit, "helper"));
    byId(d.units, ID.countyUnit).countyId = ID.keyCounty;
    expect(hits(rule, d)).toEqual([]);
  });

  it("flags a non-poor village's household helped by a unit of another county or another level", () => {
    const d = compliantCounty();
    helpH(d, ID.h5, staff(ID.countyUnit, "helper"));
    const f = findingsOf(rule, d);
    expect(hits(rule, d)).toEqual([[ID.h5, staff(ID.countyUnit, "helper")]]);
    expect(f[0]!.message.zh).toContain("非贫困村");
    helpH(d, ID.h5, staff(ID.cityUnit, "helper"));
    expect(hits(rule, d)).toEqual([[ID.h5, staff(ID.cityUnit, "helper")]]);
    helpH(d, ID.h5, ID.keyTownshipCadre);
    expect(hits(rule, d)).toEqual([]);
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
});
