import { describe, expect, it } from "vitest";
import type { Dataset } from "../../schema/collections.js";
import { byId, compliantCounty, ID, staff } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { unitPrincipalVisits as rule } from "./principal-visits.js";

// The fixture: each principal researches its village on 15 August and 15 February, from
// 2014-08-15 to 2018-02-15; contracts run from 2014-07-15, so 2014 (170 days, 2 × 170 ÷ 365 =
// 0.93) owes one visit and 2015 … 2017 two each; 2018 is not due at asOf 2018-07-20.
const principal = staff(ID.provinceUnit, "principal");
const QUOTE = "原文：“每年至少两次深入贫困村调研”。";

/** The province principal's visit to 天堂村 on `date`. */
const visitOn = (d: Dataset, date: string) =>
  d.visits.find((v) => v.personId === principal && v.date === date)!;
/** Removes that visit. */
function dropVisit(d: Dataset, date: string) {
  const visit = visitOn(d, date);
  expect(visit).toBeDefined();
  d.visits = d.visits.filter((v) => v !== visit);
}
const contractOf = (d: Dataset) => d.villageAssignments.find((a) => a.villageId === ID.v1)!;

describe("unit.principal-visits", () => {
  it("passes when every principal made the required visits in every due calendar year", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a calendar year with one visit fewer than principalVisitsPerYear", () => {
    const d = compliantCounty();
    dropVisit(d, "2016-02-15");
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related, x.years])).toEqual([
      [
        { collection: "units", id: ID.provinceUnit },
        [{ collection: "villages", id: ID.v1 }],
        [2016],
      ],
    ]);
    expect(f[0]!.severity).toBe("error");
    expect(f[0]!.message.zh).toBe(
      `省扶贫办（U-P1）的主要负责同志到天堂村（340828100201）调研次数不足：2016年度应至少2次、实有1次。${QUOTE}`,
    );
    expect(f[0]!.message.en).toBe(
      'The principal of 省扶贫办 (U-P1) made too few research visits to 天堂村 (340828100201): 2016: at least 2 required, 1 made ("每年至少两次深入贫困村调研").',
    );
  });

  it("names a partial first year by its days and every failing year in one finding", () => {
    const d = compliantCounty();
    dropVisit(d, "2014-08-15");
    dropVisit(d, "2015-08-15");
    const f = findingsOf(rule, d);
    expect(f.map((x) => x.years)).toEqual([[2014, 2015]]);
    expect(f[0]!.message.zh).toBe(
      `省扶贫办（U-P1）的主要负责同志到天堂村（340828100201）调研次数不足：2014年7月15日至2014年12月31日应至少1次、实有0次；2015年度应至少2次、实有1次。${QUOTE}`,
    );
    expect(f[0]!.message.en).toContain(
      "2014-07-15 to 2014-12-31: at least 1 required, 0 made; 2015: at least 2 required, 1 made",
    );
  });

  it("flags every pair when the parameter asks for one visit more than were made", () => {
    // 2014: 3 × 170 ÷ 365 = 1.4 → 1, made; 2015 … 2017: 3, two made.
    const f = findingsOf(rule, compliantCounty(), { parameters: { principalVisitsPerYear: 3 } });
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id, x.years])).toEqual([
      [ID.cityUnit, ID.v2, [2015, 2016, 2017]],
      [ID.countyUnit, ID.v4, [2015, 2016, 2017]],
      [ID.provinceUnit, ID.v1, [2015, 2016, 2017]],
    ]);
  });

  it("does not count a visit by someone other than the principal", () => {
    const d = compliantCounty();
    visitOn(d, "2016-02-15").personId = staff(ID.provinceUnit, "deputy");
    expect(hits(rule, d)).toEqual([[ID.provinceUnit, ID.v1]]);
  });

  it("judges a year once its last covered day is on or before asOf", () => {
    const d = compliantCounty();
    dropVisit(d, "2017-08-15");
    expect(hits(rule, d, { asOf: "2017-12-30" })).toEqual([]);
    expect(findingsOf(rule, d, { asOf: "2017-12-31" }).map((x) => x.years)).toEqual([[2017]]);
  });

  it("takes the year of a renewal by the same unit as one duty year", () => {
    const d = compliantCounty();
    contractOf(d).endDate = "2016-03-01";
    d.villageAssignments.push({
      villageId: ID.v1,
      unitId: ID.provinceUnit,
      startDate: "2016-03-01",
    });
    // 2016-02-15 (first row) and 2016-08-15 (second row) make the two of 2016 together.
    expect(hits(rule, d)).toEqual([]);
    dropVisit(d, "2016-08-15");
    const f = findingsOf(rule, d);
    expect(f.map((x) => x.years)).toEqual([[2016]]);
    expect(f[0]!.message.zh).toContain("2016年度应至少2次、实有1次");
  });

  it("judges an ended pair over its days, counting no visit after its end", () => {
    const d = compliantCounty();
    contractOf(d).endDate = "2016-07-02"; // 183 of 366 days: 2 × 183 ÷ 366 = exactly 1
    expect(hits(rule, d)).toEqual([]);
    dropVisit(d, "2016-02-15"); // 2016-08-15 remains, after the end
    const f = findingsOf(rule, d);
    expect(f.map((x) => x.years)).toEqual([[2016]]);
    expect(f[0]!.message.zh).toContain("2016年1月1日至2016年7月1日应至少1次、实有0次");
    // Due on its last in-force day.
    expect(hits(rule, d, { asOf: "2016-06-30" })).toEqual([]);
    expect(hits(rule, d, { asOf: "2016-07-01" })).toEqual([[ID.provinceUnit, ID.v1]]);
  });

  it("flags a unit without a principal in every due year, and not in a year that owes none", () => {
    const d = compliantCounty();
    delete byId(d.units, ID.provinceUnit).principalId;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id, x.years])).toEqual([
      [ID.provinceUnit, ID.v1, [2014, 2015, 2016, 2017]],
    ]);
    expect(f[0]!.message.zh).toContain("省扶贫办（U-P1）未登记主要负责同志");
    expect(f[0]!.message.zh).toContain("2015年度应至少2次、实有0次");
    contractOf(d).startDate = "2017-10-02"; // 91 days: 2 × 91 ÷ 365 = 0.499 → 0
    expect(hits(rule, d)).toEqual([]);
    contractOf(d).startDate = "2017-10-01"; // 92 days: 0.504 → 1
    expect(findingsOf(rule, d).map((x) => x.years)).toEqual([[2017]]);
  });

  it("says nothing about a unit whose principal is unknown (no cascade)", () => {
    const d = compliantCounty();
    dropVisit(d, "2016-02-15");
    byId(d.units, ID.provinceUnit).principalId = "NOBODY";
    expect(hits(rule, d)).toEqual([]);
  });

  it("says nothing in the year of a broken row's readable date, and only there", () => {
    const d = compliantCounty();
    dropVisit(d, "2015-08-15");
    dropVisit(d, "2017-08-15");
    expect(findingsOf(rule, d).map((x) => x.years)).toEqual([[2015, 2017]]);
    // A row of the pair with an impossible start and a readable end in 2017.
    d.villageAssignments.push({
      villageId: ID.v1,
      unitId: ID.provinceUnit,
      startDate: "2017-02-30",
      endDate: "2017-06-01",
    });
    expect(findingsOf(rule, d).map((x) => x.years)).toEqual([[2015]]);
    // A row whose unit is unknown belongs to no pair and silences nothing.
    d.villageAssignments.at(-1)!.unitId = "U-X";
    expect(findingsOf(rule, d).map((x) => x.years)).toEqual([[2015, 2017]]);
  });
});
