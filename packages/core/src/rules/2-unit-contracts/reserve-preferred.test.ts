import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID, staff } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { selectedCadreReservePreferred as rule } from "./reserve-preferred.js";

const cityCadre = staff(ID.cityUnit, "cadre");
const countyCadre = staff(ID.countyUnit, "cadre");

describe("selected-cadre.reserve-preferred", () => {
  it("passes when city and county cadres are reserve cadres of section rank", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("notes a city unit's cadre who is not a reserve cadre, and a county unit's of other rank", () => {
    const d = compliantCounty();
    byId(d.people, cityCadre).reserveCadre = false;
    byId(d.people, countyCadre).rank = "other";
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id, x.severity])).toEqual([
      [cityCadre, ID.v2, "info"],
      [countyCadre, ID.v4, "info"],
    ]);
    expect(f[0]!.message.zh).toContain("安庆市农委");
  });

  it("passes a reserve cadre of county-division rank, and notes one without rank", () => {
    const d = compliantCounty();
    byId(d.people, cityCadre).rank = "county_division";
    expect(hits(rule, d)).toEqual([]);
    delete byId(d.people, cityCadre).rank;
    expect(hits(rule, d)).toEqual([[cityCadre, ID.v2]]);
  });

  it("leaves out a province unit's cadre", () => {
    const d = compliantCounty();
    byId(d.people, staff(ID.provinceUnit, "cadre")).reserveCadre = false;
    expect(hits(rule, d)).toEqual([]);
  });
});
