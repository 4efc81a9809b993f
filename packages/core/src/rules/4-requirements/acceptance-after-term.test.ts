import { describe, expect, it } from "vitest";
import type { Dataset } from "../../schema/collections.js";
import { compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { assignmentAcceptanceAfterTerm as rule } from "./acceptance-after-term.js";

// Contracts start 2014-07-15: the term ends T = 2017-07-15; acceptances are dated 2017-07-20.
const acceptanceOf = (d: Dataset, villageId: string) =>
  d.acceptances.find((a) => a.villageId === villageId)!;
const contractOf = (d: Dataset, villageId: string) =>
  d.villageAssignments.find((a) => a.villageId === villageId)!;
const ALL = [
  [ID.v4, ID.countyUnit],
  [ID.v1, ID.provinceUnit],
  [ID.v2, ID.cityUnit],
];

describe("assignment.acceptance-after-term", () => {
  it("passes when every contract past its term has an acceptance", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("counts an acceptance held exactly 90 days before the term's end, not 91", () => {
    const d = compliantCounty();
    acceptanceOf(d, ID.v1).date = "2017-04-16"; // T − 90 days
    expect(hits(rule, d)).toEqual([]);
    acceptanceOf(d, ID.v1).date = "2017-04-15"; // T − 91 days: belongs to the row, too early
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related])).toEqual([
      [{ collection: "villages", id: ID.v1 }, [{ collection: "units", id: ID.provinceUnit }]],
    ]);
    expect(f[0]!.message.zh).toContain("天堂村（340828100201）的包村帮扶单位省扶贫办（U-P1）");
    expect(f[0]!.message.zh).toContain("于2017年7月15日包村期满");
    expect(f[0]!.message.zh).toContain("截至2018年7月20日");
    expect(f[0]!.message.en).toContain("2017-07-15");
    expect(hits(rule, d, { parameters: { acceptanceEarlyDays: 91 } })).toEqual([]);
  });

  it("requires the acceptance on day 90 after the term's end, not on day 89", () => {
    const d = compliantCounty();
    d.acceptances = [];
    expect(hits(rule, d, { asOf: "2017-10-12" })).toEqual([]); // T + 89 days
    expect(hits(rule, d, { asOf: "2017-10-13" })).toEqual(ALL); // T + 90 days
    expect(hits(rule, d, { asOf: "2017-07-15", parameters: { graceDays: 0 } })).toEqual(ALL);
  });

  it("follows the term's length", () => {
    expect(hits(rule, compliantCounty(), { parameters: { termYears: 5 } })).toEqual([]);
    // A four-year term ends 2018-07-15, due 2018-10-13: the acceptances of 2017-07-20 came
    // more than 90 days before it.
    const four = { parameters: { termYears: 4 } };
    expect(hits(rule, compliantCounty(), { ...four, asOf: "2018-10-12" })).toEqual([]);
    expect(hits(rule, compliantCounty(), { ...four, asOf: "2018-10-13" })).toEqual(ALL);
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

  describe("between the two rows of a renewal", () => {
    /** 天堂村's unit had a first term 2011-07-15 to 2014-07-15 (T = 2014-07-15), then renewed. */
    const renewed = () => {
      const d = compliantCounty();
      d.villageAssignments.push({
        villageId: ID.v1,
        unitId: ID.provinceUnit,
        startDate: "2011-07-15",
        endDate: "2014-07-15",
      });
      return d;
    };
    const accept = (d: Dataset, date: string) =>
      d.acceptances.push({ villageId: ID.v1, unitId: ID.provinceUnit, date, passed: true });

    it("flags the first term without an acceptance, naming its end", () => {
      const f = findingsOf(rule, renewed());
      expect(f.map((x) => [x.entity.id, x.related?.[0]?.id])).toEqual([[ID.v1, ID.provinceUnit]]);
      expect(f[0]!.message.zh).toContain("于2014年7月15日包村期满");
    });

    it("gives an acceptance held after the first term's end, in the renewal, to the first term", () => {
      const d = renewed();
      accept(d, "2014-08-01");
      expect(hits(rule, d)).toEqual([]);
      // Without the second term's own acceptance, that one alone is missing.
      d.acceptances = d.acceptances.filter((a) => a.date !== "2017-07-20" || a.villageId !== ID.v1);
      const f = findingsOf(rule, d);
      expect(f.map((x) => x.message.en.match(/on (\S+),/)?.[1])).toEqual(["2017-07-15"]);
    });

    it("gives an acceptance within 90 days of the second term's end to the second term", () => {
      const d = renewed();
      accept(d, "2014-08-01");
      acceptanceOf(d, ID.v1).date = "2017-04-16";
      expect(hits(rule, d)).toEqual([]);
      // 91 days before: the latest term end it may serve is the first one, already accepted.
      acceptanceOf(d, ID.v1).date = "2017-04-15";
      expect(hits(rule, d)).toEqual([[ID.v1, ID.provinceUnit]]);
    });

    it("names every term without an acceptance in one finding", () => {
      const d = renewed();
      d.acceptances = d.acceptances.filter((a) => a.villageId !== ID.v1);
      const f = findingsOf(rule, d);
      expect(f).toHaveLength(1);
      expect(f[0]!.message.zh).toContain("于2014年7月15日、2017年7月15日包村期满");
    });
  });

  it("says nothing about a pair whose contract ends before it starts", () => {
    const d = compliantCounty();
    d.acceptances = [];
    contractOf(d, ID.v1).endDate = "2014-07-14"; // data.date-order
    expect(hits(rule, d)).toEqual([
      [ID.v4, ID.countyUnit],
      [ID.v2, ID.cityUnit],
    ]);
  });

  it("says nothing about a pair whose acceptance is dated after asOf", () => {
    const d = compliantCounty();
    acceptanceOf(d, ID.v1).date = "2018-07-21"; // data.date-order
    expect(hits(rule, d)).toEqual([]);
  });
});
