import { describe, expect, it } from "vitest";
import type { Dataset } from "../../schema/collections.js";
import { byId, compliantCounty, ID, staff } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { householdVerifiedByResidentCadre as rule } from "./verified-by-resident-cadre.js";

/** The fixture's households of 天堂村 (h1, h2) were verified on 2014-07-25 by U-P1's cadre. */
const VERIFIED_ON = "2014-07-25";
const cadreRow = (d: Dataset) => d.residentCadres.find((r) => r.villageId === ID.v1)!;

describe("household.verified-by-resident-cadre", () => {
  it("passes when every poor village's household was verified by its resident cadre", () => {
    expect(byId(compliantCounty().households, ID.h1).verifiedOn).toBe(VERIFIED_ON);
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a household of a poor village without a verifier", () => {
    const d = compliantCounty();
    delete byId(d.households, ID.h1).verifiedById;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related])).toEqual([
      [{ collection: "households", id: ID.h1 }, undefined],
    ]);
    expect(f[0]!.message.zh).toBe(
      "天堂镇天堂村贫困户张一（户编号：H-1）没有核实人记录。原文：“贫困村的贫困户,经驻村干部核实后”。",
    );
    expect(f[0]!.message.en).toContain("No verifier is on record for household 张一 (H-1)");
  });

  it("passes a verifier whose resident-cadre row starts on the day of verification, not the day after", () => {
    const d = compliantCounty();
    cadreRow(d).selectedOn = VERIFIED_ON;
    expect(hits(rule, d)).toEqual([]);
    cadreRow(d).selectedOn = "2014-07-26";
    expect(hits(rule, d)).toEqual([[ID.h1], [ID.h2]]);
    const f = findingsOf(rule, d);
    expect(f[0]!.message.zh).toBe(
      "天堂镇天堂村贫困户张一（户编号：H-1）于2014年7月25日由U-P1驻村干部（U-P1-cadre）核实，当日其不是该村的驻村帮扶干部（其在该村的驻村记录：2014年7月26日起）。原文：“贫困村的贫困户,经驻村干部核实后”。",
    );
    expect(f[0]!.message.en).toContain("from 2014-07-26");
  });

  it("fails a verifier whose row ended on the day of verification, passes one ended the day after", () => {
    const d = compliantCounty();
    cadreRow(d).endDate = VERIFIED_ON;
    expect(hits(rule, d)).toEqual([[ID.h1], [ID.h2]]);
    expect(findingsOf(rule, d)[0]!.message.zh).toContain("2014年7月20日起，2014年7月25日结束");
    cadreRow(d).endDate = "2014-07-26";
    expect(hits(rule, d)).toEqual([]);
  });

  it("accepts a row of any unit of the village in force on the day", () => {
    const d = compliantCounty();
    d.residentCadres.push({
      personId: staff(ID.cityUnit, "helper"),
      villageId: ID.v1,
      unitId: ID.cityUnit,
      selectedOn: "2014-07-01",
      endDate: "2014-08-01",
    });
    byId(d.households, ID.h1).verifiedById = staff(ID.cityUnit, "helper");
    expect(hits(rule, d)).toEqual([]);
    byId(d.households, ID.h1).verifiedOn = "2014-08-01";
    expect(hits(rule, d)).toEqual([[ID.h1]]);
  });

  it("without a verification date, accepts any row of the village, current or past", () => {
    const d = compliantCounty();
    d.residentCadres.push({
      ...cadreRow(d),
      personId: staff(ID.provinceUnit, "helper"),
      endDate: "2015-01-01",
    });
    byId(d.households, ID.h1).verifiedById = staff(ID.provinceUnit, "helper");
    delete byId(d.households, ID.h1).verifiedOn;
    expect(hits(rule, d)).toEqual([]);
  });

  it("flags a verifier who never was a resident cadre of the village", () => {
    const d = compliantCounty();
    byId(d.households, ID.h1).verifiedById = staff(ID.provinceUnit, "helper");
    byId(d.households, ID.h3).verifiedById = staff(ID.provinceUnit, "cadre"); // 天堂村's, not 莲塘村's
    delete byId(d.households, ID.h3).verifiedOn;
    const f = findingsOf(rule, d);
    expect(hits(rule, d)).toEqual([[ID.h1], [ID.h3]]);
    expect(f[0]!.message.zh).toContain("U-P1干部（U-P1-helper）核实");
    expect(f[0]!.message.zh).toContain("其从未担任该村的驻村帮扶干部");
    expect(f[1]!.message.zh).toBe(
      "天堂镇莲塘村贫困户王三（户编号：H-3）的核实人U-P1驻村干部（U-P1-cadre）从未担任该村的驻村帮扶干部。原文：“贫困村的贫困户,经驻村干部核实后”。",
    );
  });

  it("leaves out households of non-poor villages, and still checks an exited poor village", () => {
    const d = compliantCounty();
    expect(byId(d.households, ID.h5).verifiedById).toBeUndefined();
    byId(d.villages, ID.v1).exitedPovertyOn = "2018-01-01";
    delete byId(d.households, ID.h2).verifiedById;
    expect(hits(rule, d)).toEqual([[ID.h2]]);
  });

  it("says nothing when the verifier or the verification date is broken", () => {
    const d = compliantCounty();
    byId(d.households, ID.h1).verifiedById = "P-NOBODY";
    byId(d.households, ID.h2).verifiedOn = "2018-07-21"; // after asOf: data.date-order
    expect(hits(rule, d)).toEqual([]);
  });

  it("says nothing when the verifier's row of the village cannot be placed in time", () => {
    const d = compliantCounty();
    cadreRow(d).endDate = "2014-07-19"; // before its start: data.date-order
    expect(hits(rule, d)).toEqual([]);
  });
});
