import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { provinceUnitHasDesignatedCounty as rule } from "./has-designated-county.js";

const contractOf = (d: ReturnType<typeof compliantCounty>) =>
  d.villageAssignments.find((a) => a.unitId === ID.provinceUnit)!;

describe("province-unit.has-designated-county", () => {
  it("passes when the contracting province unit has a designated county", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a contracting province unit without a designated county, naming its village", () => {
    const d = compliantCounty();
    delete byId(d.units, ID.provinceUnit).designatedCountyId;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related, x.field])).toEqual([
      [{ collection: "units", id: ID.provinceUnit }, undefined, "designatedCountyId"],
    ]);
    expect(f[0]!.message.zh).toContain(
      "省直单位省扶贫办（U-P1）截至2018年7月20日包扶天堂村（340828100201），但未登记定点帮扶县",
    );
    expect(f[0]!.message.en).toContain("省扶贫办 (U-P1)");
  });

  it("leaves out a province unit whose contract ended on asOf, and city and county units", () => {
    const d = compliantCounty();
    delete byId(d.units, ID.provinceUnit).designatedCountyId;
    contractOf(d).endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
    contractOf(d).endDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([[ID.provinceUnit]]);
    expect(hits(rule, compliantCounty())).toEqual([]); // U-C1 and U-N1 have none either
  });

  it("says nothing when the designated county names no county (a data error)", () => {
    const d = compliantCounty();
    byId(d.units, ID.provinceUnit).designatedCountyId = "999999";
    expect(hits(rule, d)).toEqual([]);
  });

  it("says nothing when the level is broken", () => {
    const d = compliantCounty();
    delete byId(d.units, ID.provinceUnit).designatedCountyId;
    (byId(d.units, ID.provinceUnit) as { level: string }).level = "national";
    expect(hits(rule, d)).toEqual([]);
  });
});
