import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { householdHasHelper as rule } from "./has-helper.js";

const helperRow = (d: ReturnType<typeof compliantCounty>, householdId: string) =>
  d.householdAssignments.find((a) => a.householdId === householdId)!;

describe("household.has-helper", () => {
  it("passes when every household has a current helper", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a household whose only helper's row ended on asOf", () => {
    const d = compliantCounty();
    helperRow(d, ID.h1).endDate = "2018-07-20";
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related])).toEqual([
      [{ collection: "households", id: ID.h1 }, undefined],
    ]);
    expect(f[0]!.message.zh).toBe(
      "截至2018年7月20日，天堂镇天堂村贫困户张一（户编号：H-1）没有帮扶责任人。原文：“都确定一名帮扶责任人”。",
    );
    expect(f[0]!.message.en).toContain("household 张一 (H-1) of 天堂村");
  });

  it("passes while the helper's row ends after asOf", () => {
    const d = compliantCounty();
    helperRow(d, ID.h1).endDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([]);
  });

  it("flags a household whose helper starts the day after asOf", () => {
    const d = compliantCounty();
    helperRow(d, ID.h1).startDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([[ID.h1]]);
    helperRow(d, ID.h1).startDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
  });

  it("flags a household of a village that is not poor, and one of a village that exited", () => {
    const d = compliantCounty();
    d.householdAssignments = d.householdAssignments.filter(
      (a) => a.householdId !== ID.h5 && a.householdId !== ID.h1,
    );
    byId(d.villages, ID.v1).exitedPovertyOn = "2018-01-01";
    expect(hits(rule, d)).toEqual([[ID.h1], [ID.h5]]);
  });

  it("says nothing about a household whose helper's row cannot be placed in time", () => {
    const d = compliantCounty();
    helperRow(d, ID.h1).endDate = "2014-07-31"; // before its start: data.date-order
    expect(hits(rule, d)).toEqual([]);
  });

  it("counts a current row whose helper names nobody (only the row's existence matters)", () => {
    const d = compliantCounty();
    helperRow(d, ID.h1).personId = "P-NOBODY";
    expect(hits(rule, d)).toEqual([]);
  });

  it("leaves out a household that exited poverty on or before asOf", () => {
    const d = compliantCounty();
    d.householdAssignments = d.householdAssignments.filter((a) => a.householdId !== ID.h1);
    byId(d.households, ID.h1).exitedPovertyOn = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
    byId(d.households, ID.h1).exitedPovertyOn = "2018-07-21"; // later than asOf: counts as absent
    expect(hits(rule, d)).toEqual([[ID.h1]]);
  });
});
