import { describe, expect, it } from "vitest";
import type { Dataset } from "../../schema/collections.js";
import { byId, compliantCounty, ID, staff, villageCadre } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { householdUnitStaffFirst as rule } from "./unit-staff-first.js";

/** h1 (general, 天堂村) helped by the township cadre instead of the province unit's staff. */
const h1ByTownshipCadre = (): Dataset => {
  const d = compliantCounty();
  d.householdAssignments.find((a) => a.householdId === ID.h1)!.personId = ID.keyTownshipCadre;
  return d;
};

/** Every staff member of the province unit helps the wubao household h2 (current rows). */
const busyProvinceStaff = (d: Dataset) => {
  const row = d.householdAssignments.find((a) => a.householdId === ID.h2)!;
  for (const who of ["principal", "deputy", "cadre", "helper"] as const) {
    d.householdAssignments.push({ ...row, personId: staff(ID.provinceUnit, who) });
  }
};

describe("household.unit-staff-first", () => {
  it("passes when poor villages' households are helped by unit staff", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a household helped by a township cadre while a large unit has idle staff", () => {
    const d = h1ByTownshipCadre();
    const f = findingsOf(rule, d);
    expect(hits(rule, d)).toEqual([[ID.h1, ID.keyTownshipCadre]]);
    expect(f[0]!.severity).toBe("warning");
    expect(f[0]!.message.zh).toContain("张一(H-1)");
    expect(f[0]!.message.en).toContain("省扶贫办(U-P1)");
  });

  it("flags a household helped by a village cadre of its village", () => {
    const d = compliantCounty();
    d.householdAssignments.find((a) => a.householdId === ID.h3)!.personId = villageCadre(ID.v2);
    expect(hits(rule, d)).toEqual([[ID.h3, villageCadre(ID.v2)]]);
  });

  it("passes when every contracting unit is small (10 staff), flags at 11", () => {
    const d = h1ByTownshipCadre();
    byId(d.units, ID.provinceUnit).staffSize = 10;
    expect(hits(rule, d)).toEqual([]);
    byId(d.units, ID.provinceUnit).staffSize = 11;
    expect(hits(rule, d)).toEqual([[ID.h1, ID.keyTownshipCadre]]);
  });

  it("flags when only some units of a pool are small", () => {
    const d = h1ByTownshipCadre();
    byId(d.units, ID.provinceUnit).staffSize = 10;
    d.villageAssignments.push({ ...d.villageAssignments[0]!, unitId: ID.cityUnit });
    expect(hits(rule, d)).toEqual([[ID.h1, ID.keyTownshipCadre]]);
  });

  it("passes when every staff member of the contracting units already helps a household", () => {
    const d = h1ByTownshipCadre();
    busyProvinceStaff(d);
    expect(hits(rule, d)).toEqual([]);
  });

  it("flags once a staff member's only helper row has ended", () => {
    const d = h1ByTownshipCadre();
    busyProvinceStaff(d);
    d.householdAssignments.at(-1)!.endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([[ID.h1, ID.keyTownshipCadre]]);
  });

  it("leaves out welfare households and households of non-poor villages", () => {
    const d = h1ByTownshipCadre();
    byId(d.households, ID.h1).attribute = "wubao";
    d.householdAssignments.find((a) => a.householdId === ID.h5)!.personId = ID.keyTownshipCadre;
    expect(hits(rule, d)).toEqual([]);
    byId(d.households, ID.h1).attribute = "dibao";
    expect(hits(rule, d)).toEqual([[ID.h1, ID.keyTownshipCadre]]);
    byId(d.households, ID.h1).hasLaborCapacity = false;
    expect(hits(rule, d)).toEqual([]);
  });

  it("counts, for an exited village, the units whose contract ended on or after the exit", () => {
    const d = h1ByTownshipCadre();
    byId(d.villages, ID.v1).exitedPovertyOn = "2017-01-01";
    d.villageAssignments[0]!.endDate = "2017-01-01";
    expect(hits(rule, d)).toEqual([[ID.h1, ID.keyTownshipCadre]]);
    d.villageAssignments[0]!.endDate = "2016-12-31";
    expect(hits(rule, d)).toEqual([]);
  });
});
