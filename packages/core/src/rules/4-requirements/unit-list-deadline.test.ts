import { describe, expect, it } from "vitest";
import type { Dataset } from "../../schema/collections.js";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { reportUnitListDeadline as rule } from "./unit-list-deadline.js";

const reportOf = (d: Dataset, countyId: string) =>
  d.reports.find((r) => r.kind === "unit_list" && r.regionId === countyId)!;

describe("report.unit-list-deadline", () => {
  it("passes when every county with poor villages reported in time", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("accepts a list submitted on the deadline day, not the day after", () => {
    const d = compliantCounty();
    reportOf(d, ID.keyCounty).submittedOn = "2014-07-30";
    expect(hits(rule, d)).toEqual([]);
    reportOf(d, ID.keyCounty).submittedOn = "2014-07-31";
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related])).toEqual([
      [{ collection: "counties", id: ID.keyCounty }, undefined],
    ]);
    expect(f[0]!.message.zh).toContain(
      "岳西县（340828）的包村帮扶单位名单于2014年7月31日上报，晚于上报期限2014年7月30日（含当日），当时该县有贫困村2个",
    );
    expect(f[0]!.message.zh).toContain(
      "原文：“各县要在7月30日前以县为单位将所有包村帮扶单位的名单汇总上报”",
    );
    expect(f[0]!.message.en).toContain("2014-07-30");
  });

  it("flags a county with no unit list, and does not count a cadre list", () => {
    const d = compliantCounty();
    reportOf(d, ID.otherCounty).kind = "cadre_list";
    const f = findingsOf(rule, d);
    expect(f.map((x) => x.entity.id)).toEqual([ID.otherCounty]);
    expect(f[0]!.message.zh).toContain(
      "截至核查基准日2018年7月20日，怀宁县（340822）尚未上报包村帮扶单位名单；上报期限为2014年7月30日（含当日），当时该县有贫困村1个",
    );
  });

  it("follows the deadline parameter", () => {
    const f = findingsOf(rule, compliantCounty(), {
      parameters: { unitListDeadline: "2014-07-27" },
    });
    expect(f.map((x) => x.entity.id)).toEqual([ID.otherCounty, ID.keyCounty]);
    expect(f[0]!.message.zh).toContain("于2014年7月28日上报，晚于上报期限2014年7月27日");
  });

  it("leaves out a county whose villages were not poor at the deadline", () => {
    const d = compliantCounty();
    d.reports = d.reports.filter((r) => r.regionId !== ID.otherCounty);
    byId(d.villages, ID.v4).exitedPovertyOn = "2014-07-30";
    expect(hits(rule, d)).toEqual([]);
    byId(d.villages, ID.v4).exitedPovertyOn = "2014-07-31"; // exited after the deadline
    expect(hits(rule, d)).toEqual([[ID.otherCounty]]);
    byId(d.villages, ID.v4).isPoor = false;
    expect(hits(rule, d)).toEqual([]);
  });

  it("checks only once asOf is after the deadline", () => {
    const d = compliantCounty();
    d.reports = [];
    expect(hits(rule, d, { asOf: "2014-07-30" })).toEqual([]);
    expect(hits(rule, d, { asOf: "2014-07-31" })).toEqual([[ID.otherCounty], [ID.keyCounty]]);
  });

  it("says nothing about a county whose report's date or kind, or only poor village, is broken", () => {
    const future = compliantCounty();
    reportOf(future, ID.otherCounty).submittedOn = "2018-07-21"; // after asOf: data.date-order
    expect(hits(rule, future)).toEqual([]);
    const kind = compliantCounty();
    (reportOf(kind, ID.otherCounty) as { kind: string }).kind = "household_list";
    expect(hits(rule, kind)).toEqual([]);
    const poor = compliantCounty();
    poor.reports = poor.reports.filter((r) => r.regionId !== ID.otherCounty);
    (byId(poor.villages, ID.v4) as { isPoor: unknown }).isPoor = "unknown";
    expect(hits(rule, poor)).toEqual([]);
  });

  it("counts no village whose township is broken for any county", () => {
    const d = compliantCounty();
    d.reports = d.reports.filter((r) => r.regionId !== ID.otherCounty);
    byId(d.villages, ID.v4).townshipId = "340822199";
    expect(hits(rule, d)).toEqual([]);
  });
});
