import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { unitHasDeputy as rule } from "./has-deputy.js";

describe("unit.has-deputy", () => {
  it("passes when every contracting unit names a deputy", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a contracting unit without a deputy", () => {
    const d = compliantCounty();
    delete byId(d.units, ID.cityUnit).deputyId;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related])).toEqual([
      [{ collection: "units", id: ID.cityUnit }, undefined],
    ]);
    expect(f[0]!.message.zh).toContain("安庆市农委(U-C1)");
    expect(f[0]!.message.en).toContain("deputy");
  });

  it("leaves out a unit whose contract is no longer current", () => {
    const d = compliantCounty();
    delete byId(d.units, ID.cityUnit).deputyId;
    const contract = d.villageAssignments.find((a) => a.unitId === ID.cityUnit)!;
    contract.endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
    contract.endDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([[ID.cityUnit]]);
  });

  it("leaves out a unit that contracts no village", () => {
    const d = compliantCounty();
    d.units.push({
      id: "U-X",
      name: "无包村单位",
      category: "public_institution",
      level: "county",
      cityId: ID.city,
      countyId: ID.keyCounty,
      staffSize: 5,
    });
    expect(hits(rule, d)).toEqual([]);
  });
});
