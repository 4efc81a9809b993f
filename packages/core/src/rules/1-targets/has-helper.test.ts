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
    expect(f[0]!.message.zh).toContain("张一");
    expect(f[0]!.message.en).toContain(ID.h1);
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

  it("leaves out a household that exited poverty on or before asOf", () => {
    const d = compliantCounty();
    d.householdAssignments = d.householdAssignments.filter((a) => a.householdId !== ID.h1);
    byId(d.households, ID.h1).exitedPovertyOn = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
    byId(d.households, ID.h1).exitedPovertyOn = "2018-07-21"; // later than asOf: counts as absent
    expect(hits(rule, d)).toEqual([[ID.h1]]);
  });
});
