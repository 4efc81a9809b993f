import { describe, expect, it } from "vitest";
import type { Dataset } from "../../schema/collections.js";
import { compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { assignmentContinueIfFailed as rule } from "./continue-if-failed.js";

/** 天堂村's acceptance (2017-07-20) failed; returns its contract. */
function failed(d: Dataset) {
  d.acceptances.find((a) => a.villageId === ID.v1)!.passed = false;
  return d.villageAssignments.find((a) => a.villageId === ID.v1)!;
}
const pass = (d: Dataset, date: string) =>
  d.acceptances.push({ villageId: ID.v1, unitId: ID.provinceUnit, date, passed: true });

describe("assignment.continue-if-failed", () => {
  it("passes when no contract with a failed acceptance ends", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
    const d = compliantCounty();
    failed(d);
    expect(hits(rule, d)).toEqual([]);
  });

  it("flags a contract that ends after a failed acceptance, past or planned", () => {
    const d = compliantCounty();
    failed(d).endDate = "2018-01-01";
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related])).toEqual([
      [{ collection: "villages", id: ID.v1 }, [{ collection: "units", id: ID.provinceUnit }]],
    ]);
    expect(f[0]!.message.zh).toContain("天堂村（340828100201）的包村帮扶单位省扶贫办（U-P1）");
    expect(f[0]!.message.zh).toContain("于2017年7月20日期满验收不合格");
    expect(f[0]!.message.zh).toContain("于2018年1月1日结束");
    expect(f[0]!.message.en).toContain("2018-01-01");
    failed(d).endDate = "2019-01-01";
    expect(hits(rule, d)).toEqual([[ID.v1, ID.provinceUnit]]);
  });

  it("lets a contract end on or after a passing acceptance that follows the failed one", () => {
    const d = compliantCounty();
    const contract = failed(d);
    pass(d, "2017-12-01");
    contract.endDate = "2017-12-01";
    expect(hits(rule, d)).toEqual([]);
    contract.endDate = "2017-11-30"; // the passing acceptance came after the end
    expect(hits(rule, d)).toEqual([[ID.v1, ID.provinceUnit]]);
  });

  it("does not count a passing acceptance dated on or before the last failed one", () => {
    const d = compliantCounty();
    failed(d).endDate = "2018-01-01";
    pass(d, "2017-07-20");
    expect(hits(rule, d)).toEqual([[ID.v1, ID.provinceUnit]]);
    pass(d, "2017-07-21");
    expect(hits(rule, d)).toEqual([]);
  });

  it("passes a renewal by the same unit starting by the end, not a day later", () => {
    const d = compliantCounty();
    failed(d).endDate = "2018-01-01";
    d.villageAssignments.push({
      villageId: ID.v1,
      unitId: ID.provinceUnit,
      startDate: "2018-01-01",
    });
    expect(hits(rule, d)).toEqual([]);
    d.villageAssignments.at(-1)!.startDate = "2018-01-02";
    expect(hits(rule, d)).toEqual([[ID.v1, ID.provinceUnit]]);
  });

  it("flags a hand-over to another unit after a failed acceptance", () => {
    const d = compliantCounty();
    failed(d).endDate = "2018-01-01";
    d.villageAssignments.push({ villageId: ID.v1, unitId: ID.cityUnit, startDate: "2018-01-01" });
    expect(hits(rule, d)).toEqual([[ID.v1, ID.provinceUnit]]);
  });

  it("does not hold a renewed contract to the failed acceptance of the term before", () => {
    const d = compliantCounty();
    // A first term 2011-07-15 to 2014-07-15 failed on 2014-08-01, held in the renewal's time: it
    // belongs to the first term, which the renewal continues.
    d.villageAssignments.push({
      villageId: ID.v1,
      unitId: ID.provinceUnit,
      startDate: "2011-07-15",
      endDate: "2014-07-15",
    });
    d.acceptances.push({
      villageId: ID.v1,
      unitId: ID.provinceUnit,
      date: "2014-08-01",
      passed: false,
    });
    d.villageAssignments.find((a) => a.startDate === "2014-07-15")!.endDate = "2018-01-01";
    expect(hits(rule, d)).toEqual([]);
  });

  it("says nothing about a contract whose end is before its start", () => {
    const d = compliantCounty();
    failed(d).endDate = "2014-07-01"; // data.date-order
    expect(hits(rule, d)).toEqual([]);
  });

  it("says nothing about a pair with an acceptance dated after asOf", () => {
    const d = compliantCounty();
    failed(d).endDate = "2019-01-01";
    pass(d, "2018-07-21"); // data.date-order: it may be the passing one
    expect(hits(rule, d)).toEqual([]);
  });
});
