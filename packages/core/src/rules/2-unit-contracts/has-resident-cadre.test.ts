import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID, staff } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { villageHasResidentCadre as rule } from "./has-resident-cadre.js";

type D = ReturnType<typeof compliantCounty>;
const cadreOf = (d: D, villageId: string) =>
  d.residentCadres.find((r) => r.villageId === villageId)!;
const contractOf = (d: D, villageId: string) =>
  d.villageAssignments.find((a) => a.villageId === villageId)!;

describe("village.has-resident-cadre", () => {
  it("passes when every contracted village has a current resident cadre", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("waits the maximum days after a new contract: 30 days without a cadre pass, 31 fail", () => {
    const d = compliantCounty();
    d.residentCadres = d.residentCadres.filter((r) => r.villageId !== ID.v4);
    contractOf(d, ID.v4).startDate = "2018-06-21"; // 21 June … 20 July: 30 contracted days
    expect(hits(rule, d)).toEqual([]);
    contractOf(d, ID.v4).startDate = "2018-06-20"; // 31 days
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id, x.severity])).toEqual([
      [ID.v4, ID.countyUnit, "error"],
    ]);
    expect(f[0]!.message.zh).toContain("查湾村");
    expect(f[0]!.message.zh).toContain("2018年6月20日");
    expect(f[0]!.message.zh).toContain("31天");
    expect(f[0]!.message.zh).toContain("截至2018年7月20日");
    expect(f[0]!.message.en).toContain("31 days");
  });

  it("waits the maximum days after a cadre leaves", () => {
    const d = compliantCounty();
    cadreOf(d, ID.v1).endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
    cadreOf(d, ID.v1).endDate = "2018-06-21";
    expect(hits(rule, d)).toEqual([]);
    cadreOf(d, ID.v1).endDate = "2018-06-20";
    expect(hits(rule, d)).toEqual([[ID.v1, ID.provinceUnit]]);
    expect(hits(rule, d, { parameters: { residentCadreMaxGapDays: 31 } })).toEqual([]);
  });

  it("flags a village whose resident cadre is selected after asOf", () => {
    const d = compliantCounty();
    cadreOf(d, ID.v4).selectedOn = "2018-07-21";
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id])).toEqual([[ID.v4, ID.countyUnit]]);
    expect(f[0]!.message.zh).toContain("2014年7月15日");
  });

  it("counts only contracted days: an earlier contract's days do not lengthen the run", () => {
    const d = compliantCounty();
    contractOf(d, ID.v2).endDate = "2018-01-01";
    cadreOf(d, ID.v2).endDate = "2018-01-01";
    d.villageAssignments.push({ villageId: ID.v2, unitId: ID.countyUnit, startDate: "2018-07-01" });
    expect(hits(rule, d)).toEqual([]);
    d.villageAssignments.at(-1)!.startDate = "2018-06-01";
    expect(hits(rule, d)).toEqual([[ID.v2, ID.countyUnit]]);
  });

  it("counts a resident-cadre row whose person names nobody", () => {
    const d = compliantCounty();
    cadreOf(d, ID.v1).personId = "nobody";
    expect(hits(rule, d)).toEqual([]);
  });

  it("says nothing about a village whose resident-cadre dates are broken", () => {
    const d = compliantCounty();
    cadreOf(d, ID.v1).endDate = "2018-01-01";
    expect(hits(rule, d)).toEqual([[ID.v1, ID.provinceUnit]]);
    d.residentCadres.push({
      personId: staff(ID.provinceUnit, "helper"),
      villageId: ID.v1,
      unitId: ID.provinceUnit,
      selectedOn: "2018-02-01",
      endDate: "2018-01-15", // before its start: data.date-order
    });
    expect(hits(rule, d)).toEqual([]);
  });

  it("leaves out a village that has exited, and one without a current contract", () => {
    const d = compliantCounty();
    d.residentCadres = d.residentCadres.filter((r) => r.villageId === ID.v4);
    byId(d.villages, ID.v1).exitedPovertyOn = "2018-07-20";
    contractOf(d, ID.v2).endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
  });
});
