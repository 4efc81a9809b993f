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
    expect(f[0]!.message.zh).toContain("省扶贫办(U-P1)");
    expect(f[0]!.message.zh).toContain("怀宁县(340822)");
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
    expect(hits(rule, d)).toEqual([[ID.provinceUnit]]);
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
});
