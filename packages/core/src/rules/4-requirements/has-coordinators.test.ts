import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID, staff, villageCadre } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { villageHasCoordinators as rule } from "./has-coordinators.js";

const fields = (d: ReturnType<typeof compliantCounty>) =>
  findingsOf(rule, d).map((x) => [x.entity.id, x.field, x.related]);

describe("village.has-coordinators", () => {
  it("passes when every contracted village names its own village cadre and a township cadre of its township", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a contracted village without a village coordinator", () => {
    const d = compliantCounty();
    delete byId(d.villages, ID.v1).coordinatorId;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.field, x.severity])).toEqual([
      [{ collection: "villages", id: ID.v1 }, "coordinatorId", "error"],
    ]);
    expect(f[0]!.message.zh).toContain("天堂村");
    expect(f[0]!.message.zh).toContain("未指定村协调人");
  });

  it("flags a missing township coordinator, and both missing, one finding per coordinator", () => {
    const d = compliantCounty();
    delete byId(d.villages, ID.v2).townshipCoordinatorId;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.field])).toEqual([[ID.v2, "townshipCoordinatorId"]]);
    expect(f[0]!.message.zh).toContain("未指定乡（镇）协调人");
    expect(f[0]!.message.en).toContain("township coordinator");
    delete byId(d.villages, ID.v2).coordinatorId;
    expect(fields(d)).toEqual([
      [ID.v2, "coordinatorId", undefined],
      [ID.v2, "townshipCoordinatorId", undefined],
    ]);
  });

  it("flags a village cadre of another village as village coordinator", () => {
    const d = compliantCounty();
    byId(d.villages, ID.v1).coordinatorId = villageCadre(ID.v2);
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.field])).toEqual([[ID.v1, "coordinatorId"]]);
    expect(f[0]!.message.zh).toContain("莲塘村（340828100202）的村干部");
    expect(f[0]!.message.zh).toContain("村干部202（VC-340828100202）");
  });

  it("passes the village's college-graduate village official, and flags another village's", () => {
    const d = compliantCounty();
    byId(d.villages, ID.v1).coordinatorId = ID.collegeOfficialV1;
    expect(hits(rule, d)).toEqual([]);
    byId(d.villages, ID.v2).coordinatorId = ID.collegeOfficialV1;
    expect(fields(d)).toEqual([[ID.v2, "coordinatorId", undefined]]);
    expect(findingsOf(rule, d)[0]!.message.zh).toContain("大学生村官");
  });

  it("flags a unit's staff or a township cadre as village coordinator", () => {
    const d = compliantCounty();
    byId(d.villages, ID.v1).coordinatorId = staff(ID.provinceUnit, "helper");
    byId(d.villages, ID.v2).coordinatorId = ID.keyTownshipCadre;
    expect(fields(d)).toEqual([
      [ID.v1, "coordinatorId", undefined],
      [ID.v2, "coordinatorId", undefined],
    ]);
  });

  it("passes the township's civil-affairs officer, and flags another township's cadre or a village cadre", () => {
    const d = compliantCounty();
    byId(d.villages, ID.v1).townshipCoordinatorId = ID.keyCivilAffairs;
    expect(hits(rule, d)).toEqual([]);
    byId(d.villages, ID.v1).townshipCoordinatorId = ID.otherTownshipCadre;
    byId(d.villages, ID.v2).townshipCoordinatorId = villageCadre(ID.v2);
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.field])).toEqual([
      [ID.v1, "townshipCoordinatorId"],
      [ID.v2, "townshipCoordinatorId"],
    ]);
    expect(f[0]!.message.zh).toContain("高河镇（340822100）的乡（镇）干部");
    expect(f[0]!.message.zh).toContain("天堂镇（340828100）");
  });

  it("says nothing about a coordinator whose reference or role is broken", () => {
    const d = compliantCounty();
    byId(d.villages, ID.v1).coordinatorId = "nobody";
    byId(d.villages, ID.v2).townshipCoordinatorId = "nobody";
    expect(hits(rule, d)).toEqual([]);
    const e = compliantCounty();
    (byId(e.people, villageCadre(ID.v1)) as Record<string, unknown>).role = "elder";
    expect(hits(rule, e)).toEqual([]);
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
