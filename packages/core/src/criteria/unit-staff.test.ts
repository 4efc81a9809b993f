import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID, staff, villageCadre } from "../testing/fixture.js";
import { isStaffOf } from "./unit-staff.js";

describe("isStaffOf (本单位干部职工)", () => {
  const d = compliantCounty();
  const units = [byId(d.units, ID.provinceUnit), byId(d.units, ID.cityUnit)];

  it("is unit staff whose row names one of the units, principal and resident cadre included", () => {
    expect(isStaffOf(byId(d.people, staff(ID.provinceUnit, "helper")), units)).toBe(true);
    expect(isStaffOf(byId(d.people, staff(ID.cityUnit, "principal")), units)).toBe(true);
    expect(isStaffOf(byId(d.people, staff(ID.cityUnit, "cadre")), units)).toBe(true);
  });

  it("is not staff of another unit, nor a cadre whose row names a unit", () => {
    expect(isStaffOf(byId(d.people, staff(ID.countyUnit, "helper")), units)).toBe(false);
    const cadre = { ...byId(d.people, villageCadre(ID.v1)), unitId: ID.provinceUnit };
    expect(isStaffOf(cadre, units)).toBe(false);
    expect(isStaffOf(byId(d.people, staff(ID.provinceUnit, "helper")), [])).toBe(false);
  });
});
