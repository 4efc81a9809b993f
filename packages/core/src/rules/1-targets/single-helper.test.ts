import { describe, expect, it } from "vitest";
import { compliantCounty, HELPER_START, ID, staff } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { householdSingleHelper as rule } from "./single-helper.js";

const deputy = staff(ID.provinceUnit, "deputy");
const helper = staff(ID.provinceUnit, "helper");

function withSecondHelper(startDate: string, personId = deputy) {
  const d = compliantCounty();
  d.householdAssignments.push({
    householdId: ID.h1,
    personId,
    startDate,
    recordedInRegister: true,
    recordedInHandbook: true,
  });
  return d;
}

describe("household.single-helper", () => {
  it("passes when every household has one current helper", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a household with two current helpers, naming both", () => {
    const f = findingsOf(rule, withSecondHelper(HELPER_START));
    expect(f.map((x) => x.entity)).toEqual([{ collection: "households", id: ID.h1 }]);
    expect(f[0]!.related).toEqual([
      { collection: "people", id: deputy },
      { collection: "people", id: helper },
    ]);
    expect(f[0]!.message.zh).toBe(
      `截至2018年7月20日，天堂镇天堂村贫困户张一（户编号：H-1）有2名帮扶责任人：U-P1副主任（${deputy}）、U-P1干部（${helper}）。原文：“都确定一名帮扶责任人”。`,
    );
    expect(f[0]!.message.en).toContain(`U-P1副主任 (${deputy}), U-P1干部 (${helper})`);
  });

  it("flags a second helper from asOf, not from the day after", () => {
    expect(hits(rule, withSecondHelper("2018-07-20"))).toEqual([[ID.h1, deputy, helper]]);
    expect(hits(rule, withSecondHelper("2018-07-21"))).toEqual([]);
  });

  it("passes a hand-over: the first helper's row ends on the day the second starts", () => {
    const d = withSecondHelper("2018-07-20");
    d.householdAssignments.find((a) => a.personId === helper)!.endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
  });

  it("says nothing of a second row whose helper names nobody or whose dates are broken", () => {
    expect(hits(rule, withSecondHelper(HELPER_START, "P-NOBODY"))).toEqual([]);
    const d = withSecondHelper(HELPER_START);
    d.householdAssignments.at(-1)!.endDate = "2014-07-31"; // before its start: data.date-order
    expect(hits(rule, d)).toEqual([]);
  });

  it("counts two current rows of the same person as one helper", () => {
    expect(hits(rule, withSecondHelper(HELPER_START, helper))).toEqual([]);
  });
});
