import { describe, expect, it } from "vitest";
import type { Dataset } from "../../schema/collections.js";
import { compliantCounty, ID, staff } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { residentCadreApproved as rule } from "./approved.js";

const cadreOf = (d: Dataset, villageId: string) =>
  d.residentCadres.find((r) => r.villageId === villageId)!;

describe("resident-cadre.approved", () => {
  it("passes when every current resident cadre is approved", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a current resident cadre without an approval date", () => {
    const d = compliantCounty();
    delete cadreOf(d, ID.v2).approvedOn;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related, x.field])).toEqual([
      [
        { collection: "people", id: staff(ID.cityUnit, "cadre") },
        [{ collection: "villages", id: ID.v2 }],
        "approvedOn",
      ],
    ]);
    expect(f[0]!.message.zh).toContain(
      "莲塘村（340828100202）的驻村帮扶干部U-C1驻村干部（U-C1-cadre）自2014年7月20日起驻村，截至2018年7月20日没有审定日期",
    );
    expect(f[0]!.message.zh).toContain("原文：“省委组织部和省扶贫办审定”");
  });

  it("accepts an approval on asOf and leaves a later one to data.date-order", () => {
    const d = compliantCounty();
    cadreOf(d, ID.v2).approvedOn = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
    cadreOf(d, ID.v2).approvedOn = "2018-07-21";
    expect(hits(rule, d)).toEqual([]);
  });

  it("judges a cadre from the day of selection, and leaves out one no longer current", () => {
    const d = compliantCounty();
    delete cadreOf(d, ID.v2).approvedOn;
    cadreOf(d, ID.v2).selectedOn = "2018-07-21";
    expect(hits(rule, d)).toEqual([]);
    cadreOf(d, ID.v2).selectedOn = "2018-07-20";
    expect(hits(rule, d)).toEqual([[staff(ID.cityUnit, "cadre"), ID.v2]]);
    cadreOf(d, ID.v2).selectedOn = "2014-07-20";
    cadreOf(d, ID.v2).endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
    cadreOf(d, ID.v2).endDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([[staff(ID.cityUnit, "cadre"), ID.v2]]);
  });

  it("says nothing about a row whose person, village or dates are broken", () => {
    for (const broken of [
      { personId: "nobody" },
      { villageId: "340828100299" },
      { endDate: "2014-07-01" }, // before its selection: data.date-order
    ]) {
      const d = compliantCounty();
      delete cadreOf(d, ID.v2).approvedOn;
      Object.assign(cadreOf(d, ID.v2), broken);
      expect(hits(rule, d), JSON.stringify(broken)).toEqual([]);
    }
  });
});
