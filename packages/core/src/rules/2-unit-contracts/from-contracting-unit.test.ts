import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID, staff } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { residentCadreFromContractingUnit as rule } from "./from-contracting-unit.js";

const cadreOf = (d: ReturnType<typeof compliantCounty>, villageId: string) =>
  d.residentCadres.find((r) => r.villageId === villageId)!;

describe("resident-cadre.from-contracting-unit", () => {
  it("passes when every resident cadre is staff of a contracting unit of the village", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a cadre sent by a unit that does not contract the village", () => {
    const d = compliantCounty();
    cadreOf(d, ID.v1).unitId = ID.cityUnit;
    byId(d.people, staff(ID.provinceUnit, "cadre")).unitId = ID.cityUnit;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related])).toEqual([
      [
        { collection: "people", id: staff(ID.provinceUnit, "cadre") },
        [{ collection: "villages", id: ID.v1 }],
      ],
    ]);
    expect(f[0]!.message.zh).toContain("U-P1驻村干部");
    expect(f[0]!.message.zh).toContain("安庆市农委（U-C1）");
    expect(f[0]!.message.zh).toContain("天堂村");
  });

  it("flags a cadre whose unit's contract ended on asOf", () => {
    const d = compliantCounty();
    d.villageAssignments.find((a) => a.villageId === ID.v2)!.endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([[staff(ID.cityUnit, "cadre"), ID.v2]]);
  });

  it("flags a cadre who is not staff of the sending unit", () => {
    const d = compliantCounty();
    byId(d.people, staff(ID.cityUnit, "cadre")).unitId = ID.countyUnit;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id])).toEqual([
      [staff(ID.cityUnit, "cadre"), ID.v2],
    ]);
    expect(f[0]!.message.en).toContain("not staff");
    const e = compliantCounty();
    cadreOf(e, ID.v2).personId = ID.keyTownshipCadre;
    expect(hits(rule, e)).toEqual([[ID.keyTownshipCadre, ID.v2]]);
  });

  it("says nothing where the sending unit's contract for the village has broken dates", () => {
    const d = compliantCounty();
    d.villageAssignments.find((a) => a.villageId === ID.v2)!.endDate = "2014-01-01";
    expect(hits(rule, d)).toEqual([]);
  });

  it("leaves out a resident cadre row that has ended", () => {
    const d = compliantCounty();
    cadreOf(d, ID.v1).unitId = ID.cityUnit;
    cadreOf(d, ID.v1).endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
  });
});
