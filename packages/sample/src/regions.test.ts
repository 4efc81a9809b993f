import { describe, expect, it } from "vitest";
import { anhuiRegions, isDevelopmentZone, isRuralVillage } from "./regions.js";

describe("anhuiRegions", () => {
  it("holds Anhui's cities, counties, townships and villages with the 31 key counties", () => {
    const r = anhuiRegions();
    expect([r.cities.length, r.counties.length, r.townships.length, r.villages.length]).toEqual([
      16, 119, 1685, 18334,
    ]);
    expect(r.counties.filter((c) => c.isKeyCounty)).toHaveLength(31);
    expect(r.counties.filter((c) => isDevelopmentZone(c.id))).toHaveLength(15);
    expect(r.counties.some((c) => c.isKeyCounty && isDevelopmentZone(c.id))).toBe(false);
  });

  it("tells rural village committees from urban communities and zones", () => {
    expect(
      isRuralVillage({ id: "340828101200", name: "店前村委会", townshipId: "340828101" }),
    ).toBe(true);
    expect(
      isRuralVillage({ id: "340828100001", name: "城东居委会", townshipId: "340828100" }),
    ).toBe(false);
    expect(isRuralVillage({ id: "340828400498", name: "某村委会", townshipId: "340828400" })).toBe(
      false,
    );
  });
});
