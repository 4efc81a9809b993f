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
const BOTH = [
  [ID.v1, ID.cityUnit],
  [ID.v1, ID.provinceUnit],
];

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
    expect(f[0]!.message.zh).toBe(
      "天堂村（340828100201）由安庆市农委（U-C1）、省扶贫办（U-P1）共同包村，其中省扶贫办（U-P1）编制11人，超过编制少的单位编制人数上限10人。原文：“对人员编制少的单位,可以安排两个以上的单位包村帮扶”。",
    );
    expect(f[0]!.message.en).toContain("11");
  });

  it("warns once per unit that is not small", () => {
    expect(hits(rule, pool(40, 40))).toEqual(BOTH);
  });

  it("follows the smallUnitMaxStaff parameter", () => {
    expect(hits(rule, pool(11, 10), { parameters: { smallUnitMaxStaff: 11 } })).toEqual([]);
  });

  it("judges the pool on asOf: not before the second contract starts, nor after one ends", () => {
    expect(hits(rule, pool(40, 40, "2018-07-21"))).toEqual([]);
    expect(hits(rule, pool(40, 40, "2018-07-20"))).toEqual(BOTH);
    const d = pool(40, 40);
    d.villageAssignments.at(-1)!.endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
  });

  it("says nothing of a pool that ended before asOf", () => {
    const d = pool(40, 40, "2016-01-01");
    d.villageAssignments.at(-1)!.endDate = "2017-01-01";
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

  describe("hand-over", () => {
    /** The province unit leaves 天堂村 on 2018-08-01; the city unit comes in on `start`. */
    const handOver = (start: string) => {
      const d = pool(40, 40, start);
      d.villageAssignments.find((a) => a.unitId === ID.provinceUnit)!.endDate = "2018-08-01";
      return d;
    };

    it("is not a pool with an overlap of exactly 30 days", () => {
      expect(hits(rule, handOver("2018-07-02"))).toEqual([]);
    });

    it("is a pool with an overlap of 31 days", () => {
      expect(hits(rule, handOver("2018-07-01"))).toEqual(BOTH);
      expect(hits(rule, handOver("2018-07-01"), { parameters: { handOverMaxDays: 31 } })).toEqual(
        [],
      );
    });

    it("needs the incoming unit to start after the outgoing one", () => {
      const d = pool(40, 40, "2018-07-10");
      const outgoing = d.villageAssignments.find((a) => a.unitId === ID.cityUnit)!;
      outgoing.endDate = "2018-08-01";
      // The province unit, from 2014, is not coming in: the two share the village.
      expect(hits(rule, d)).toEqual(BOTH);
    });

    it("does not excuse a third unit sharing the village", () => {
      const d = handOver("2018-07-02");
      d.villageAssignments.push({
        villageId: ID.v1,
        unitId: ID.countyUnit,
        startDate: "2016-01-01",
      });
      byId(d.units, ID.countyUnit).staffSize = 5;
      expect(hits(rule, d)).toEqual(BOTH);
    });
  });

  it("does not count a contract whose end is before its start", () => {
    const d = pool(40, 40, "2016-01-01");
    d.villageAssignments.at(-1)!.endDate = "2015-12-31"; // data.date-order
    expect(hits(rule, d)).toEqual([]);
  });
});
