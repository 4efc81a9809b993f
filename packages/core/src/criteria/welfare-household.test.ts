import { describe, expect, it } from "vitest";
import type { Household, Person } from "../schema/collections.js";
import { byId, compliantCounty, ID, staff, villageCadre } from "../testing/fixture.js";
import { isWelfareHousehold, mayHelpWelfareHousehold, welfareKnown } from "./welfare-household.js";

const household = (h: Partial<Household>): Household => ({
  ...byId(compliantCounty().households, ID.h1),
  ...h,
});

describe("isWelfareHousehold (三(一) 五保户和无劳动能力的低保户)", () => {
  it("is a wubao household, or a dibao household without labour capacity", () => {
    expect(isWelfareHousehold({ attribute: "wubao", hasLaborCapacity: true })).toBe(true);
    expect(isWelfareHousehold({ attribute: "dibao", hasLaborCapacity: false })).toBe(true);
    expect(isWelfareHousehold({ attribute: "dibao", hasLaborCapacity: true })).toBe(false);
    expect(isWelfareHousehold({ attribute: "general", hasLaborCapacity: false })).toBe(false);
  });
});

describe("welfareKnown", () => {
  const broken = (field: string) => ({
    ok: (_: object, ...fields: string[]) => !fields.includes(field),
  });

  it("needs the attribute, and the labour capacity of a dibao household only", () => {
    const dibao = household({ attribute: "dibao", hasLaborCapacity: false });
    const wubao = household({ attribute: "wubao" });
    expect(welfareKnown(broken("phone"), dibao)).toBe(true);
    expect(welfareKnown(broken("attribute"), wubao)).toBe(false);
    expect(welfareKnown(broken("hasLaborCapacity"), dibao)).toBe(false);
    expect(welfareKnown(broken("hasLaborCapacity"), wubao)).toBe(true);
  });
});

describe("mayHelpWelfareHousehold (“由所在乡(镇)的民政委员和村干部联系”)", () => {
  const d = compliantCounty();
  const v1 = byId(d.villages, ID.v1);
  const who = (id: string): Person => byId(d.people, id);

  it("is the township's civil-affairs officer or a village cadre of the village", () => {
    expect(mayHelpWelfareHousehold(who(ID.keyCivilAffairs), v1)).toBe(true);
    expect(mayHelpWelfareHousehold(who(villageCadre(ID.v1)), v1)).toBe(true);
  });

  it("is not another township cadre, another township's officer or another village's cadre", () => {
    expect(mayHelpWelfareHousehold(who(ID.keyTownshipCadre), v1)).toBe(false);
    expect(mayHelpWelfareHousehold(who(ID.otherCivilAffairs), v1)).toBe(false);
    expect(mayHelpWelfareHousehold(who(villageCadre(ID.v2)), v1)).toBe(false);
    expect(mayHelpWelfareHousehold(who(ID.collegeOfficialV1), v1)).toBe(false);
    expect(mayHelpWelfareHousehold(who(staff(ID.provinceUnit, "helper")), v1)).toBe(false);
  });
});
