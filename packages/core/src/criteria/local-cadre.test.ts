import { describe, expect, it } from "vitest";
import type { Person } from "../schema/collections.js";
import { byId, compliantCounty, ID, staff, villageCadre } from "../testing/fixture.js";
import { isLocalCadreOf } from "./local-cadre.js";
import { isCivilAffairsOfficerOf, isTownshipCadreOf } from "./township-cadre.js";
import { isVillageCadreOf } from "./village-cadre.js";

const d = compliantCounty();
const who = (id: string): Person => byId(d.people, id);
const v1 = byId(d.villages, ID.v1);

describe("isTownshipCadreOf (乡（镇）干部)", () => {
  it("is a township cadre or civil-affairs officer of that township", () => {
    expect(isTownshipCadreOf(who(ID.keyTownshipCadre), ID.keyTownship)).toBe(true);
    expect(isTownshipCadreOf(who(ID.keyCivilAffairs), ID.keyTownship)).toBe(true);
    expect(isTownshipCadreOf(who(ID.otherTownshipCadre), ID.keyTownship)).toBe(false);
    expect(isTownshipCadreOf(who(villageCadre(ID.v1)), ID.keyTownship)).toBe(false);
  });

  it("is nobody's of an unknown township, not even a person without one", () => {
    const placeless = { ...who(ID.keyTownshipCadre), townshipId: undefined };
    expect(isTownshipCadreOf(placeless, undefined)).toBe(false);
    expect(
      isCivilAffairsOfficerOf({ ...placeless, role: "civil_affairs_officer" }, undefined),
    ).toBe(false);
  });
});

describe("isCivilAffairsOfficerOf (民政委员)", () => {
  it("is the civil-affairs officer of that township, not another township cadre", () => {
    expect(isCivilAffairsOfficerOf(who(ID.keyCivilAffairs), ID.keyTownship)).toBe(true);
    expect(isCivilAffairsOfficerOf(who(ID.keyTownshipCadre), ID.keyTownship)).toBe(false);
    expect(isCivilAffairsOfficerOf(who(ID.otherCivilAffairs), ID.keyTownship)).toBe(false);
  });
});

describe("isVillageCadreOf (村干部)", () => {
  it("is a village cadre of that village; a college-graduate official is not one", () => {
    expect(isVillageCadreOf(who(villageCadre(ID.v1)), ID.v1)).toBe(true);
    expect(isVillageCadreOf(who(villageCadre(ID.v2)), ID.v1)).toBe(false);
    expect(isVillageCadreOf(who(ID.collegeOfficialV1), ID.v1)).toBe(false);
  });
});

describe("isLocalCadreOf (所在乡(镇)、村干部)", () => {
  it("is a cadre of the village's township or of the village", () => {
    expect(isLocalCadreOf(who(ID.keyTownshipCadre), v1)).toBe(true);
    expect(isLocalCadreOf(who(ID.keyCivilAffairs), v1)).toBe(true);
    expect(isLocalCadreOf(who(villageCadre(ID.v1)), v1)).toBe(true);
    expect(isLocalCadreOf(who(ID.otherTownshipCadre), v1)).toBe(false);
    expect(isLocalCadreOf(who(villageCadre(ID.v2)), v1)).toBe(false);
    expect(isLocalCadreOf(who(staff(ID.provinceUnit, "helper")), v1)).toBe(false);
  });
});
