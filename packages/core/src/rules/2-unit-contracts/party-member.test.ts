import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID, staff } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { selectedCadrePartyMember as rule } from "./party-member.js";

const id = staff(ID.cityUnit, "cadre");
const cadre = (d: ReturnType<typeof compliantCounty>) => byId(d.people, id);

describe("selected-cadre.party-member", () => {
  it("passes when every selected cadre is a party member", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a selected cadre who is not a party member, naming the person and village", () => {
    const d = compliantCounty();
    cadre(d).partyMember = false;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related])).toEqual([
      [{ collection: "people", id }, [{ collection: "villages", id: ID.v2 }]],
    ]);
    expect(f[0]!.message.zh).toContain("U-C1驻村干部");
    expect(f[0]!.message.zh).toContain("莲塘村");
    expect(f[0]!.message.zh).toContain("非中共党员");
    expect(f[0]!.message.en).toContain("dispatched cadre");
  });

  it("fails a selected cadre whose membership is not recorded", () => {
    const d = compliantCounty();
    delete cadre(d).partyMember;
    const f = findingsOf(rule, d);
    expect(f.map((x) => x.entity.id)).toEqual([id]);
    expect(f[0]!.message.zh).toContain("未填写政治面貌");
  });

  it("skips a membership broken by a data check", () => {
    const d = compliantCounty();
    (cadre(d) as Record<string, unknown>).partyMember = "maybe";
    expect(hits(rule, d)).toEqual([]);
  });

  it("checks only current selected cadres", () => {
    const d = compliantCounty();
    cadre(d).partyMember = false;
    byId(d.units, ID.cityUnit).category = "state_owned_enterprise";
    expect(hits(rule, d)).toEqual([]);
    d.residentCadres.find((r) => r.personId === id)!.selected = true;
    expect(hits(rule, d)).toEqual([[id, ID.v2]]);
    d.residentCadres.find((r) => r.personId === id)!.endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
  });

  it("takes a civil-servant-managed public institution's cadre as selected, whatever the row says", () => {
    const d = compliantCounty();
    cadre(d).partyMember = false;
    const unit = byId(d.units, ID.cityUnit);
    unit.category = "public_institution";
    expect(hits(rule, d)).toEqual([]);
    unit.civilServantManaged = true;
    expect(hits(rule, d)).toEqual([[id, ID.v2]]);
    d.residentCadres.find((r) => r.personId === id)!.selected = false;
    expect(hits(rule, d)).toEqual([[id, ID.v2]]);
  });

  it("judges a party-government organ's or people's organisation's cadre whose row says selected: false", () => {
    const d = compliantCounty();
    cadre(d).partyMember = false;
    d.residentCadres.find((r) => r.personId === id)!.selected = false;
    expect(hits(rule, d)).toEqual([[id, ID.v2]]);
    byId(d.units, ID.cityUnit).category = "peoples_organization";
    expect(hits(rule, d)).toEqual([[id, ID.v2]]);
  });

  it("leaves out a central unit's cadre unless its row says selected: true", () => {
    const d = compliantCounty();
    cadre(d).partyMember = false;
    byId(d.units, ID.cityUnit).category = "central_unit_in_anhui";
    const row = d.residentCadres.find((r) => r.personId === id)!;
    row.selected = false;
    expect(hits(rule, d)).toEqual([]);
    row.selected = true;
    expect(hits(rule, d)).toEqual([[id, ID.v2]]);
  });
});
