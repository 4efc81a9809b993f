import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID, staff } from "../../testing/fixture.js";
import { allFindings, findingsOf, hits } from "../../testing/run.js";
import { workTeamCaptain as rule } from "./captain.js";

type D = ReturnType<typeof compliantCounty>;
const captainOf = (d: D, villageId: string) =>
  d.workTeamMembers.find((m) => m.villageId === villageId && m.teamRole === "captain")!;

describe("work-team.captain", () => {
  it("passes when every work team is captained by the village's resident cadre", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a work team without a captain, and a village without a team", () => {
    const d = compliantCounty();
    captainOf(d, ID.v1).teamRole = "member";
    d.workTeamMembers = d.workTeamMembers.filter((m) => m.villageId !== ID.v4);
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id, x.severity])).toEqual([
      [ID.v4, ID.countyUnit, "error"],
      [ID.v1, ID.provinceUnit, "error"],
    ]);
    expect(f[0]!.message.zh).toContain("没有驻村扶贫工作队");
    expect(f[1]!.message.zh).toContain("天堂村");
    expect(f[1]!.message.zh).toContain("没有队长");
  });

  it("flags a team captained by someone other than a resident cadre", () => {
    const d = compliantCounty();
    captainOf(d, ID.v2).personId = ID.keyTownshipCadre;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id])).toEqual([[ID.v2, ID.cityUnit]]);
    expect(f[0]!.message.zh).toContain("乡镇干部甲（T-K-cadre）");
  });

  it("flags a captain who is the resident cadre of another village", () => {
    const d = compliantCounty();
    captainOf(d, ID.v1).personId = staff(ID.cityUnit, "cadre");
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id])).toEqual([[ID.v1, ID.provinceUnit]]);
    expect(f[0]!.message.zh).toContain("U-C1驻村干部");
  });

  it("flags two captains of whom one is not a resident cadre, naming that one only", () => {
    const d = compliantCounty();
    d.workTeamMembers.push({
      villageId: ID.v1,
      personId: ID.keyTownshipCadre,
      teamRole: "captain",
    });
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id])).toEqual([[ID.v1, ID.provinceUnit]]);
    expect(f[0]!.message.zh).toContain("乡镇干部甲");
    expect(f[0]!.message.zh).not.toContain("U-P1驻村干部");
  });

  it("passes two captains who are both current resident cadres of the village", () => {
    const d = compliantCounty();
    d.residentCadres.push({
      personId: staff(ID.provinceUnit, "helper"),
      villageId: ID.v1,
      unitId: ID.provinceUnit,
      selectedOn: "2016-01-01",
    });
    d.workTeamMembers.push({
      villageId: ID.v1,
      personId: staff(ID.provinceUnit, "helper"),
      teamRole: "captain",
    });
    expect(hits(rule, d)).toEqual([]);
  });

  it("flags the captain of an ended resident cadre, as village.has-resident-cadre flags the village once the gap is long", () => {
    const d = compliantCounty();
    d.residentCadres.find((r) => r.personId === staff(ID.provinceUnit, "cadre"))!.endDate =
      "2018-07-20";
    const mine = ["work-team.captain", "village.has-resident-cadre"];
    expect(allFindings(d).filter(([id]) => mine.includes(id!))).toEqual([
      ["work-team.captain", ID.v1, ID.provinceUnit],
    ]);
    d.residentCadres.find((r) => r.personId === staff(ID.provinceUnit, "cadre"))!.endDate =
      "2018-06-01";
    expect(allFindings(d).filter(([id]) => mine.includes(id!))).toEqual([
      ["village.has-resident-cadre", ID.v1, ID.provinceUnit],
      ["work-team.captain", ID.v1, ID.provinceUnit],
    ]);
  });

  it("says nothing about a village whose captain's or resident cadre's person is broken", () => {
    const d = compliantCounty();
    captainOf(d, ID.v1).personId = "nobody";
    expect(hits(rule, d)).toEqual([]);
    const e = compliantCounty();
    captainOf(e, ID.v2).personId = ID.keyTownshipCadre;
    e.residentCadres.find((r) => r.villageId === ID.v2)!.personId = "nobody";
    expect(hits(rule, e)).toEqual([]);
  });

  it("says nothing about a team without a known captain whose role is broken", () => {
    const d = compliantCounty();
    (captainOf(d, ID.v1) as Record<string, unknown>).teamRole = "chief";
    expect(hits(rule, d)).toEqual([]);
  });

  it("still judges a team whose other member's person is broken", () => {
    const d = compliantCounty();
    captainOf(d, ID.v1).personId = ID.keyTownshipCadre;
    d.workTeamMembers.find((m) => m.villageId === ID.v1 && m.teamRole === "member")!.personId =
      "nobody";
    expect(hits(rule, d)).toEqual([[ID.v1, ID.provinceUnit]]);
  });

  it("leaves out a village that has exited or is not contracted", () => {
    const d = compliantCounty();
    d.workTeamMembers = d.workTeamMembers.filter((m) => m.villageId === ID.v4);
    byId(d.villages, ID.v1).exitedPovertyOn = "2018-07-20";
    d.villageAssignments.find((a) => a.villageId === ID.v2)!.endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
  });
});
