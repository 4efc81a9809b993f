import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { unitHasDeputy as rule } from "./has-deputy.js";

const contractOf = (d: ReturnType<typeof compliantCounty>) =>
  d.villageAssignments.find((a) => a.unitId === ID.cityUnit)!;

describe("unit.has-deputy", () => {
  it("passes when every contracting unit names a deputy", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a contracting unit without a deputy, naming its village", () => {
    const d = compliantCounty();
    delete byId(d.units, ID.cityUnit).deputyId;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related, x.field])).toEqual([
      [{ collection: "units", id: ID.cityUnit }, undefined, "deputyId"],
    ]);
    expect(f[0]!.message.zh).toContain(
      "包村帮扶单位安庆市农委（U-C1）截至2018年7月20日包扶莲塘村（340828100202），未确定分管负责人",
    );
    expect(f[0]!.message.zh).toContain("原文：“包村帮扶单位要确定分管负责人”");
    expect(f[0]!.message.en).toContain("deputy");
  });

  it("leaves out a unit whose contract is no longer current", () => {
    const d = compliantCounty();
    delete byId(d.units, ID.cityUnit).deputyId;
    contractOf(d).endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
    contractOf(d).endDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([[ID.cityUnit]]);
  });

  it("flags from the contract's first day on asOf, not before", () => {
    const d = compliantCounty();
    delete byId(d.units, ID.cityUnit).deputyId;
    contractOf(d).startDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([]);
    contractOf(d).startDate = "2018-07-20";
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

  it("says nothing when the deputy names nobody, or the only contract's village is broken", () => {
    const d = compliantCounty();
    byId(d.units, ID.cityUnit).deputyId = "nobody";
    expect(hits(rule, d)).toEqual([]);
    const e = compliantCounty();
    delete byId(e.units, ID.cityUnit).deputyId;
    contractOf(e).villageId = "340828100299";
    expect(hits(rule, e)).toEqual([]);
  });
});
