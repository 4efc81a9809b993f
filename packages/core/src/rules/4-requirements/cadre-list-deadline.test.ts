import { describe, expect, it } from "vitest";
import type { Dataset } from "../../schema/collections.js";
import { compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { reportCadreListDeadline as rule } from "./cadre-list-deadline.js";

const cadreList = (d: Dataset) => d.reports.find((r) => r.kind === "cadre_list")!;

describe("report.cadre-list-deadline", () => {
  it("passes when every city with poor villages reported in time", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("accepts a list submitted on the deadline day, not the day after", () => {
    const d = compliantCounty();
    cadreList(d).submittedOn = "2014-08-10";
    expect(hits(rule, d)).toEqual([]);
    cadreList(d).submittedOn = "2014-08-11";
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related])).toEqual([
      [{ collection: "cities", id: ID.city }, undefined],
    ]);
    expect(f[0]!.message.zh).toContain("安庆市(340800)");
    expect(f[0]!.message.en).toContain("2014-08-10");
  });

  it("does not count a unit list, nor a county's report", () => {
    const d = compliantCounty();
    cadreList(d).kind = "unit_list";
    expect(hits(rule, d)).toEqual([[ID.city]]);
    const other = compliantCounty();
    cadreList(other).regionId = ID.keyCounty;
    expect(hits(rule, other)).toEqual([[ID.city]]);
  });

  it("leaves out a city without poor villages", () => {
    const d = compliantCounty();
    d.reports = [];
    for (const v of d.villages) v.isPoor = false;
    expect(hits(rule, d)).toEqual([]);
  });

  it("checks only once asOf is after the deadline", () => {
    const d = compliantCounty();
    d.reports = [];
    expect(hits(rule, d, { asOf: "2014-08-10" })).toEqual([]);
    expect(hits(rule, d, { asOf: "2014-08-11" })).toEqual([[ID.city]]);
  });
});
