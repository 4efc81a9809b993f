import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { unitEligibleLevel as rule } from "./eligible-level.js";

const contractOf = (d: ReturnType<typeof compliantCounty>, unitId: string) =>
  d.villageAssignments.find((a) => a.unitId === unitId)!;

describe("unit.eligible-level", () => {
  it("passes when every contracting unit is a province, city or county unit", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a unit of level other that contracts a village, naming its villages", () => {
    const d = compliantCounty();
    byId(d.units, ID.countyUnit).level = "other";
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related])).toEqual([
      [{ collection: "units", id: ID.countyUnit }, undefined],
    ]);
    expect(f[0]!.message.zh).toContain("怀宁县教育局（U-N1）的单位层级为其他");
    expect(f[0]!.message.zh).toContain("截至2018年7月20日仍包扶查湾村（340822100201）");
    expect(f[0]!.message.en).toContain("level other");
  });

  it("flags it from its contract's start on asOf, not before", () => {
    const d = compliantCounty();
    byId(d.units, ID.countyUnit).level = "other";
    contractOf(d, ID.countyUnit).startDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([]);
    contractOf(d, ID.countyUnit).startDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([[ID.countyUnit]]);
  });

  it("leaves out a unit of level other that contracts no village", () => {
    const d = compliantCounty();
    d.units.push({ id: "U-X", name: "某公司", category: "other", level: "other", staffSize: 5 });
    expect(hits(rule, d)).toEqual([]);
  });

  it("says nothing about a unit whose level, or its only contract's dates, are broken", () => {
    const d = compliantCounty();
    (byId(d.units, ID.countyUnit) as { level: string }).level = "township";
    expect(hits(rule, d)).toEqual([]);
    const e = compliantCounty();
    byId(e.units, ID.countyUnit).level = "other";
    contractOf(e, ID.countyUnit).endDate = "2014-07-14"; // before its start: data.date-order
    expect(hits(rule, e)).toEqual([]);
  });
});
