import { describe, expect, it } from "vitest";
import type { Dataset } from "../../schema/collections.js";
import { compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { assignmentAcceptanceAfterTerm as rule } from "./acceptance-after-term.js";

const acceptanceOf = (d: Dataset, villageId: string) =>
  d.acceptances.find((a) => a.villageId === villageId)!;
const contractOf = (d: Dataset, villageId: string) =>
  d.villageAssignments.find((a) => a.villageId === villageId)!;

describe("assignment.acceptance-after-term", () => {
  it("passes when every contract past its term has an acceptance", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("counts an acceptance on the term's end day, not the day before", () => {
    const d = compliantCounty();
    acceptanceOf(d, ID.v1).date = "2017-07-15"; // contracts start 2014-07-15
    expect(hits(rule, d)).toEqual([]);
    acceptanceOf(d, ID.v1).date = "2017-07-14";
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related])).toEqual([
      [{ collection: "villages", id: ID.v1 }, [{ collection: "units", id: ID.provinceUnit }]],
    ]);
    expect(f[0]!.message.zh).toContain("天堂村");
    expect(f[0]!.message.zh).toContain("省扶贫办(U-P1)");
    expect(f[0]!.message.en).toContain("2017-07-15");
  });

  it("requires an acceptance only once the term has passed", () => {
    const d = compliantCounty();
    d.acceptances = [];
    expect(hits(rule, d, { asOf: "2017-07-14" })).toEqual([]);
    expect(hits(rule, d, { asOf: "2017-07-15" })).toEqual([
      [ID.v4, ID.countyUnit],
      [ID.v1, ID.provinceUnit],
      [ID.v2, ID.cityUnit],
    ]);
    expect(hits(rule, d, { parameters: { termYears: 5 } })).toEqual([]);
    // A four-year term ends 2018-07-15: the fixture's acceptances of 2017-07-20 come too early.
    expect(hits(rule, compliantCounty(), { parameters: { termYears: 4 } })).toHaveLength(3);
  });

  it("accepts a failed acceptance as an acceptance", () => {
    const d = compliantCounty();
    acceptanceOf(d, ID.v2).passed = false;
    expect(hits(rule, d)).toEqual([]);
  });

  it("does not count another unit's acceptance", () => {
    const d = compliantCounty();
    acceptanceOf(d, ID.v1).unitId = ID.cityUnit;
    expect(hits(rule, d)).toEqual([[ID.v1, ID.provinceUnit]]);
  });

  it("requires no acceptance of a contract that ended before its term ended", () => {
    const d = compliantCounty();
    d.acceptances = d.acceptances.filter((a) => a.villageId !== ID.v1);
    contractOf(d, ID.v1).endDate = "2017-07-14";
    expect(hits(rule, d)).toEqual([]);
    contractOf(d, ID.v1).endDate = "2017-07-15";
    expect(hits(rule, d)).toEqual([[ID.v1, ID.provinceUnit]]);
  });

  it("gives an acceptance to the latest contract of its pair that started on or before it", () => {
    const d = compliantCounty();
    // An earlier contract of the same pair, past its term (2013-01-01) when it ended.
    d.villageAssignments.push({
      villageId: ID.v1,
      unitId: ID.provinceUnit,
      startDate: "2010-01-01",
      endDate: "2014-07-15",
    });
    expect(hits(rule, d)).toEqual([[ID.v1, ID.provinceUnit]]);
    d.acceptances.push({
      villageId: ID.v1,
      unitId: ID.provinceUnit,
      date: "2013-01-01",
      passed: true,
    });
    expect(hits(rule, d)).toEqual([]);
    // Dated after the later contract started, it belongs to that one, not to the earlier.
    d.acceptances.at(-1)!.date = "2014-07-15";
    expect(hits(rule, d)).toEqual([[ID.v1, ID.provinceUnit]]);
  });
});
