import { describe, expect, it } from "vitest";
import { compliantCounty, ID, staff } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { householdHelperRecorded as rule } from "./helper-recorded.js";

describe("household.helper-recorded", () => {
  it("passes when every current helper is recorded in both forms", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a helper missing from the register, naming the household and the helper", () => {
    const d = compliantCounty();
    d.householdAssignments[0]!.recordedInRegister = false;
    const f = findingsOf(rule, d);
    expect(hits(rule, d)).toEqual([[ID.h1, staff(ID.provinceUnit, "helper")]]);
    expect(f[0]!.message.zh).toBe(
      "天堂镇天堂村贫困户张一（户编号：H-1）的帮扶责任人U-P1干部（U-P1-helper）未填入《贫困户登记表》。" +
        "原文：“帮扶责任人的基本情况要分别填写到国家统一印制的《贫困户登记表》和《扶贫手册》”。",
    );
    expect(f[0]!.message.en).toContain(
      "not recorded in the household register (《贫困户登记表》) (",
    );
  });

  it("flags a helper missing from the handbook, or from both", () => {
    const d = compliantCounty();
    d.householdAssignments[0]!.recordedInHandbook = false;
    expect(hits(rule, d)).toEqual([[ID.h1, staff(ID.provinceUnit, "helper")]]);
    d.householdAssignments[0]!.recordedInRegister = false;
    expect(findingsOf(rule, d)[0]!.message.zh).toContain("未填入《贫困户登记表》和《扶贫手册》。");
  });

  it("says nothing of a row whose record flag is broken", () => {
    const d = compliantCounty();
    (d.householdAssignments[0] as { recordedInRegister: unknown }).recordedInRegister = "maybe";
    expect(hits(rule, d)).toEqual([]);
  });

  it("checks only current assignments", () => {
    const d = compliantCounty();
    d.householdAssignments[0]!.recordedInHandbook = false;
    d.householdAssignments[0]!.endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
    d.householdAssignments[0]!.endDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([[ID.h1, staff(ID.provinceUnit, "helper")]]);
    delete d.householdAssignments[0]!.endDate;
    d.householdAssignments[0]!.startDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([]);
  });
});
