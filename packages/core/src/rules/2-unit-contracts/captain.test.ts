import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID, staff } from "../../testing/fixture.js";
import { allFindings, findingsOf, hits } from "../../testing/run.js";
import { workTeamCaptain as rule } from "./captain.js";

const captainOf = (d: ReturnType<typeof compliantCounty>, villageId: string) =>
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
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id])).toEqual([
      [ID.v4, ID.countyUnit],
      [ID.v1, ID.provinceUnit],
    ]);
    expect(f[0]!.message.zh).toContain("没有驻村扶贫工作队");
    expect(f[1]!.message.zh).toContain("天堂村");
  });

  it("flags a team captained by someone other than the resident cadre", () => {
    const d = compliantCounty();
    captainOf(d, ID.v2).personId = ID.keyTownshipCadre;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id])).toEqual([[ID.v2, ID.cityUnit]]);
    expect(f[0]!.message.zh).toContain("乡镇干部甲");
  });

  it("flags the team of an ended resident cadre, as village.has-resident-cadre flags the village", () => {
    const d = compliantCounty();
    d.residentCadres.find((r) => r.personId === staff(ID.provinceUnit, "cadre"))!.endDate =
      "2018-07-20";
    const mine = ["work-team.captain", "village.has-resident-cadre"];
    expect(allFindings(d).filter(([id]) => mine.includes(id!))).toEqual([
      ["village.has-resident-cadre", ID.v1, ID.provinceUnit],
      ["work-team.captain", ID.v1, ID.provinceUnit],
    ]);
  });

  it("leaves out a village that has exited or is not contracted", () => {
    const d = compliantCounty();
    d.workTeamMembers = d.workTeamMembers.filter((m) => m.villageId === ID.v4);
    byId(d.villages, ID.v1).exitedPovertyOn = "2018-07-20";
    d.villageAssignments.find((a) => a.villageId === ID.v2)!.endDate = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
  });
});
