import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID, staff } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { selectedCadreVillagePost as rule } from "./village-post.js";

const id = staff(ID.cityUnit, "cadre");
const rowOf = (d: ReturnType<typeof compliantCounty>) =>
  d.residentCadres.find((r) => r.personId === id)!;

describe("selected-cadre.village-post", () => {
  it("passes when every selected cadre is first secretary", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("passes a secretary and flags no post or a missing one", () => {
    const d = compliantCounty();
    rowOf(d).villagePost = "secretary";
    expect(hits(rule, d)).toEqual([]);
    rowOf(d).villagePost = "none";
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id])).toEqual([[id, ID.v2]]);
    expect(f[0]!.message.zh).toContain("莲塘村");
    delete rowOf(d).villagePost;
    expect(hits(rule, d)).toEqual([[id, ID.v2]]);
    expect(findingsOf(rule, d)[0]!.message.zh).toContain("未填写在村任职");
  });

  it("judges a party-government organ's cadre whose row says selected: false", () => {
    const d = compliantCounty();
    rowOf(d).villagePost = "none";
    rowOf(d).selected = false;
    expect(hits(rule, d)).toEqual([[id, ID.v2]]);
  });

  it("leaves out a central unit's cadre unless its row says selected: true", () => {
    const d = compliantCounty();
    rowOf(d).villagePost = "none";
    byId(d.units, ID.cityUnit).category = "central_unit_in_anhui";
    rowOf(d).selected = false;
    expect(hits(rule, d)).toEqual([]);
    rowOf(d).selected = true;
    expect(hits(rule, d)).toEqual([[id, ID.v2]]);
  });

  it("skips a post broken by a data check", () => {
    const d = compliantCounty();
    (rowOf(d) as Record<string, unknown>).villagePost = "mayor";
    expect(hits(rule, d)).toEqual([]);
  });
});
