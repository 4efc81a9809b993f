import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { villageHasCoordinators as rule } from "./has-coordinators.js";

describe("village.has-coordinators", () => {
  it("passes when every contracted village names both coordinators", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a contracted village without a village coordinator", () => {
    const d = compliantCounty();
    delete byId(d.villages, ID.v1).coordinatorId;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.field])).toEqual([
      [{ collection: "villages", id: ID.v1 }, "coordinatorId"],
    ]);
    expect(f[0]!.message.zh).toContain("天堂村");
    expect(f[0]!.message.zh).toContain("未指定村协调人");
  });

  it("flags a contracted village without a township coordinator, or without either", () => {
    const d = compliantCounty();
    delete byId(d.villages, ID.v2).townshipCoordinatorId;
    let f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.field])).toEqual([[ID.v2, "townshipCoordinatorId"]]);
    expect(f[0]!.message.en).toContain("township coordinator");
    delete byId(d.villages, ID.v2).coordinatorId;
    f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.field])).toEqual([[ID.v2, undefined]]);
    expect(f[0]!.message.en).toContain("neither");
  });

  it("leaves out a village that is not contracted at asOf", () => {
    const d = compliantCounty();
    for (const id of [ID.v1, ID.v3]) {
      delete byId(d.villages, id).coordinatorId;
      delete byId(d.villages, id).townshipCoordinatorId;
    }
    d.villageAssignments.find((a) => a.villageId === ID.v1)!.endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
  });
});
