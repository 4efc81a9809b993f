import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID, staff } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { householdVerifiedByResidentCadre as rule } from "./verified-by-resident-cadre.js";

describe("household.verified-by-resident-cadre", () => {
  it("passes when every poor village's household was verified by its resident cadre", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a household of a poor village without a verifier", () => {
    const d = compliantCounty();
    delete byId(d.households, ID.h1).verifiedById;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related])).toEqual([
      [{ collection: "households", id: ID.h1 }, undefined],
    ]);
    expect(f[0]!.message.zh).toContain("张一(H-1)");
    expect(f[0]!.message.en).toContain("no verifier");
  });

  it("flags a household verified by someone who is not a resident cadre of its village", () => {
    const d = compliantCounty();
    byId(d.households, ID.h1).verifiedById = staff(ID.provinceUnit, "helper");
    byId(d.households, ID.h3).verifiedById = staff(ID.provinceUnit, "cadre"); // 天堂村's, not 莲塘村's
    const f = findingsOf(rule, d);
    expect(hits(rule, d)).toEqual([[ID.h1], [ID.h3]]);
    expect(f[0]!.message.zh).toContain(staff(ID.provinceUnit, "helper"));
  });

  it("passes a verifier who was a resident cadre of the village and no longer is", () => {
    const d = compliantCounty();
    d.residentCadres.push({
      ...d.residentCadres[0]!,
      personId: staff(ID.provinceUnit, "helper"),
      endDate: "2015-01-01",
    });
    byId(d.households, ID.h1).verifiedById = staff(ID.provinceUnit, "helper");
    expect(hits(rule, d)).toEqual([]);
  });

  it("leaves out households of non-poor villages, and still checks an exited poor village", () => {
    const d = compliantCounty();
    expect(byId(d.households, ID.h5).verifiedById).toBeUndefined();
    byId(d.villages, ID.v1).exitedPovertyOn = "2018-01-01";
    delete byId(d.households, ID.h2).verifiedById;
    expect(hits(rule, d)).toEqual([[ID.h2]]);
  });
});
