import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { assignmentNoEarlyExit as rule } from "./no-early-exit.js";

const contractOf = (d: ReturnType<typeof compliantCounty>, villageId: string) =>
  d.villageAssignments.find((a) => a.villageId === villageId)!;

describe("assignment.no-early-exit", () => {
  it("passes when no contract ends", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a contract that ends, past or planned, for a village that has not exited", () => {
    const d = compliantCounty();
    contractOf(d, ID.v1).endDate = "2017-07-15";
    contractOf(d, ID.v2).endDate = "2019-01-01";
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id])).toEqual([
      [ID.v1, ID.provinceUnit],
      [ID.v2, ID.cityUnit],
    ]);
    expect(f[0]!.message.zh).toContain("天堂村");
    expect(f[0]!.message.zh).toContain("2017-07-15");
    expect(f[0]!.message.en).toContain(ID.provinceUnit);
  });

  it("passes an end on the exit day and flags the day before", () => {
    const d = compliantCounty();
    byId(d.villages, ID.v1).exitedPovertyOn = "2018-06-01";
    contractOf(d, ID.v1).endDate = "2018-06-01";
    expect(hits(rule, d)).toEqual([]);
    contractOf(d, ID.v1).endDate = "2018-05-31";
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id])).toEqual([[ID.v1, ID.provinceUnit]]);
    expect(f[0]!.message.zh).toContain("2018-06-01");
  });

  it("counts an exit dated after asOf as absent", () => {
    const d = compliantCounty();
    byId(d.villages, ID.v1).exitedPovertyOn = "2018-08-01";
    contractOf(d, ID.v1).endDate = "2018-09-01";
    expect(hits(rule, d)).toEqual([[ID.v1, ID.provinceUnit]]);
  });

  it("passes a hand-over to another unit that starts after the start and by the end", () => {
    const d = compliantCounty();
    contractOf(d, ID.v2).endDate = "2017-07-15";
    d.villageAssignments.push({ villageId: ID.v2, unitId: ID.countyUnit, startDate: "2017-07-15" });
    expect(hits(rule, d)).toEqual([]);
    d.villageAssignments.at(-1)!.startDate = "2016-01-01";
    expect(hits(rule, d)).toEqual([]);
  });

  it("flags a gap, a successor that started first, and the same unit's new row", () => {
    const gap = compliantCounty();
    contractOf(gap, ID.v2).endDate = "2017-07-15";
    gap.villageAssignments.push({
      villageId: ID.v2,
      unitId: ID.countyUnit,
      startDate: "2017-07-16",
    });
    expect(hits(rule, gap)).toEqual([[ID.v2, ID.cityUnit]]);

    const earlier = compliantCounty();
    contractOf(earlier, ID.v2).endDate = "2017-07-15";
    earlier.villageAssignments.push({
      villageId: ID.v2,
      unitId: ID.countyUnit,
      startDate: "2014-07-15",
    });
    expect(hits(rule, earlier)).toEqual([[ID.v2, ID.cityUnit]]);

    const same = compliantCounty();
    contractOf(same, ID.v2).endDate = "2017-07-15";
    same.villageAssignments.push({
      villageId: ID.v2,
      unitId: ID.cityUnit,
      startDate: "2017-07-15",
    });
    expect(hits(rule, same)).toEqual([[ID.v2, ID.cityUnit]]);
  });

  it("skips a contract whose end is broken (before its start)", () => {
    const d = compliantCounty();
    contractOf(d, ID.v1).endDate = "2014-07-14";
    expect(hits(rule, d)).toEqual([]);
  });
});
