import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID, staff } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { selectedCadreWorkYears as rule } from "./work-years.js";

// The fixture's cadres are selected on 2014-07-20.
const id = staff(ID.cityUnit, "cadre");
const cadre = (d: ReturnType<typeof compliantCounty>) => byId(d.people, id);

describe("selected-cadre.work-years", () => {
  it("passes when every selected cadre has worked long enough", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("passes exactly three whole years at selectedOn and fails a day short", () => {
    const d = compliantCounty();
    cadre(d).workStartDate = "2011-07-20";
    expect(hits(rule, d)).toEqual([]);
    cadre(d).workStartDate = "2011-07-21";
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id])).toEqual([[id, ID.v2]]);
    expect(f[0]!.message.zh).toContain("U-C1驻村干部");
    expect(f[0]!.message.en).toContain("2 whole years");
    expect(f[0]!.message.zh).toContain("2014年7月20日");
  });

  it("fails a selected cadre without a work start date, and skips a broken one", () => {
    const d = compliantCounty();
    delete cadre(d).workStartDate;
    const f = findingsOf(rule, d);
    expect(f.map((x) => x.entity.id)).toEqual([id]);
    expect(f[0]!.message.zh).toContain("未填写参加工作时间");
    cadre(d).workStartDate = "2011-02-30";
    expect(hits(rule, d)).toEqual([]);
  });

  it("judges a party-government organ's cadre whose row says selected: false", () => {
    const d = compliantCounty();
    cadre(d).workStartDate = "2014-01-01";
    d.residentCadres.find((r) => r.personId === id)!.selected = false;
    expect(hits(rule, d)).toEqual([[id, ID.v2]]);
  });

  it("leaves out a central unit's cadre unless its row says selected: true", () => {
    const d = compliantCounty();
    cadre(d).workStartDate = "2014-01-01";
    byId(d.units, ID.cityUnit).category = "central_unit_in_anhui";
    const row = d.residentCadres.find((r) => r.personId === id)!;
    row.selected = false;
    expect(hits(rule, d)).toEqual([]);
    row.selected = true;
    expect(hits(rule, d)).toEqual([[id, ID.v2]]);
  });

  it("follows the parameter", () => {
    const d = compliantCounty();
    cadre(d).workStartDate = "2011-07-20";
    expect(hits(rule, d, { parameters: { residentCadreMinWorkYears: 4 } })).toEqual([[id, ID.v2]]);
  });
});
