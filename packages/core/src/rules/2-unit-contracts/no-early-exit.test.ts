import { describe, expect, it } from "vitest";
import type { Dataset } from "../../schema/collections.js";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { assignmentNoEarlyExit as rule } from "./no-early-exit.js";

// Contracts start 2014-07-15 (term end 2017-07-15); acceptances, all passed, are of 2017-07-20.
const contractOf = (d: Dataset, villageId: string) =>
  d.villageAssignments.find((a) => a.villageId === villageId)!;
const acceptanceOf = (d: Dataset, villageId: string) =>
  d.acceptances.find((a) => a.villageId === villageId)!;

describe("assignment.no-early-exit", () => {
  it("passes when no contract ends", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a contract that ends, past or planned, before its term for a village that has not exited", () => {
    const d = compliantCounty();
    contractOf(d, ID.v1).endDate = "2016-07-15";
    contractOf(d, ID.v2).endDate = "2017-07-14"; // one day before the term's end
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id])).toEqual([
      [ID.v1, ID.provinceUnit],
      [ID.v2, ID.cityUnit],
    ]);
    expect(f[0]!.message.zh).toBe(
      "天堂村（340828100201）尚未出列，其包村帮扶单位省扶贫办（U-P1）却于2016年7月15日结束包村，包村未满期（2017年7月15日期满）。原文：“贫困村不脱贫,包村帮扶单位不脱钩”。",
    );
    expect(f[0]!.message.en).toContain("U-P1");
  });

  it("passes an end on the exit day and flags the day before", () => {
    const d = compliantCounty();
    byId(d.villages, ID.v1).exitedPovertyOn = "2016-06-01";
    contractOf(d, ID.v1).endDate = "2016-06-01";
    expect(hits(rule, d)).toEqual([]);
    contractOf(d, ID.v1).endDate = "2016-05-31";
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id])).toEqual([[ID.v1, ID.provinceUnit]]);
    expect(f[0]!.message.zh).toContain("于2016年6月1日出列");
    expect(f[0]!.message.zh).toContain("2016年5月31日结束包村");
  });

  it("counts an exit dated after asOf as absent: the contract may not end at all", () => {
    const d = compliantCounty();
    byId(d.villages, ID.v1).exitedPovertyOn = "2018-08-01";
    contractOf(d, ID.v1).endDate = "2016-09-01";
    expect(hits(rule, d)).toEqual([[ID.v1, ID.provinceUnit]]);
  });

  it("judges only poor villages: a non-poor village's contract may end", () => {
    const d = compliantCounty();
    byId(d.villages, ID.v1).isPoor = false;
    contractOf(d, ID.v1).endDate = "2016-07-15";
    expect(hits(rule, d)).toEqual([]);
  });

  describe("renewal, hand-over and released term", () => {
    it("passes a renewal by the same unit starting by the end, and flags one a day later", () => {
      const d = compliantCounty();
      contractOf(d, ID.v2).endDate = "2016-07-15";
      d.villageAssignments.push({
        villageId: ID.v2,
        unitId: ID.cityUnit,
        startDate: "2016-07-15",
      });
      expect(hits(rule, d)).toEqual([]);
      d.villageAssignments.at(-1)!.startDate = "2016-07-16";
      expect(hits(rule, d)).toEqual([[ID.v2, ID.cityUnit]]);
    });

    it("flags a hand-over to another unit before the term ran out", () => {
      const d = compliantCounty();
      contractOf(d, ID.v2).endDate = "2016-07-15";
      d.villageAssignments.push({
        villageId: ID.v2,
        unitId: ID.countyUnit,
        startDate: "2016-07-15",
      });
      expect(hits(rule, d)).toEqual([[ID.v2, ID.cityUnit]]);
    });

    it("flags a hand-over at the term's end whose acceptance comes only after the end", () => {
      const d = compliantCounty();
      contractOf(d, ID.v2).endDate = "2017-07-15"; // the acceptance is of 2017-07-20
      d.villageAssignments.push({
        villageId: ID.v2,
        unitId: ID.countyUnit,
        startDate: "2017-07-15",
      });
      const f = findingsOf(rule, d);
      expect(f.map((x) => [x.entity.id, x.related?.[0]?.id])).toEqual([[ID.v2, ID.cityUnit]]);
      expect(f[0]!.message.zh).toContain("结束前没有期满验收");
    });

    it("passes a hand-over, or a plain end, after the term ran out and passed its acceptance", () => {
      const d = compliantCounty();
      contractOf(d, ID.v2).endDate = "2017-07-20"; // on the day of the passed acceptance
      expect(hits(rule, d)).toEqual([]);
      d.villageAssignments.push({
        villageId: ID.v2,
        unitId: ID.countyUnit,
        startDate: "2017-07-20",
      });
      expect(hits(rule, d)).toEqual([]);
    });

    it("flags a released term whose last acceptance by the end failed", () => {
      const d = compliantCounty();
      contractOf(d, ID.v2).endDate = "2017-12-31";
      d.acceptances.push({
        villageId: ID.v2,
        unitId: ID.cityUnit,
        date: "2017-10-01",
        passed: false,
      });
      const f = findingsOf(rule, d);
      expect(f.map((x) => [x.entity.id, x.related?.[0]?.id])).toEqual([[ID.v2, ID.cityUnit]]);
      expect(f[0]!.message.zh).toContain("其期满验收于2017年10月1日不合格");
      // The failed one was first, then a pass: released.
      acceptanceOf(d, ID.v2).date = "2017-10-02";
      expect(hits(rule, d)).toEqual([]);
    });

    it("does not release a term that ended before its term's end, whatever the acceptance", () => {
      const d = compliantCounty();
      contractOf(d, ID.v2).endDate = "2017-07-14";
      acceptanceOf(d, ID.v2).date = "2017-07-01";
      expect(hits(rule, d)).toEqual([[ID.v2, ID.cityUnit]]);
    });
  });

  it("says nothing about a contract whose end is before its start", () => {
    const d = compliantCounty();
    contractOf(d, ID.v1).endDate = "2014-07-14"; // data.date-order
    expect(hits(rule, d)).toEqual([]);
  });

  it("says nothing about a pair whose acceptance is dated after asOf", () => {
    const d = compliantCounty();
    contractOf(d, ID.v2).endDate = "2018-12-31";
    acceptanceOf(d, ID.v2).passed = false;
    d.acceptances.push({ villageId: ID.v2, unitId: ID.cityUnit, date: "2018-07-21", passed: true });
    expect(hits(rule, d)).toEqual([]);
    d.acceptances.pop();
    expect(hits(rule, d)).toEqual([[ID.v2, ID.cityUnit]]);
  });
});
