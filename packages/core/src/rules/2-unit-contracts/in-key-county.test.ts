import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { cityUnitInKeyCounty as rule } from "./in-key-county.js";

const cityContract = (d: ReturnType<typeof compliantCounty>) =>
  d.villageAssignments.find((a) => a.unitId === ID.cityUnit)!;

describe("city-unit.in-key-county", () => {
  it("passes when the city unit's village lies in a key county of its city", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a city unit contracting a village of a county that is not a key county", () => {
    const d = compliantCounty();
    cityContract(d).villageId = ID.v4;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related])).toEqual([
      [{ collection: "units", id: ID.cityUnit }, [{ collection: "villages", id: ID.v4 }]],
    ]);
    expect(f[0]!.message.zh).toContain("查湾村(340822100201)");
    expect(f[0]!.message.zh).toContain("岳西县(340828)");
  });

  it("leaves out a contract that ended on asOf", () => {
    const d = compliantCounty();
    cityContract(d).villageId = ID.v4;
    cityContract(d).endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
  });

  it("is not applied where the unit's city has no key county", () => {
    const d = compliantCounty();
    cityContract(d).villageId = ID.v4;
    byId(d.counties, ID.keyCounty).isKeyCounty = false;
    expect(hits(rule, d)).toEqual([]);
  });

  it("flags a village in a key county of another city", () => {
    const d = compliantCounty();
    d.cities.push({ id: "341000", name: "黄山市" });
    d.counties.push({ id: "341024", name: "祁门县", cityId: "341000", isKeyCounty: true });
    d.townships.push({ id: "341024100", name: "祁山镇", countyId: "341024" });
    d.villages.push({ id: "341024100201", name: "祁门村", townshipId: "341024100", isPoor: true });
    cityContract(d).villageId = "341024100201";
    expect(hits(rule, d)).toEqual([[ID.cityUnit, "341024100201"]]);
  });
});
