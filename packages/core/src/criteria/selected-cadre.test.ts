import { describe, expect, it } from "vitest";
import type { ResidentCadre, Unit } from "../schema/collections.js";
import { byId, compliantCounty, ID } from "../testing/fixture.js";
import type { Readable } from "./readable.js";
import { isSelectedCadre } from "./selected-cadre.js";

const everything: Readable = { ok: () => true };
const brokenField = (row: object, field: string): Readable => ({
  ok: (r, ...fields) => r !== row || !fields.includes(field),
});

/** A resident cadre row of a unit of `unit`'s kind, with the flag given. */
function setting(unit: Partial<Unit>, selected: boolean | undefined) {
  const d = compliantCounty();
  const u = { ...byId(d.units, ID.cityUnit), ...unit };
  const row: ResidentCadre = { ...d.residentCadres[0]!, unitId: u.id, selected };
  return { row, index: { unit: (id: string) => (id === u.id ? u : undefined) } };
}

describe("isSelectedCadre (二(三)4 选派干部)", () => {
  it("is selected when the row says so, whatever the unit", () => {
    const { row, index } = setting({ category: "state_owned_enterprise" }, true);
    expect(isSelectedCadre(row, everything, index)).toBe(true);
  });

  it.each([
    ["a party or government organ", { category: "party_government_organ" }],
    ["a people's organisation", { category: "peoples_organization" }],
    [
      "a civil-servant-managed public institution",
      { category: "public_institution", civilServantManaged: true },
    ],
  ] as const)("is selected when sent by %s, even with selected: false", (_, unit) => {
    const { row, index } = setting(unit, false);
    expect(isSelectedCadre(row, everything, index)).toBe(true);
  });

  it.each([
    ["a central unit in Anhui", { category: "central_unit_in_anhui" }],
    [
      "a public institution not managed as civil service",
      { category: "public_institution", civilServantManaged: false },
    ],
  ] as const)("is not selected when sent by %s and not flagged", (_, unit) => {
    const { row, index } = setting(unit, false);
    expect(isSelectedCadre(row, everything, index)).toBe(false);
    expect(isSelectedCadre({ ...row, selected: undefined }, everything, index)).toBe(false);
  });

  it("does not read a broken flag or a broken unitId", () => {
    const flagged = setting({ category: "central_unit_in_anhui" }, true);
    expect(isSelectedCadre(flagged.row, brokenField(flagged.row, "selected"), flagged.index)).toBe(
      false,
    );
    const organ = setting({ category: "party_government_organ" }, false);
    expect(isSelectedCadre(organ.row, brokenField(organ.row, "unitId"), organ.index)).toBe(false);
    expect(isSelectedCadre(organ.row, brokenField(organ.row, "selected"), organ.index)).toBe(true);
  });

  it("is not selected by an unknown unit", () => {
    const { row } = setting({}, false);
    expect(isSelectedCadre(row, everything, { unit: () => undefined })).toBe(false);
  });
});
