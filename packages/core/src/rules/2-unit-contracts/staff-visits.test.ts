import { describe, expect, it } from "vitest";
import { compliantCounty, ID, staff } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { unitStaffVisits as rule } from "./staff-visits.js";

const helper = staff(ID.cityUnit, "helper");
/** The city unit's staff visit to 莲塘村 in the contract year from 2015-07-15. */
const visit2015 = (d: ReturnType<typeof compliantCounty>) =>
  d.visits.find(
    (v) => v.personId === helper && v.kind === "staff_visit" && v.date === "2015-10-15",
  )!;

describe("unit.staff-visits", () => {
  it("passes with exactly one staff visit in every ended contract year", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a contract year without a staff visit", () => {
    const d = compliantCounty();
    d.visits = d.visits.filter((v) => v !== visit2015(d));
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related, x.years])).toEqual([
      [{ collection: "units", id: ID.cityUnit }, [{ collection: "villages", id: ID.v2 }], [2015]],
    ]);
    expect(f[0]!.severity).toBe("warning");
    expect(f[0]!.message.zh).toContain("安庆市农委(U-C1)");
    expect(f[0]!.message.en).toContain("莲塘村");
  });

  it("counts any staff member but the principal, and no one from another unit", () => {
    const d = compliantCounty();
    const visit = visit2015(d);
    visit.personId = staff(ID.cityUnit, "deputy");
    expect(hits(rule, d)).toEqual([]);
    visit.personId = staff(ID.cityUnit, "principal");
    expect(hits(rule, d)).toEqual([[ID.cityUnit, ID.v2]]);
    visit.personId = staff(ID.countyUnit, "helper");
    expect(hits(rule, d)).toEqual([[ID.cityUnit, ID.v2]]);
  });

  it("sums the visits of several staff members against staffVisitsPerYear", () => {
    const d = compliantCounty();
    for (const v of d.visits.filter((x) => x.personId === helper && x.kind === "staff_visit")) {
      d.visits.push({ ...v, personId: staff(ID.cityUnit, "cadre") });
    }
    const f = findingsOf(rule, d, { parameters: { staffVisitsPerYear: 2 } });
    expect(f.map((x) => [x.entity.id, x.years])).toEqual([
      [ID.countyUnit, [2014, 2015, 2016, 2017]],
      [ID.provinceUnit, [2014, 2015, 2016, 2017]],
    ]);
  });

  it("does not check a contract year that asOf has not ended", () => {
    expect(hits(rule, compliantCounty(), { asOf: "2019-07-14" })).toEqual([]);
    const f = findingsOf(rule, compliantCounty(), { asOf: "2019-07-15" });
    expect(f.map((x) => x.years)).toEqual([[2018], [2018], [2018]]);
  });
});
