import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID, staff } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { selectedCadreAge as rule } from "./age.js";

// The fixture's cadres are selected on 2014-07-20.
const id = staff(ID.provinceUnit, "cadre");
const bornOn = (d: ReturnType<typeof compliantCounty>, date: string) => {
  const p = byId(d.people, id);
  p.birthDate = date;
  delete p.idNumber; // keep the id number check out of the picture
};

describe("selected-cadre.age", () => {
  it("passes when every selected cadre is young enough", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("passes 40 at selectedOn and the day before the 41st birthday; warns at 41", () => {
    const d = compliantCounty();
    bornOn(d, "1974-07-20");
    expect(hits(rule, d)).toEqual([]);
    bornOn(d, "1973-07-21");
    expect(hits(rule, d)).toEqual([]);
    bornOn(d, "1973-07-20");
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id, x.severity])).toEqual([
      [id, ID.v1, "warning"],
    ]);
    expect(f[0]!.message.zh).toContain("41周岁");
    expect(f[0]!.message.zh).toContain("2014年7月20日");
    expect(f[0]!.message.zh).toContain("天堂村");
    expect(f[0]!.message.zh).toContain("U-P1驻村干部");
  });

  it("fails a selected cadre without a birth date", () => {
    const d = compliantCounty();
    const p = byId(d.people, id);
    delete p.birthDate;
    delete p.idNumber;
    expect(hits(rule, d)).toEqual([[id, ID.v1]]);
  });

  it("skips a birth date broken by a data check", () => {
    const d = compliantCounty();
    bornOn(d, "1960-13-01");
    expect(hits(rule, d)).toEqual([]);
  });

  it("judges a party-government organ's cadre whose row says selected: false", () => {
    const d = compliantCounty();
    bornOn(d, "1960-01-01");
    d.residentCadres.find((r) => r.personId === id)!.selected = false;
    expect(hits(rule, d)).toEqual([[id, ID.v1]]);
  });

  it("leaves out a central unit's cadre unless its row says selected: true", () => {
    const d = compliantCounty();
    bornOn(d, "1960-01-01");
    byId(d.units, ID.provinceUnit).category = "central_unit_in_anhui";
    const row = d.residentCadres.find((r) => r.personId === id)!;
    expect(hits(rule, d)).toEqual([]);
    row.selected = false;
    expect(hits(rule, d)).toEqual([]);
    row.selected = true;
    expect(hits(rule, d)).toEqual([[id, ID.v1]]);
  });

  it("leaves out a cadre whose row has ended", () => {
    const d = compliantCounty();
    bornOn(d, "1960-01-01");
    d.residentCadres.find((r) => r.personId === id)!.endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
  });
});
