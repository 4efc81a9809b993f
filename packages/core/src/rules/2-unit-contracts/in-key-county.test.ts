import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { cityUnitInKeyCounty as rule } from "./in-key-county.js";

type D = ReturnType<typeof compliantCounty>;
const cityContract = (d: D) => d.villageAssignments.find((a) => a.unitId === ID.cityUnit)!;

describe("city-unit.in-key-county", () => {
  it("passes when the city unit's village lies in a key county of its city", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("warns of a city unit whose only village lies in a county that is not a key county, naming no village", () => {
    const d = compliantCounty();
    cityContract(d).villageId = ID.v4;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related, x.severity])).toEqual([
      [{ collection: "units", id: ID.cityUnit }, undefined, "warning"],
    ]);
    expect(f[0]!.message.zh).toContain("查湾村（340822100201）");
    expect(f[0]!.message.zh).toContain("岳西县（340828）");
    expect(f[0]!.message.en).toContain("岳西县 (340828)");
  });

  it("passes a city unit with one poor village in a key county and others elsewhere (一个 is a minimum)", () => {
    const d = compliantCounty();
    d.villageAssignments.push({ villageId: ID.v4, unitId: ID.cityUnit, startDate: "2016-01-01" });
    expect(hits(rule, d)).toEqual([]);
  });

  it("warns of a city unit whose village in a key county is not poor", () => {
    const d = compliantCounty();
    cityContract(d).villageId = ID.v3;
    expect(hits(rule, d)).toEqual([[ID.cityUnit]]);
  });

  it("leaves out a unit without a current contract (city-unit.has-village's)", () => {
    const d = compliantCounty();
    cityContract(d).villageId = ID.v4;
    cityContract(d).endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
  });

  it("is not applied where the unit's city has no key county, or none with a poor village", () => {
    const d = compliantCounty();
    cityContract(d).villageId = ID.v4;
    byId(d.counties, ID.keyCounty).isKeyCounty = false;
    expect(hits(rule, d)).toEqual([]);
    const e = compliantCounty();
    cityContract(e).villageId = ID.v4;
    byId(e.villages, ID.v1).exitedPovertyOn = "2018-01-01";
    byId(e.villages, ID.v2).isPoor = false;
    expect(hits(rule, e)).toEqual([]);
    byId(e.villages, ID.v2).isPoor = true;
    expect(hits(rule, e)).toEqual([[ID.cityUnit]]);
  });

  it("warns of a city unit whose village lies in a key county of another city", () => {
    const d = compliantCounty();
    d.cities.push({ id: "341000", name: "黄山市" });
    d.counties.push({ id: "341024", name: "祁门县", cityId: "341000", isKeyCounty: true });
    d.townships.push({ id: "341024100", name: "祁山镇", countyId: "341024" });
    d.villages.push({ id: "341024100201", name: "祁门村", townshipId: "341024100", isPoor: true });
    cityContract(d).villageId = "341024100201";
    expect(hits(rule, d)).toEqual([[ID.cityUnit]]);
  });

  it("says nothing where a contracted village's poverty or its county's key status is broken", () => {
    const d = compliantCounty();
    d.villageAssignments.push({ villageId: ID.v4, unitId: ID.cityUnit, startDate: "2016-01-01" });
    cityContract(d).villageId = ID.v3;
    expect(hits(rule, d)).toEqual([[ID.cityUnit]]);
    (byId(d.villages, ID.v3) as Record<string, unknown>).isPoor = "perhaps";
    expect(hits(rule, d)).toEqual([]);
    const e = compliantCounty();
    cityContract(e).villageId = ID.v4;
    (byId(e.counties, ID.otherCounty) as Record<string, unknown>).isKeyCounty = "perhaps";
    expect(hits(rule, e)).toEqual([]);
  });
});
