import { describe, expect, it } from "vitest";
import type { Dataset } from "../../schema/collections.js";
import { byId, compliantCounty, ID, staff } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { unitPrincipalVisits as rule } from "./principal-visits.js";

const principal = staff(ID.provinceUnit, "principal");

/** Removes the principal's visit to 天堂村 on `date` (the fixture has two per contract year). */
function dropVisit(d: Dataset, date: string) {
  const before = d.visits.length;
  d.visits = d.visits.filter((v) => !(v.personId === principal && v.date === date));
  expect(d.visits.length).toBe(before - 1);
}

describe("unit.principal-visits", () => {
  it("passes when every principal made two research visits in every ended contract year", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a contract year with one visit fewer than principalVisitsPerYear", () => {
    const d = compliantCounty();
    dropVisit(d, "2016-02-15"); // the second visit of the year from 2015-07-15
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related, x.years])).toEqual([
      [
        { collection: "units", id: ID.provinceUnit },
        [{ collection: "villages", id: ID.v1 }],
        [2015],
      ],
    ]);
    expect(f[0]!.severity).toBe("error");
    expect(f[0]!.message.zh).toContain("省扶贫办(U-P1)");
    expect(f[0]!.message.zh).toContain("天堂村");
    expect(f[0]!.message.en).toContain("2015");
  });

  it("names every failing year in one finding per unit and village", () => {
    const d = compliantCounty();
    dropVisit(d, "2014-08-15");
    dropVisit(d, "2017-08-15");
    expect(findingsOf(rule, d).map((x) => x.years)).toEqual([[2014, 2017]]);
  });

  it("flags every pair when the parameter asks for one visit more than were made", () => {
    const f = findingsOf(rule, compliantCounty(), { parameters: { principalVisitsPerYear: 3 } });
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id, x.years])).toEqual([
      [ID.cityUnit, ID.v2, [2014, 2015, 2016, 2017]],
      [ID.countyUnit, ID.v4, [2014, 2015, 2016, 2017]],
      [ID.provinceUnit, ID.v1, [2014, 2015, 2016, 2017]],
    ]);
  });

  it("does not count a visit by someone other than the principal", () => {
    const d = compliantCounty();
    const visit = d.visits.find((v) => v.personId === principal && v.date === "2016-02-15")!;
    visit.personId = staff(ID.provinceUnit, "deputy");
    expect(hits(rule, d)).toEqual([[ID.provinceUnit, ID.v1]]);
  });

  it("does not check a contract year that asOf has not ended", () => {
    // The fixture has no visits in the contract year from 2018-07-15.
    expect(hits(rule, compliantCounty(), { asOf: "2019-07-14" })).toEqual([]);
    const f = findingsOf(rule, compliantCounty(), { asOf: "2019-07-15" });
    expect(f.map((x) => x.years)).toEqual([[2018], [2018], [2018]]);
  });

  it("leaves out a contract year cut short by the contract's end, and checks an ended one", () => {
    const d = compliantCounty();
    dropVisit(d, "2017-08-15");
    const contract = d.villageAssignments.find((a) => a.villageId === ID.v1)!;
    contract.endDate = "2018-07-14";
    expect(hits(rule, d)).toEqual([]);
    contract.endDate = "2018-07-15";
    expect(findingsOf(rule, d).map((x) => x.years)).toEqual([[2017]]);
  });

  it("moves a contract that starts on 29 February to 28 February in other years", () => {
    const d = compliantCounty();
    d.villageAssignments.find((a) => a.villageId === ID.v1)!.startDate = "2016-02-29";
    d.visits = d.visits.filter((v) => v.personId !== principal);
    const visit = (date: string) =>
      d.visits.push({ personId: principal, date, kind: "principal_research", villageId: ID.v1 });
    visit("2016-02-29");
    visit("2017-02-27");
    expect(hits(rule, d, { asOf: "2017-02-28" })).toEqual([]);
    d.visits.at(-1)!.date = "2017-02-28"; // the first day of the next contract year
    expect(findingsOf(rule, d, { asOf: "2017-02-28" }).map((x) => x.years)).toEqual([[2016]]);
    expect(hits(rule, d, { asOf: "2017-02-27" })).toEqual([]);
  });

  it("flags a unit without a principal once a contract year has ended", () => {
    const d = compliantCounty();
    delete byId(d.units, ID.provinceUnit).principalId;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id, x.years])).toEqual([
      [ID.provinceUnit, ID.v1, [2014, 2015, 2016, 2017]],
    ]);
    expect(f[0]!.message.zh).toContain("未登记主要负责同志");
    const contract = d.villageAssignments.find((a) => a.villageId === ID.v1)!;
    contract.startDate = "2017-07-21"; // its first year ends 2018-07-21, after asOf
    expect(hits(rule, d)).toEqual([]);
    contract.startDate = "2017-07-20";
    expect(findingsOf(rule, d).map((x) => x.years)).toEqual([[2017]]);
  });
});
