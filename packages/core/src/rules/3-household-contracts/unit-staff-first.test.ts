import { describe, expect, it } from "vitest";
import type { Dataset } from "../../schema/collections.js";
import { byId, compliantCounty, ID, staff, villageCadre } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { householdUnitStaffFirst as rule } from "./unit-staff-first.js";

type Who = "principal" | "deputy" | "cadre" | "helper";

/** h1 (general, 天堂村) helped by the township cadre instead of the province unit's staff. */
const h1ByTownshipCadre = (): Dataset => {
  const d = compliantCounty();
  d.householdAssignments.find((a) => a.householdId === ID.h1)!.personId = ID.keyTownshipCadre;
  return d;
};

/** These staff members of the province unit help the wubao household h2 too (current rows). */
const busy = (d: Dataset, who: readonly Who[]) => {
  const row = d.householdAssignments.find((a) => a.householdId === ID.h2)!;
  for (const w of who) d.householdAssignments.push({ ...row, personId: staff(ID.provinceUnit, w) });
};

const ALL: readonly Who[] = ["principal", "deputy", "cadre", "helper"];

describe("household.unit-staff-first", () => {
  it("passes when poor villages' households are helped by unit staff", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a household helped by a township cadre while one staff member of the unit is free", () => {
    const d = h1ByTownshipCadre();
    busy(d, ["principal", "deputy", "cadre"]);
    const f = findingsOf(rule, d);
    expect(hits(rule, d)).toEqual([[ID.h1, ID.keyTownshipCadre]]);
    expect(f[0]!.severity).toBe("warning");
    expect(f[0]!.message.zh).toBe(
      "天堂镇天堂村贫困户张一（户编号：H-1）的帮扶责任人乡镇干部甲（T-K-cadre）是天堂镇（340828100）的乡（镇）干部，" +
        "而截至2018年7月20日该村包村帮扶单位尚有干部职工未包扶任何贫困户：省扶贫办（U-P1）1名。" +
        "原文：“对包村帮扶单位人员编制少,不能全部包扶贫困户的,由所在乡(镇)、村干部负责联系”。",
    );
    expect(f[0]!.message.en).toContain("省扶贫办 (U-P1): 1");
  });

  it("passes when no staff member of the contracting units is free", () => {
    const d = h1ByTownshipCadre();
    busy(d, ALL);
    expect(hits(rule, d)).toEqual([]);
  });

  it("counts the unit's principal as free staff", () => {
    const d = h1ByTownshipCadre();
    busy(d, ["deputy", "cadre", "helper"]);
    expect(hits(rule, d)).toEqual([[ID.h1, ID.keyTownshipCadre]]);
  });

  it("flags whatever the unit's size (no size condition in v2)", () => {
    const d = h1ByTownshipCadre();
    byId(d.units, ID.provinceUnit).staffSize = 4;
    expect(hits(rule, d)).toEqual([[ID.h1, ID.keyTownshipCadre]]);
    expect(findingsOf(rule, d)[0]!.message.zh).toContain("省扶贫办（U-P1）4名");
  });

  it("flags a household helped by a village cadre of its village", () => {
    const d = compliantCounty();
    d.householdAssignments.find((a) => a.householdId === ID.h3)!.personId = villageCadre(ID.v2);
    expect(hits(rule, d)).toEqual([[ID.h3, villageCadre(ID.v2)]]);
  });

  it("flags once a staff member's only helper row has ended on asOf, not the day after", () => {
    const d = h1ByTownshipCadre();
    busy(d, ALL);
    d.householdAssignments.at(-1)!.endDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([]);
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

  it("says nothing when the only staff member who may be free has a row with broken dates", () => {
    const d = h1ByTownshipCadre();
    busy(d, ALL);
    d.householdAssignments.at(-1)!.endDate = "2014-07-31"; // before its start: data.date-order
    expect(hits(rule, d)).toEqual([]);
  });

  it("does not count a person whose unit is unknown as anybody's staff", () => {
    const d = h1ByTownshipCadre();
    busy(d, ["principal", "deputy", "cadre"]);
    byId(d.people, staff(ID.provinceUnit, "helper")).unitId = "U-NOWHERE";
    expect(hits(rule, d)).toEqual([]);
  });

  it("does not judge a helper whose township is unknown", () => {
    const d = h1ByTownshipCadre();
    byId(d.people, ID.keyTownshipCadre).townshipId = "T-NOWHERE";
    expect(hits(rule, d)).toEqual([]);
  });
});
