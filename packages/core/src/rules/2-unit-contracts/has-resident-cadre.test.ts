import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { villageHasResidentCadre as rule } from "./has-resident-cadre.js";

const cadreOf = (d: ReturnType<typeof compliantCounty>, villageId: string) =>
  d.residentCadres.find((r) => r.villageId === villageId)!;

describe("village.has-resident-cadre", () => {
  it("passes when every contracted village has a current resident cadre", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a village whose resident cadre left on asOf, and passes one leaving the day after", () => {
    const d = compliantCounty();
    cadreOf(d, ID.v1).endDate = "2018-07-20";
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id])).toEqual([[ID.v1, ID.provinceUnit]]);
    expect(f[0]!.message.zh).toContain("天堂村");
    expect(f[0]!.message.en).toContain(ID.v1);
    cadreOf(d, ID.v1).endDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([]);
  });

  it("flags a village whose resident cadre is selected after asOf", () => {
    const d = compliantCounty();
    cadreOf(d, ID.v4).selectedOn = "2018-07-21";
    expect(hits(rule, d)).toEqual([[ID.v4, ID.countyUnit]]);
  });

  it("leaves out a village that has exited, and one without a current contract", () => {
    const d = compliantCounty();
    d.residentCadres = d.residentCadres.filter((r) => r.villageId === ID.v4);
    byId(d.villages, ID.v1).exitedPovertyOn = "2018-07-20";
    d.villageAssignments.find((a) => a.villageId === ID.v2)!.endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
  });
});
