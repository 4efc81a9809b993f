import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID, staff } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { selectedCadreReservePreferred as rule } from "./reserve-preferred.js";

const cityCadre = staff(ID.cityUnit, "cadre");
const countyCadre = staff(ID.countyUnit, "cadre");
type D = ReturnType<typeof compliantCounty>;
const rowOf = (d: D, personId: string) => d.residentCadres.find((r) => r.personId === personId)!;

describe("selected-cadre.reserve-preferred", () => {
  it("passes when city and county cadres are reserve cadres", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("notes a city and a county unit's cadre who are not reserve cadres", () => {
    const d = compliantCounty();
    byId(d.people, cityCadre).reserveCadre = false;
    byId(d.people, countyCadre).reserveCadre = false;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id, x.severity])).toEqual([
      [cityCadre, ID.v2, "info"],
      [countyCadre, ID.v4, "info"],
    ]);
    expect(f[0]!.message.zh).toContain("安庆市农委（U-C1）");
    expect(f[0]!.message.zh).toContain("莲塘村");
    expect(f[0]!.message.en).toContain("dispatched cadre");
  });

  it("lets the reserve flag alone decide: the current rank does not", () => {
    const d = compliantCounty();
    byId(d.people, cityCadre).rank = "other";
    expect(hits(rule, d)).toEqual([]);
    delete byId(d.people, countyCadre).rank;
    expect(hits(rule, d)).toEqual([]);
    byId(d.people, cityCadre).rank = "county_division";
    byId(d.people, cityCadre).reserveCadre = false;
    expect(hits(rule, d)).toEqual([[cityCadre, ID.v2]]);
  });

  it("counts a missing reserve flag as not a reserve cadre, and skips a broken one", () => {
    const d = compliantCounty();
    delete byId(d.people, cityCadre).reserveCadre;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id])).toEqual([[cityCadre, ID.v2]]);
    expect(f[0]!.message.zh).toContain("未填写是否后备干部");
    (byId(d.people, cityCadre) as Record<string, unknown>).reserveCadre = "soon";
    expect(hits(rule, d)).toEqual([]);
  });

  it("leaves out a province unit's cadre", () => {
    const d = compliantCounty();
    byId(d.people, staff(ID.provinceUnit, "cadre")).reserveCadre = false;
    expect(hits(rule, d)).toEqual([]);
  });

  it("judges a party-government organ's cadre whose row says selected: false", () => {
    const d = compliantCounty();
    byId(d.people, cityCadre).reserveCadre = false;
    rowOf(d, cityCadre).selected = false;
    expect(hits(rule, d)).toEqual([[cityCadre, ID.v2]]);
  });

  it("leaves out a central unit's cadre unless its row says selected: true", () => {
    const d = compliantCounty();
    byId(d.people, cityCadre).reserveCadre = false;
    byId(d.units, ID.cityUnit).category = "central_unit_in_anhui";
    rowOf(d, cityCadre).selected = false;
    expect(hits(rule, d)).toEqual([]);
    rowOf(d, cityCadre).selected = true;
    expect(hits(rule, d)).toEqual([[cityCadre, ID.v2]]);
  });
});
