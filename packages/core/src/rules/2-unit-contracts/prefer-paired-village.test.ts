import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { provinceUnitPreferPairedVillage as rule } from "./prefer-paired-village.js";

const contractOf = (d: ReturnType<typeof compliantCounty>) =>
  d.villageAssignments.find((a) => a.unitId === ID.provinceUnit)!;

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
    expect(f[0]!.message.zh).toContain(
      "省直单位省扶贫办（U-P1）的结对共建村莲塘村（340828100202）是贫困村，截至2018年7月20日该村由安庆市农委（U-C1）包扶",
    );
    expect(f[0]!.message.zh).toContain("原文：“确定贫困村要尽量与结对共建工作相结合”");
  });

  it("warns once the contract with the paired village ended on asOf", () => {
    const d = compliantCounty();
    contractOf(d).endDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([]);
    contractOf(d).endDate = "2018-07-20";
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id])).toEqual([[ID.provinceUnit, ID.v1]]);
    expect(f[0]!.message.zh).toContain("截至2018年7月20日该村没有包村帮扶单位");
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

  it("says nothing when the pair's contract dates, isPoor or the paired village are broken", () => {
    const end = compliantCounty();
    contractOf(end).endDate = "2014-07-14"; // before its start
    expect(hits(rule, end)).toEqual([]);
    const poor = compliantCounty();
    contractOf(poor).endDate = "2018-07-20";
    (byId(poor.villages, ID.v1) as { isPoor: unknown }).isPoor = "unknown";
    expect(hits(rule, poor)).toEqual([]);
    const paired = compliantCounty();
    byId(paired.units, ID.provinceUnit).pairedVillageId = "340828100299";
    expect(hits(rule, paired)).toEqual([]);
  });
});
