import { describe, expect, it } from "vitest";
import type { Dataset } from "../../schema/collections.js";
import { byId, compliantCounty, HELPER_START, ID, staff } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { householdVerifiedBeforePairing as rule } from "./verified-before-pairing.js";

/** The fixture's households of poor villages were verified on 2014-07-25, paired on 2014-08-01. */
const VERIFIED_ON = "2014-07-25";
const helperRow = (d: Dataset, householdId: string) =>
  d.householdAssignments.find((a) => a.householdId === householdId)!;

describe("household.verified-before-pairing", () => {
  it("passes when every household was verified before it was paired", () => {
    const d = compliantCounty();
    expect(byId(d.households, ID.h1).verifiedOn).toBe(VERIFIED_ON);
    expect(helperRow(d, ID.h1).startDate).toBe(HELPER_START);
    expect(hits(rule, d)).toEqual([]);
  });

  it("passes a helper row starting on the day of verification, flags the day before", () => {
    const d = compliantCounty();
    helperRow(d, ID.h1).startDate = VERIFIED_ON;
    expect(hits(rule, d)).toEqual([]);
    helperRow(d, ID.h1).startDate = "2014-07-24";
    const f = findingsOf(rule, d);
    expect(hits(rule, d)).toEqual([[ID.h1, staff(ID.provinceUnit, "helper")]]);
    expect(f[0]!.severity).toBe("error");
    expect(f[0]!.message.zh).toBe(
      "天堂镇天堂村贫困户张一（户编号：H-1）于2014年7月25日经驻村帮扶干部核实，而帮扶责任人U-P1干部（U-P1-helper）的结对帮扶始于2014年7月24日，早于核实日期。" +
        "原文：“经驻村干部核实后,由包村帮扶单位负责组织本单位干部职工进行结对帮扶”。",
    );
    expect(f[0]!.message.en).toContain("2014-07-24");
    expect(f[0]!.message.en).toContain("U-P1干部 (U-P1-helper)");
  });

  it("judges the earliest row, current or ended, and names its helper", () => {
    const d = compliantCounty();
    d.householdAssignments.push({
      ...helperRow(d, ID.h3),
      personId: staff(ID.cityUnit, "deputy"),
      startDate: "2014-07-01",
      endDate: HELPER_START,
    });
    expect(hits(rule, d)).toEqual([[ID.h3, staff(ID.cityUnit, "deputy")]]);
  });

  it("names every helper of the earliest rows when several start that day", () => {
    const d = compliantCounty();
    helperRow(d, ID.h3).startDate = "2014-07-24";
    d.householdAssignments.push({
      ...helperRow(d, ID.h3),
      personId: staff(ID.cityUnit, "deputy"),
      endDate: HELPER_START,
    });
    d.householdAssignments.push({
      ...helperRow(d, ID.h3),
      personId: staff(ID.cityUnit, "principal"),
      startDate: "2014-07-23",
      endDate: "2014-07-24",
    });
    expect(hits(rule, d)).toEqual([[ID.h3, staff(ID.cityUnit, "principal")]]);
    d.householdAssignments.at(-1)!.startDate = "2014-07-24";
    expect(hits(rule, d)).toEqual([
      [
        ID.h3,
        staff(ID.cityUnit, "deputy"),
        staff(ID.cityUnit, "helper"),
        staff(ID.cityUnit, "principal"),
      ],
    ]);
  });

  it("leaves out households of non-poor villages, households without a verification date, and unpaired households", () => {
    const d = compliantCounty();
    byId(d.households, ID.h5).verifiedOn = "2014-09-01"; // 城西村 is not poor
    delete byId(d.households, ID.h1).verifiedOn;
    helperRow(d, ID.h1).startDate = "2014-07-01";
    d.householdAssignments = d.householdAssignments.filter((a) => a.householdId !== ID.h3);
    expect(hits(rule, d)).toEqual([]);
  });

  it("still checks a household of a poor village that has exited", () => {
    const d = compliantCounty();
    byId(d.villages, ID.v1).exitedPovertyOn = "2018-01-01";
    helperRow(d, ID.h1).startDate = "2014-07-24";
    expect(hits(rule, d)).toEqual([[ID.h1, staff(ID.provinceUnit, "helper")]]);
  });

  it("says nothing when the verification date or a row's start is broken", () => {
    const late = compliantCounty();
    byId(late.households, ID.h1).verifiedOn = "2018-07-21"; // after asOf: data.date-order
    expect(hits(rule, late)).toEqual([]);

    const bad = compliantCounty();
    helperRow(bad, ID.h1).startDate = "2014-07-24";
    bad.householdAssignments.push({
      ...helperRow(bad, ID.h1),
      personId: staff(ID.provinceUnit, "deputy"),
      startDate: "2014-13-01", // not a date: data.invalid-field
    });
    expect(hits(rule, bad)).toEqual([]);
  });

  it("still judges the dates when the earliest row's helper names nobody, without naming one", () => {
    const d = compliantCounty();
    helperRow(d, ID.h1).startDate = "2014-07-24";
    helperRow(d, ID.h1).personId = "P-NOBODY";
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related])).toEqual([[ID.h1, undefined]]);
    expect(f[0]!.message.zh).toContain("首次结对帮扶始于2014年7月24日");
  });
});
