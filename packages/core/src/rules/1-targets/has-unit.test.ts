import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { villageHasUnit as rule } from "./has-unit.js";

describe("village.has-unit", () => {
  it("passes when every poor village has a current unit", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a poor village whose only contract ended the day before asOf", () => {
    const d = compliantCounty();
    d.villageAssignments[0]!.endDate = "2018-07-20";
    const f = findingsOf(rule, d);
    expect(f.map((x) => x.entity)).toEqual([{ collection: "villages", id: ID.v1 }]);
    expect(f[0]!.message.zh).toBe(
      `截至2018年7月20日，贫困村天堂村（${ID.v1}）没有包村帮扶单位。原文：“都确定一个定点帮扶责任单位”。`,
    );
    expect(f[0]!.message.en).toContain(`天堂村 (${ID.v1})`);
    expect(f[0]!.message.en).toContain("2018-07-20");
  });

  it("passes while the contract ends after asOf", () => {
    const d = compliantCounty();
    d.villageAssignments[0]!.endDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([]);
  });

  it("flags a poor village whose contract starts after asOf", () => {
    const d = compliantCounty();
    d.villageAssignments[0]!.startDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([[ID.v1]]);
  });

  it("says nothing about a village whose poor flag is broken", () => {
    const d = compliantCounty();
    d.villageAssignments = d.villageAssignments.filter((a) => a.villageId !== ID.v1);
    expect(hits(rule, d)).toEqual([[ID.v1]]);
    (byId(d.villages, ID.v1) as { isPoor: unknown }).isPoor = "maybe";
    expect(hits(rule, d)).toEqual([]);
  });

  it("says nothing about a village whose only contract cannot be placed in time", () => {
    const d = compliantCounty();
    d.villageAssignments[0]!.endDate = "2014-07-14"; // before its start: data.date-order
    expect(hits(rule, d)).toEqual([]);
  });

  it("leaves out a village that has exited poverty, and a village that is not poor", () => {
    const d = compliantCounty();
    d.villageAssignments = d.villageAssignments.filter((a) => a.villageId !== ID.v1);
    byId(d.villages, ID.v1).exitedPovertyOn = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
    byId(d.villages, ID.v1).exitedPovertyOn = "2018-07-21"; // later than asOf: counts as absent
    expect(hits(rule, d)).toEqual([[ID.v1]]);
    byId(d.villages, ID.v1).isPoor = false;
    expect(hits(rule, d)).toEqual([]);
  });
});
