import { describe, expect, it } from "vitest";
import type { Person } from "../schema/collections.js";
import { byId, compliantCounty, ID, staff, villageCadre } from "../testing/fixture.js";
import { helperOf, isPoor, villageOf } from "./household-lookups.js";
import type { Readable } from "./readable.js";

const d = compliantCounty();
const people = new Map(d.people.map((p) => [p.id, p]));
const villages = new Map(d.villages.map((v) => [v.id, v]));
const index = {
  person: (id: string) => people.get(id),
  village: (id: string) => villages.get(id),
};
const everything: Readable = { ok: () => true };
const brokenField = (row: object, field: string): Readable => ({
  ok: (r, ...fields) => r !== row || !fields.includes(field),
});

describe("villageOf", () => {
  const h1 = byId(d.households, ID.h1);
  const v1 = villages.get(ID.v1)!;

  it("is the household's village when its villageId and the village's townshipId are readable", () => {
    expect(villageOf(index, everything, h1)).toBe(v1);
    expect(villageOf(index, brokenField(h1, "villageId"), h1)).toBeUndefined();
    expect(villageOf(index, brokenField(v1, "townshipId"), h1)).toBeUndefined();
    expect(villageOf(index, everything, { ...h1, villageId: "unknown" })).toBeUndefined();
  });
});

describe("isPoor (a poor village for the rules of 三, exited or not)", () => {
  it("reads isPoor, and does not decide when it is broken", () => {
    const v1 = villages.get(ID.v1)!;
    expect(isPoor(everything, { ...v1, exitedPovertyOn: "2016-01-01" })).toBe(true);
    expect(isPoor(everything, villages.get(ID.v3)!)).toBe(false);
    expect(isPoor(brokenField(v1, "isPoor"), v1)).toBeUndefined();
  });
});

describe("helperOf", () => {
  const rowOf = (personId: string) => ({ ...d.householdAssignments[0]!, personId });

  it("is the helper when the row, the role and the field that places the role are readable", () => {
    const staffMember = people.get(staff(ID.provinceUnit, "helper"))!;
    const cadre = people.get(villageCadre(ID.v1))!;
    const row = rowOf(staffMember.id);
    expect(helperOf(index, everything, row)).toBe(staffMember);
    expect(helperOf(index, brokenField(row, "personId"), row)).toBeUndefined();
    expect(helperOf(index, brokenField(staffMember, "role"), row)).toBeUndefined();
    expect(helperOf(index, brokenField(staffMember, "unitId"), row)).toBeUndefined();
    // A unit's staff member is placed by its unit, not its village.
    expect(helperOf(index, brokenField(staffMember, "villageId"), row)).toBe(staffMember);
    expect(helperOf(index, brokenField(cadre, "villageId"), rowOf(cadre.id))).toBeUndefined();
  });

  it("is undefined for an unknown person or role", () => {
    expect(helperOf(index, everything, rowOf("nobody"))).toBeUndefined();
    const odd = { ...people.get(ID.keyTownshipCadre)!, role: "mayor" } as unknown as Person;
    people.set("odd", { ...odd, id: "odd" });
    expect(helperOf(index, everything, rowOf("odd"))).toBeUndefined();
  });
});
