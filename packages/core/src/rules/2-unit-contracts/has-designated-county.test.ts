import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { provinceUnitHasDesignatedCounty as rule } from "./has-designated-county.js";

describe("province-unit.has-designated-county", () => {
  it("passes when the contracting province unit has a designated county", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a contracting province unit without a designated county", () => {
    const d = compliantCounty();
    delete byId(d.units, ID.provinceUnit).designatedCountyId;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.field])).toEqual([
      [{ collection: "units", id: ID.provinceUnit }, "designatedCountyId"],
    ]);
    expect(f[0]!.message.en).toContain("省扶贫办(U-P1)");
  });

  it("leaves out a province unit whose contract ended on asOf, and city and county units", () => {
    const d = compliantCounty();
    delete byId(d.units, ID.provinceUnit).designatedCountyId;
    d.villageAssignments.find((a) => a.unitId === ID.provinceUnit)!.endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
    d.villageAssignments.find((a) => a.unitId === ID.provinceUnit)!.endDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([[ID.provinceUnit]]);
  });

  it("leaves out a designated county that names no county (a data error)", () => {
    const d = compliantCounty();
    byId(d.units, ID.provinceUnit).designatedCountyId = "999999";
    expect(hits(rule, d)).toEqual([]);
  });
});
