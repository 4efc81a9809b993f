import { describe, expect, it } from "vitest";
import { loadDataset } from "../../engine/loader.js";
import { RuleContext } from "../../engine/rule-context.js";
import { parametersOn } from "../../params/parameters.js";
import { byId, compliantCounty, FIXTURE_AS_OF, ID, staff } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { villageResidentCadreContinuous as rule } from "./resident-cadre-continuous.js";

type D = ReturnType<typeof compliantCounty>;
const cadreOf = (d: D, villageId: string) =>
  d.residentCadres.find((r) => r.villageId === villageId)!;
/** A successor to the village's resident cadre, selected on `selectedOn`. */
const successor = (d: D, villageId: string, unitId: string, selectedOn: string) =>
  d.residentCadres.push({
    personId: staff(unitId, "helper"),
    villageId,
    unitId,
    selectedOn,
    villagePost: "first_secretary",
    approvedOn: selectedOn,
  });

describe("village.resident-cadre-continuous", () => {
  it("passes the fixture, whose cadres start five days after the contracts", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("passes a gap of exactly the maximum days and warns one day longer, naming its first and last day", () => {
    const d = compliantCounty();
    cadreOf(d, ID.v1).endDate = "2016-01-01";
    successor(d, ID.v1, ID.provinceUnit, "2016-01-31"); // 1 January … 30 January: 30 days
    expect(hits(rule, d)).toEqual([]);
    d.residentCadres.at(-1)!.selectedOn = "2016-02-01"; // 1 January … 31 January: 31 days
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.map((r) => r.id), x.severity])).toEqual([
      [ID.v1, [ID.provinceUnit], "warning"],
    ]);
    expect(f[0]!.message.zh).toContain("2016年1月1日至2016年1月31日（31天）");
    expect(f[0]!.message.zh).toContain("天堂村");
    expect(f[0]!.message.zh).toContain("省扶贫办");
    expect(f[0]!.message.zh).toContain("30天");
    expect(f[0]!.message.en).toContain("2016-01-01 to 2016-01-31 (31 days)");
  });

  it("follows the parameter", () => {
    const d = compliantCounty();
    cadreOf(d, ID.v1).endDate = "2016-01-01";
    successor(d, ID.v1, ID.provinceUnit, "2016-01-31");
    expect(hits(rule, d, { parameters: { residentCadreMaxGapDays: 29 } })).toEqual([
      [ID.v1, ID.provinceUnit],
    ]);
    expect(hits(rule, compliantCounty(), { parameters: { residentCadreMaxGapDays: 4 } })).toEqual([
      [ID.v4, ID.countyUnit],
      [ID.v1, ID.provinceUnit],
      [ID.v2, ID.cityUnit],
    ]);
  });

  it("leaves a gap still open on asOf to village.has-resident-cadre", () => {
    const d = compliantCounty();
    cadreOf(d, ID.v1).endDate = "2018-01-01";
    expect(hits(rule, d)).toEqual([]);
    // Closed the day before asOf: the gap ends before asOf.
    successor(d, ID.v1, ID.provinceUnit, "2018-07-19");
    expect(hits(rule, d)).toEqual([[ID.v1, ID.provinceUnit]]);
    d.residentCadres.at(-1)!.selectedOn = "2018-07-20";
    expect(hits(rule, d)).toEqual([[ID.v1, ID.provinceUnit]]);
    d.residentCadres.at(-1)!.selectedOn = "2018-07-21";
    expect(hits(rule, d)).toEqual([]);
  });

  it("names every gap in one finding, and the units in force on each gap's first day", () => {
    const d = compliantCounty();
    const v2 = d.villageAssignments.find((a) => a.villageId === ID.v2)!;
    v2.endDate = "2016-06-01";
    d.villageAssignments.push({ villageId: ID.v2, unitId: ID.countyUnit, startDate: "2016-06-01" });
    cadreOf(d, ID.v2).endDate = "2015-03-01";
    successor(d, ID.v2, ID.cityUnit, "2015-05-01");
    d.residentCadres.at(-1)!.endDate = "2016-06-01";
    successor(d, ID.v2, ID.countyUnit, "2016-08-01");
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.map((r) => r.id)])).toEqual([
      [ID.v2, [ID.countyUnit, ID.cityUnit].sort()],
    ]);
    expect(f[0]!.message.zh).toContain("2015年3月1日至2015年4月30日（61天）");
    expect(f[0]!.message.zh).toContain("2016年6月1日至2016年7月31日（61天）");
    expect(f[0]!.message.zh).toContain("2段");
  });

  it("counts only contracted days: days without a contract end a run", () => {
    const d = compliantCounty();
    const v4 = d.villageAssignments.find((a) => a.villageId === ID.v4)!;
    v4.endDate = "2016-01-21";
    d.villageAssignments.push({ villageId: ID.v4, unitId: ID.countyUnit, startDate: "2016-03-01" });
    cadreOf(d, ID.v4).endDate = "2016-01-01"; // 20 contracted days without a cadre …
    successor(d, ID.v4, ID.countyUnit, "2016-03-21"); // … then 20 more after the break
    expect(hits(rule, d)).toEqual([]);
    v4.endDate = "2016-03-01"; // now one run of 80 days
    expect(hits(rule, d)).toEqual([[ID.v4, ID.countyUnit]]);
  });

  it("counts days before the village's exit only, and checks an exited village's past", () => {
    const d = compliantCounty();
    cadreOf(d, ID.v1).endDate = "2017-01-01";
    byId(d.villages, ID.v1).exitedPovertyOn = "2017-01-31"; // 30 days before the exit
    expect(hits(rule, d)).toEqual([]);
    byId(d.villages, ID.v1).exitedPovertyOn = "2017-02-01"; // 31 days, ending before asOf
    expect(findingsOf(rule, d)[0]!.message.zh).toContain("2017年1月1日至2017年1月31日");
  });

  it("counts a resident-cadre row of any unit, and one whose person is unknown", () => {
    const d = compliantCounty();
    cadreOf(d, ID.v1).endDate = "2016-01-01";
    successor(d, ID.v1, ID.cityUnit, "2016-03-01");
    expect(hits(rule, d)).toEqual([[ID.v1, ID.provinceUnit]]);
    d.residentCadres.push({
      personId: "nobody",
      villageId: ID.v1,
      unitId: ID.cityUnit,
      selectedOn: "2016-01-01",
      endDate: "2016-03-01",
    });
    expect(hits(rule, d)).toEqual([]);
  });

  it("says nothing about a village whose resident-cadre or contract dates are broken", () => {
    const d = compliantCounty();
    cadreOf(d, ID.v1).endDate = "2016-01-01";
    successor(d, ID.v1, ID.provinceUnit, "2016-06-01");
    expect(hits(rule, d)).toEqual([[ID.v1, ID.provinceUnit]]);
    d.residentCadres.push({
      personId: staff(ID.cityUnit, "helper"),
      villageId: ID.v1,
      unitId: ID.provinceUnit,
      selectedOn: "2016-02-01",
      endDate: "2016-01-15", // before its start: data.date-order
    });
    expect(hits(rule, d)).toEqual([]);
    const e = compliantCounty();
    cadreOf(e, ID.v1).endDate = "2016-01-01";
    successor(e, ID.v1, ID.provinceUnit, "2016-06-01");
    e.villageAssignments.push({
      villageId: ID.v1,
      unitId: ID.cityUnit,
      startDate: "2015-01-01",
      endDate: "2014-01-01",
    });
    expect(hits(rule, e)).toEqual([]);
  });

  // Speed is measured by `pnpm bench`, never by a timed assertion: this checks the counts only.
  it("finds every gap of thousands of villages over years", () => {
    const d = compliantCounty();
    for (let i = 0; i < 3000; i++) {
      const id = `3408281${10000 + i}`; // clear of the fixture's 340828100201…
      d.villages.push({ id, name: `村${i}`, townshipId: ID.keyTownship, isPoor: true });
      d.villageAssignments.push({ villageId: id, unitId: ID.countyUnit, startDate: "2000-01-01" });
      for (let y = 2000; y < 2018; y++)
        d.residentCadres.push({
          personId: staff(ID.countyUnit, "helper"),
          villageId: id,
          unitId: ID.countyUnit,
          selectedOn: `${y}-01-01`,
          // Even villages change cadres over a day, odd ones leave December empty (31 days).
          endDate: `${y}-12-${i % 2 === 0 ? "31" : "01"}`,
        });
      d.residentCadres.push({
        personId: staff(ID.countyUnit, "helper"),
        villageId: id,
        unitId: ID.countyUnit,
        selectedOn: "2018-01-01",
      });
    }
    const index = loadDataset(d);
    const ctx = new RuleContext(index, FIXTURE_AS_OF, parametersOn(FIXTURE_AS_OF), new Map());
    const found = [...rule.check(index, ctx)];
    expect(found).toHaveLength(1500);
    expect(found[0]!.params!.count).toBe(18);
  });
});
