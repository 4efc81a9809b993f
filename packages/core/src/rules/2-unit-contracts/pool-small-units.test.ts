import { describe, expect, it } from "vitest";
import { byId, CONTRACT_START, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { villagePoolSmallUnits as rule } from "./pool-small-units.js";

/** 天堂村 contracted by both the province unit and the city unit, of these staff sizes. */
function pool(provinceStaff: number, cityStaff: number, startDate = CONTRACT_START) {
  const d = compliantCounty();
  d.villageAssignments.push({ villageId: ID.v1, unitId: ID.cityUnit, startDate });
  byId(d.units, ID.provinceUnit).staffSize = provinceStaff;
  byId(d.units, ID.cityUnit).staffSize = cityStaff;
  return d;
}

describe("village.pool-small-units", () => {
  it("passes when every village has one unit", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("passes a pool of two units of exactly smallUnitMaxStaff staff", () => {
    expect(hits(rule, pool(10, 10))).toEqual([]);
  });

  it("warns about the unit of one more staff, naming the village and the unit", () => {
    const f = findingsOf(rule, pool(11, 10));
    expect(f.map((x) => [x.entity, x.related, x.severity])).toEqual([
      [
        { collection: "villages", id: ID.v1 },
        [{ collection: "units", id: ID.provinceUnit }],
        "warning",
      ],
    ]);
    expect(f[0]!.message.zh).toContain("天堂村(340828100201)");
    expect(f[0]!.message.zh).toContain("省扶贫办(U-P1)");
    expect(f[0]!.message.en).toContain("11");
  });

  it("warns once per unit that is not small", () => {
    expect(hits(rule, pool(40, 40))).toEqual([
      [ID.v1, ID.cityUnit],
      [ID.v1, ID.provinceUnit],
    ]);
  });

  it("follows the smallUnitMaxStaff parameter", () => {
    expect(hits(rule, pool(11, 10), { parameters: { smallUnitMaxStaff: 11 } })).toEqual([]);
  });

  it("judges the pool only while both contracts are current", () => {
    expect(hits(rule, pool(40, 40, "2018-07-21"))).toEqual([]);
    expect(hits(rule, pool(40, 40, "2018-07-20"))).toHaveLength(2);
    const d = pool(40, 40);
    d.villageAssignments.at(-1)!.endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
  });

  it("does not count two rows of the same unit as a pool", () => {
    const d = compliantCounty();
    d.villageAssignments.push({
      villageId: ID.v1,
      unitId: ID.provinceUnit,
      startDate: "2016-01-01",
    });
    expect(hits(rule, d)).toEqual([]);
  });
});
