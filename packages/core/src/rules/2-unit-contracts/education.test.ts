import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID, staff } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { selectedCadreEducation as rule } from "./education.js";

const id = staff(ID.countyUnit, "cadre");
const cadre = (d: ReturnType<typeof compliantCounty>) => byId(d.people, id);

describe("selected-cadre.education", () => {
  it("passes when every selected cadre has a degree", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("passes an associate degree and fails senior high school", () => {
    const d = compliantCounty();
    cadre(d).education = "associate";
    expect(hits(rule, d)).toEqual([]);
    cadre(d).education = "senior_high";
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id])).toEqual([[id, ID.v4]]);
    expect(f[0]!.message.zh).toContain("U-N1驻村干部");
    expect(f[0]!.message.zh).toContain("高中/中专");
    expect(f[0]!.message.zh).toContain("大专");
  });

  it("fails a selected cadre without education recorded, and skips a broken one", () => {
    const d = compliantCounty();
    delete cadre(d).education;
    expect(hits(rule, d)).toEqual([[id, ID.v4]]);
    (cadre(d) as Record<string, unknown>).education = "kindergarten";
    expect(hits(rule, d)).toEqual([]);
  });

  it("leaves out a cadre who is not selected", () => {
    const d = compliantCounty();
    cadre(d).education = "primary";
    byId(d.units, ID.countyUnit).category = "university";
    expect(hits(rule, d)).toEqual([]);
  });

  it("judges a party-government organ's cadre whose row says selected: false", () => {
    const d = compliantCounty();
    cadre(d).education = "primary";
    d.residentCadres.find((r) => r.personId === id)!.selected = false;
    expect(hits(rule, d)).toEqual([[id, ID.v4]]);
  });

  it("leaves out a central unit's cadre unless its row says selected: true", () => {
    const d = compliantCounty();
    cadre(d).education = "primary";
    byId(d.units, ID.countyUnit).category = "central_unit_in_anhui";
    const row = d.residentCadres.find((r) => r.personId === id)!;
    row.selected = false;
    expect(hits(rule, d)).toEqual([]);
    row.selected = true;
    expect(hits(rule, d)).toEqual([[id, ID.v4]]);
  });
});
