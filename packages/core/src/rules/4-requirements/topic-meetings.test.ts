import { describe, expect, it } from "vitest";
import type { Dataset } from "../../schema/collections.js";
import { CONTRACT_START, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { unitTopicMeetings as rule } from "./topic-meetings.js";

/** The county unit's meeting of 2016-03-15 (the second of the contract year from 2015-07-15). */
const meeting = (d: Dataset) =>
  d.meetings.find((m) => m.unitId === ID.countyUnit && m.date === "2016-03-15")!;

describe("unit.topic-meetings", () => {
  it("passes with exactly two meetings in every ended contract year", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a contract year with one meeting fewer than topicMeetingsPerYear", () => {
    const d = compliantCounty();
    d.meetings = d.meetings.filter((m) => m !== meeting(d));
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related, x.years])).toEqual([
      [{ collection: "units", id: ID.countyUnit }, [{ collection: "villages", id: ID.v4 }], [2015]],
    ]);
    expect(f[0]!.severity).toBe("warning");
    expect(f[0]!.message.zh).toContain("怀宁县教育局(U-N1)");
    expect(f[0]!.message.zh).toContain("查湾村");
  });

  it("counts a meeting on the last day of a contract year for that year only", () => {
    const d = compliantCounty();
    const m = meeting(d);
    m.date = "2016-07-14";
    expect(hits(rule, d)).toEqual([]);
    m.date = "2016-07-15"; // the first day of the next contract year
    expect(findingsOf(rule, d).map((x) => x.years)).toEqual([[2015]]);
  });

  it("skips a meeting whose date is broken", () => {
    const d = compliantCounty();
    meeting(d).date = "2016-02-30";
    expect(hits(rule, d)).toEqual([[ID.countyUnit, ID.v4]]);
  });

  it("names each village of a unit that contracts two", () => {
    const d = compliantCounty();
    d.villageAssignments.push({
      villageId: ID.v2,
      unitId: ID.countyUnit,
      startDate: CONTRACT_START,
    });
    expect(hits(rule, d)).toEqual([]);
    d.meetings = d.meetings.filter((m) => m !== meeting(d));
    expect(hits(rule, d)).toEqual([
      [ID.countyUnit, ID.v4],
      [ID.countyUnit, ID.v2],
    ]);
  });

  it("does not check a contract year that asOf has not ended", () => {
    expect(hits(rule, compliantCounty(), { asOf: "2019-07-14" })).toEqual([]);
    const f = findingsOf(rule, compliantCounty(), { asOf: "2019-07-15" });
    expect(f.map((x) => x.years)).toEqual([[2018], [2018], [2018]]);
  });
});
