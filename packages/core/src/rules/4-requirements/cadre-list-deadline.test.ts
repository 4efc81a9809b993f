import { describe, expect, it } from "vitest";
import type { Dataset } from "../../schema/collections.js";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
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
    expect(f[0]!.message.zh).toContain(
      "安庆市（340800）的驻村帮扶干部名单于2014年8月11日上报，晚于上报期限2014年8月10日（含当日）",
    );
    expect(f[0]!.message.zh).toContain("原文：“各市要在8月10日前将驻村帮扶干部名单汇总上报”");
    expect(f[0]!.message.en).toContain("2014-08-10");
  });

  it("does not count a unit list, nor a county's report", () => {
    const d = compliantCounty();
    cadreList(d).kind = "unit_list";
    const f = findingsOf(rule, d);
    expect(f.map((x) => x.entity.id)).toEqual([ID.city]);
    expect(f[0]!.message.zh).toContain(
      "截至核查基准日2018年7月20日，安庆市（340800）尚未上报驻村帮扶干部名单；上报期限为2014年8月10日（含当日）",
    );
    const other = compliantCounty();
    cadreList(other).regionId = ID.keyCounty;
    expect(hits(rule, other)).toEqual([[ID.city]]);
  });

  it("follows the deadline parameter", () => {
    const d = compliantCounty();
    expect(hits(rule, d, { parameters: { cadreListDeadline: "2014-08-07" } })).toEqual([[ID.city]]);
    expect(hits(rule, d, { parameters: { cadreListDeadline: "2014-08-08" } })).toEqual([]);
  });

  it("leaves out a city without poor villages at the deadline", () => {
    const d = compliantCounty();
    d.reports = [];
    for (const v of d.villages) v.isPoor = false;
    expect(hits(rule, d)).toEqual([]);
    const exited = compliantCounty();
    exited.reports = [];
    for (const v of exited.villages) v.exitedPovertyOn = "2014-08-10";
    expect(hits(rule, exited)).toEqual([]);
    byId(exited.villages, ID.v4).exitedPovertyOn = "2014-08-11";
    expect(hits(rule, exited)).toEqual([[ID.city]]);
  });

  it("checks only once asOf is after the deadline", () => {
    const d = compliantCounty();
    d.reports = [];
    expect(hits(rule, d, { asOf: "2014-08-10" })).toEqual([]);
    expect(hits(rule, d, { asOf: "2014-08-11" })).toEqual([[ID.city]]);
  });

  it("says nothing about a city whose report's date or kind is broken", () => {
    const future = compliantCounty();
    cadreList(future).submittedOn = "2018-07-21"; // after asOf: data.date-order
    expect(hits(rule, future)).toEqual([]);
    const kind = compliantCounty();
    (cadreList(kind) as { kind: string }).kind = "household_list";
    expect(hits(rule, kind)).toEqual([]);
  });

  it("says nothing when the city's only poor village has a broken isPoor", () => {
    const d = compliantCounty();
    d.reports = [];
    for (const v of d.villages) v.isPoor = false;
    (byId(d.villages, ID.v4) as { isPoor: unknown }).isPoor = "unknown";
    expect(hits(rule, d)).toEqual([]);
  });

  it("counts no village of a county whose city is broken", () => {
    const d = compliantCounty();
    d.reports = [];
    byId(d.counties, ID.keyCounty).cityId = "349999";
    byId(d.counties, ID.otherCounty).cityId = "349999";
    expect(hits(rule, d)).toEqual([]);
  });
});
