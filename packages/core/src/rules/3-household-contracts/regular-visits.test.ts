import { describe, expect, it } from "vitest";
import type { Dataset } from "../../schema/collections.js";
import { compliantCounty, ID, staff, villageCadre } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { householdRegularVisits as rule } from "./regular-visits.js";

const HELPER = staff(ID.provinceUnit, "helper");

/** Removes h1's household visit on `date`. */
const dropVisit = (d: Dataset, date: string) => {
  const before = d.visits.length;
  d.visits = d.visits.filter((v) => !(v.householdId === ID.h1 && v.date === date));
  expect(d.visits.length).toBe(before - 1);
};

/** h1's helper row starts on `start`, visiting on `dates` only. */
const h1VisitedOn = (d: Dataset, start: string, dates: string[]) => {
  d.householdAssignments[0]!.startDate = start;
  d.visits = d.visits.filter((v) => v.householdId !== ID.h1);
  for (const date of dates) {
    d.visits.push({
      personId: HELPER,
      date,
      kind: "household_visit",
      villageId: ID.v1,
      householdId: ID.h1,
    });
  }
};

describe("household.regular-visits", () => {
  it("passes when every helper made exactly 4 visits in every ended contract year", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags 3 visits in a contract year, naming the year it starts in", () => {
    const d = compliantCounty();
    dropVisit(d, "2016-02-15"); // contract year 2015-08-01 … 2016-08-01
    const f = findingsOf(rule, d);
    expect(hits(rule, d)).toEqual([[ID.h1, HELPER]]);
    expect(f[0]!.years).toEqual([2015]);
    expect(f[0]!.severity).toBe("warning");
    expect(f[0]!.message.zh).toContain("张一(H-1)");
    expect(f[0]!.message.en).toContain("2015");
  });

  it("names every failing year in one finding", () => {
    const d = compliantCounty();
    dropVisit(d, "2014-11-15");
    dropVisit(d, "2017-05-15");
    const f = findingsOf(rule, d);
    expect(f.length).toBe(1);
    expect(f[0]!.years).toEqual([2014, 2016]);
  });

  it("does not check a contract year not yet ended by asOf", () => {
    const d = compliantCounty();
    dropVisit(d, "2018-05-15"); // contract year 2017-08-01 … 2018-08-01
    expect(hits(rule, d, { asOf: "2018-07-31" })).toEqual([]);
    expect(findingsOf(rule, d, { asOf: "2018-08-01" })[0]!.years).toEqual([2017]);
  });

  it("does not check a contract year cut short by the end date", () => {
    const d = compliantCounty();
    dropVisit(d, "2016-02-15");
    d.householdAssignments[0]!.endDate = "2016-07-31";
    expect(hits(rule, d)).toEqual([]);
    d.householdAssignments[0]!.endDate = "2016-08-01";
    expect(findingsOf(rule, d)[0]!.years).toEqual([2015]);
  });

  it("counts only the helper's own household visits", () => {
    const d = compliantCounty();
    const visit = d.visits.find((v) => v.householdId === ID.h1 && v.date === "2016-02-15")!;
    visit.personId = villageCadre(ID.v1);
    expect(hits(rule, d)).toEqual([[ID.h1, HELPER]]);
  });

  it("checks every started row, current or ended, against its own helper", () => {
    const d = compliantCounty();
    const first = d.householdAssignments[0]!;
    first.endDate = "2016-08-01";
    d.householdAssignments.push({
      ...first,
      personId: staff(ID.provinceUnit, "deputy"),
      startDate: "2016-08-01",
    });
    delete d.householdAssignments.at(-1)!.endDate;
    const f = findingsOf(rule, d);
    expect(hits(rule, d)).toEqual([[ID.h1, staff(ID.provinceUnit, "deputy")]]);
    expect(f[0]!.years).toEqual([2016]);
  });

  it("moves a 29 February start to 28 February in other years", () => {
    const d = compliantCounty();
    // Years: 2016-02-29 … 2017-02-28, 2017-02-28 … 2018-02-28 (2018-02-28 … not yet ended).
    const year2 = ["2017-02-28", "2017-06-01", "2017-09-01", "2018-02-27"];
    h1VisitedOn(d, "2016-02-29", [
      "2016-02-29",
      "2016-06-01",
      "2016-09-01",
      "2017-02-27",
      ...year2,
    ]);
    expect(hits(rule, d)).toEqual([]);
    h1VisitedOn(d, "2016-02-29", [
      "2016-02-29",
      "2016-06-01",
      "2016-09-01",
      "2017-02-28",
      ...year2,
    ]);
    expect(findingsOf(rule, d)[0]!.years).toEqual([2016]);
  });

  it("takes the threshold from the parameters", () => {
    const d = compliantCounty();
    expect(hits(rule, d, { parameters: { householdVisitsPerYear: 5 } }).length).toBe(5);
  });
});
