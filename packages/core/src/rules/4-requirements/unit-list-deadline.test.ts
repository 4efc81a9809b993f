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
    expect(f[0]!.message.zh).toContain("岳西县(340828)");
    expect(f[0]!.message.en).toContain("2014-07-30");
  });

  it("flags a county with no unit list, and does not count a cadre list", () => {
    const d = compliantCounty();
    reportOf(d, ID.otherCounty).kind = "cadre_list";
    expect(hits(rule, d)).toEqual([[ID.otherCounty]]);
  });

  it("follows the deadline parameter", () => {
    const f = hits(rule, compliantCounty(), { parameters: { unitListDeadline: "2014-07-27" } });
    expect(f).toEqual([[ID.otherCounty], [ID.keyCounty]]);
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
});
