import { describe, expect, it } from "vitest";
import type { Dataset } from "../../schema/collections.js";
import { CONTRACT_START, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { unitTopicMeetings as rule } from "./topic-meetings.js";

// The fixture: each unit meets on 15 September and 15 March, from 2014-09-15 to 2018-03-15;
// contracts run from 2014-07-15, so 2014 owes one meeting (2 × 170 ÷ 365 = 0.93) and 2015 …
// 2017 two each.

/** The county unit's meeting on `date`. */
const meetingOn = (d: Dataset, date: string) =>
  d.meetings.find((m) => m.unitId === ID.countyUnit && m.date === date)!;
const dropMeeting = (d: Dataset, date: string) => {
  const m = meetingOn(d, date);
  expect(m).toBeDefined();
  d.meetings = d.meetings.filter((x) => x !== m);
};
const contractOf = (d: Dataset) => d.villageAssignments.find((a) => a.villageId === ID.v4)!;

describe("unit.topic-meetings", () => {
  it("passes with the required meetings in every due calendar year", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a calendar year with one meeting fewer than topicMeetingsPerYear", () => {
    const d = compliantCounty();
    dropMeeting(d, "2016-03-15");
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related, x.years])).toEqual([
      [{ collection: "units", id: ID.countyUnit }, [{ collection: "villages", id: ID.v4 }], [2016]],
    ]);
    expect(f[0]!.severity).toBe("warning");
    expect(f[0]!.message.zh).toBe(
      "怀宁县教育局（U-N1）包扶查湾村（340822100201）期间召开包村工作专题会议次数不足：2016年度应至少2次、实有1次。原文：“定期召开包村工作专题会议”。",
    );
    expect(f[0]!.message.en).toContain("2016: at least 2 required, 1 made");
  });

  it("names a partial first year by its days", () => {
    const d = compliantCounty();
    dropMeeting(d, "2014-09-15");
    const f = findingsOf(rule, d);
    expect(f.map((x) => x.years)).toEqual([[2014]]);
    expect(f[0]!.message.zh).toContain("2014年7月15日至2014年12月31日应至少1次、实有0次");
  });

  it("counts a meeting on the last covered day, not one on the end date", () => {
    const d = compliantCounty();
    contractOf(d).endDate = "2016-05-01"; // 121 days: 2 × 121 ÷ 366 = 0.66 → 1
    expect(hits(rule, d)).toEqual([]);
    meetingOn(d, "2016-03-15").date = "2016-04-30";
    expect(hits(rule, d)).toEqual([]);
    meetingOn(d, "2016-04-30").date = "2016-05-01"; // 2016-09-15 is after the end too
    const f = findingsOf(rule, d);
    expect(f.map((x) => x.years)).toEqual([[2016]]);
    expect(f[0]!.message.zh).toContain("2016年1月1日至2016年4月30日应至少1次、实有0次");
  });

  it("judges a year once its last covered day is on or before asOf", () => {
    const d = compliantCounty();
    dropMeeting(d, "2017-09-15");
    expect(hits(rule, d, { asOf: "2017-12-30" })).toEqual([]);
    expect(findingsOf(rule, d, { asOf: "2017-12-31" }).map((x) => x.years)).toEqual([[2017]]);
  });

  it("says nothing about the unit when a meeting's date cannot be read (no cascade)", () => {
    const d = compliantCounty();
    dropMeeting(d, "2016-03-15");
    expect(hits(rule, d)).toEqual([[ID.countyUnit, ID.v4]]);
    // Read as a date, 2019-02-30 would lie in no due year: only the silence empties the result.
    d.meetings.push({ unitId: ID.countyUnit, date: "2019-02-30" });
    expect(hits(rule, d)).toEqual([]);
  });

  it("says nothing in the year of a meeting dated after asOf, and only there", () => {
    const d = compliantCounty();
    contractOf(d).endDate = "2018-07-01"; // 181 days of 2018: 0.99 → 1, due at asOf
    expect(hits(rule, d)).toEqual([]);
    dropMeeting(d, "2018-03-15");
    dropMeeting(d, "2016-03-15");
    expect(findingsOf(rule, d).map((x) => x.years)).toEqual([[2016, 2018]]);
    d.meetings.push({ unitId: ID.countyUnit, date: "2018-07-25" }); // data.date-order
    expect(findingsOf(rule, d).map((x) => x.years)).toEqual([[2016]]);
  });

  it("counts a unit's meetings for each village it contracts, naming each", () => {
    const d = compliantCounty();
    d.villageAssignments.push({
      villageId: ID.v2,
      unitId: ID.countyUnit,
      startDate: CONTRACT_START,
    });
    expect(hits(rule, d)).toEqual([]);
    dropMeeting(d, "2016-03-15");
    expect(hits(rule, d)).toEqual([
      [ID.countyUnit, ID.v4],
      [ID.countyUnit, ID.v2],
    ]);
  });

  it("says nothing in the years of a broken row of the pair (no cascade)", () => {
    const d = compliantCounty();
    dropMeeting(d, "2016-03-15");
    d.villageAssignments.push({
      villageId: ID.v4,
      unitId: ID.countyUnit,
      startDate: "2016-06-01",
      endDate: "2016-02-01",
    });
    expect(hits(rule, d)).toEqual([]);
  });
});
