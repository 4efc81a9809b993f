import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { provinceUnitPreferPairedVillage as rule } from "./prefer-paired-village.js";

describe("province-unit.prefer-paired-village", () => {
  it("passes when the province unit contracts its paired poor village", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("warns when the paired poor village is contracted by another unit, naming it", () => {
    const d = compliantCounty();
    byId(d.units, ID.provinceUnit).pairedVillageId = ID.v2;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related, x.severity])).toEqual([
      [
        { collection: "units", id: ID.provinceUnit },
        [{ collection: "villages", id: ID.v2 }],
        "warning",
      ],
    ]);
    expect(f[0]!.message.zh).toContain("莲塘村(340828100202)");
  });

  it("warns once the contract with the paired village ended on asOf", () => {
    const d = compliantCounty();
    d.villageAssignments.find((a) => a.unitId === ID.provinceUnit)!.endDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([]);
    d.villageAssignments.find((a) => a.unitId === ID.provinceUnit)!.endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([[ID.provinceUnit, ID.v1]]);
  });

  it("leaves out a paired village that is not poor or has exited by asOf", () => {
    const d = compliantCounty();
    byId(d.units, ID.provinceUnit).pairedVillageId = ID.v3;
    expect(hits(rule, d)).toEqual([]);
    byId(d.units, ID.provinceUnit).pairedVillageId = ID.v2;
    byId(d.villages, ID.v2).exitedPovertyOn = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
    byId(d.villages, ID.v2).exitedPovertyOn = "2018-07-21"; // later than asOf: counts as absent
    expect(hits(rule, d)).toEqual([[ID.provinceUnit, ID.v2]]);
  });

  it("leaves out units that are not of the province", () => {
    const d = compliantCounty();
    byId(d.units, ID.cityUnit).pairedVillageId = ID.v4;
    expect(hits(rule, d)).toEqual([]);
  });
});
