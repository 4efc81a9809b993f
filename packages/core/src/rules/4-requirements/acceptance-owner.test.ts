import { describe, expect, it } from "vitest";
import { checkDateOrder } from "../../engine/date-order.js";
import { loadDataset } from "../../engine/loader.js";
import { RuleContext } from "../../engine/rule-context.js";
import { parametersOn } from "../../params/parameters.js";
import type { Dataset } from "../../schema/collections.js";
import { compliantCounty, FIXTURE_AS_OF, ID } from "../../testing/fixture.js";
import { acceptancesByContract } from "./acceptance-owner.js";

/** 天堂村's contracts as `[start, end?]`, each with the dates of the acceptances it owns. */
function owners(d: Dataset, asOf = FIXTURE_AS_OF) {
  const index = loadDataset(d);
  const ctx = new RuleContext(index, asOf, parametersOn(asOf), checkDateOrder(index, asOf).broken);
  const owned = acceptancesByContract(index, ctx);
  return index
    .contractsOfVillage(ID.v1)
    .map((r) => [r.startDate, (owned.get(r) ?? []).map((a) => a.date).sort()]);
}

/** 天堂村 with a first term 2011-07-15 to 2014-07-15, renewed from 2014-07-15 (the fixture's). */
function renewed(...dates: string[]) {
  const d = compliantCounty();
  d.acceptances = d.acceptances.filter((a) => a.villageId !== ID.v1);
  d.villageAssignments.push({
    villageId: ID.v1,
    unitId: ID.provinceUnit,
    startDate: "2011-07-15",
    endDate: "2014-07-15",
  });
  for (const date of dates)
    d.acceptances.push({ villageId: ID.v1, unitId: ID.provinceUnit, date, passed: true });
  return d;
}

describe("acceptancesByContract", () => {
  it("gives an acceptance to the latest term end at most 90 days after it", () => {
    // T = 2014-07-15 and 2017-07-15; T − 90 days = 2014-04-16 and 2017-04-16.
    expect(owners(renewed("2014-04-16", "2014-08-01", "2017-04-15", "2017-04-16"))).toEqual([
      ["2014-07-15", ["2017-04-16"]],
      ["2011-07-15", ["2014-04-16", "2014-08-01", "2017-04-15"]],
    ]);
  });

  it("falls back to the row in force on the acceptance's date", () => {
    // 2012-01-01 is 90 days or more before every term end: the first term is in force then.
    expect(owners(renewed("2012-01-01", "2014-04-15"))).toEqual([
      ["2014-07-15", []],
      ["2011-07-15", ["2012-01-01", "2014-04-15"]],
    ]);
  });

  it("gives an acceptance before every contract, or of another unit, to none", () => {
    const d = renewed("2011-01-01");
    d.acceptances.push({ villageId: ID.v1, unitId: ID.cityUnit, date: "2017-07-20", passed: true });
    expect(owners(d)).toEqual([
      ["2014-07-15", []],
      ["2011-07-15", []],
    ]);
  });

  it("gives none an acceptance dated after asOf", () => {
    expect(owners(renewed("2018-07-21"))).toEqual([
      ["2014-07-15", []],
      ["2011-07-15", []],
    ]);
  });
});
