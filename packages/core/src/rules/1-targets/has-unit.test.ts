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
    expect(f[0]!.message.zh).toContain("天堂村");
    expect(f[0]!.message.en).toContain(ID.v1);
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
