import { describe, expect, it } from "vitest";
import { byId, CONTRACT_START, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { provinceUnitCoversDesignatedCounty as rule } from "./covers-designated-county.js";

const contractOf = (d: ReturnType<typeof compliantCounty>, unitId: string) =>
  d.villageAssignments.find((a) => a.unitId === unitId)!;

describe("province-unit.covers-designated-county", () => {
  it("passes when the province unit contracts a poor village of its designated county", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a province unit with no poor village in its designated county", () => {
    const d = compliantCounty();
    byId(d.units, ID.provinceUnit).designatedCountyId = ID.otherCounty;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related])).toEqual([
      [{ collection: "units", id: ID.provinceUnit }, undefined],
    ]);
    expect(f[0]!.message.zh).toContain(
      "省直定点帮扶单位省扶贫办（U-P1）的定点帮扶县为怀宁县（340822），截至2018年7月20日未在该县包扶贫困村",
    );
    expect(f[0]!.message.zh).toContain("所包扶的天堂村（340828100201）");
    d.villageAssignments.push({
      villageId: ID.v4,
      unitId: ID.provinceUnit,
      startDate: CONTRACT_START,
    });
    expect(hits(rule, d)).toEqual([]);
  });

  it("flags it once its contract ended on asOf, not while the end is after asOf", () => {
    const d = compliantCounty();
    contractOf(d, ID.provinceUnit).endDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([]);
    contractOf(d, ID.provinceUnit).endDate = "2018-07-20";
    const f = findingsOf(rule, d);
    expect(f.map((x) => x.entity.id)).toEqual([ID.provinceUnit]);
    expect(f[0]!.message.zh).toContain("截至2018年7月20日未包扶任何村");
  });

  it("does not count a village that is not poor, but counts a contracted village that exited", () => {
    const d = compliantCounty();
    byId(d.villages, ID.v1).exitedPovertyOn = "2018-01-01";
    expect(hits(rule, d)).toEqual([]);
    contractOf(d, ID.provinceUnit).villageId = ID.v3;
    expect(hits(rule, d)).toEqual([[ID.provinceUnit]]);
  });

  it("leaves out units without a designated county, and units that are not of the province", () => {
    const d = compliantCounty();
    delete byId(d.units, ID.provinceUnit).designatedCountyId;
    byId(d.units, ID.cityUnit).designatedCountyId = ID.otherCounty;
    expect(hits(rule, d)).toEqual([]);
  });

  it("says nothing when a broken contract row or village might be the missing contract", () => {
    const end = compliantCounty();
    contractOf(end, ID.provinceUnit).endDate = "2014-07-14"; // before its start
    expect(hits(rule, end)).toEqual([]);
    const village = compliantCounty();
    contractOf(village, ID.provinceUnit).villageId = "340828100299"; // names no village
    expect(hits(rule, village)).toEqual([]);
    const poor = compliantCounty();
    (byId(poor.villages, ID.v1) as { isPoor: unknown }).isPoor = "unknown";
    expect(hits(rule, poor)).toEqual([]);
    const county = compliantCounty();
    byId(county.units, ID.provinceUnit).designatedCountyId = "349999"; // names no county
    expect(hits(rule, county)).toEqual([]);
  });
});
