import { describe, expect, it } from "vitest";
import { compliantCounty, ID, staff } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { residentCadreOneVillage as rule } from "./one-village.js";

const cadre = staff(ID.cityUnit, "cadre");

describe("resident-cadre.one-village", () => {
  it("passes when every person is resident cadre of one village", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a person who is current resident cadre of two villages, once per village", () => {
    const d = compliantCounty();
    d.residentCadres.push({
      personId: cadre,
      villageId: ID.v4,
      unitId: ID.cityUnit,
      selectedOn: "2016-01-01",
    });
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.collection, x.entity.id, x.related?.[0]?.id])).toEqual([
      ["people", cadre, ID.v4],
      ["people", cadre, ID.v2],
    ]);
    expect(f[0]!.message.zh).toContain("U-C1驻村干部");
    expect(f[0]!.message.zh).toContain("莲塘村（340828100202）");
    expect(f[0]!.message.zh).toContain("查湾村（340822100201）");
  });

  it("passes when the other row ended on asOf or starts after it", () => {
    const d = compliantCounty();
    d.residentCadres.push({
      personId: cadre,
      villageId: ID.v4,
      unitId: ID.cityUnit,
      selectedOn: "2016-01-01",
      endDate: "2018-07-20",
    });
    expect(hits(rule, d)).toEqual([]);
    d.residentCadres.at(-1)!.selectedOn = "2018-07-21";
    delete d.residentCadres.at(-1)!.endDate;
    expect(hits(rule, d)).toEqual([]);
  });

  it("passes two current rows for the same village", () => {
    const d = compliantCounty();
    d.residentCadres.push({
      personId: cadre,
      villageId: ID.v2,
      unitId: ID.cityUnit,
      selectedOn: "2016-01-01",
    });
    expect(hits(rule, d)).toEqual([]);
  });
});
