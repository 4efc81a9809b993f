import { describe, expect, it } from "vitest";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { workTeamMembers as rule } from "./members.js";

type D = ReturnType<typeof compliantCounty>;
const drop = (d: D, villageId: string, personId: string) => {
  d.workTeamMembers = d.workTeamMembers.filter(
    (m) => m.villageId !== villageId || m.personId !== personId,
  );
};

describe("work-team.members", () => {
  it("passes when every team holds a township cadre and the village's college officials", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a team without a cadre of the village's township", () => {
    const d = compliantCounty();
    drop(d, ID.v2, ID.keyTownshipCadre);
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id])).toEqual([[ID.v2, ID.cityUnit]]);
    expect(f[0]!.message.zh).toContain("莲塘村");
    expect(f[0]!.message.zh).toContain("乡（镇）干部");
    d.workTeamMembers.push({
      villageId: ID.v2,
      personId: ID.otherTownshipCadre,
      teamRole: "member",
    });
    expect(hits(rule, d)).toEqual([[ID.v2, ID.cityUnit]]);
  });

  it("counts the township's civil-affairs officer as a township cadre", () => {
    const d = compliantCounty();
    drop(d, ID.v2, ID.keyTownshipCadre);
    d.workTeamMembers.push({ villageId: ID.v2, personId: ID.keyCivilAffairs, teamRole: "member" });
    expect(hits(rule, d)).toEqual([]);
  });

  it("flags a team missing a college-graduate village official, naming the official", () => {
    const d = compliantCounty();
    drop(d, ID.v1, ID.collegeOfficialV1);
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity.id, x.related?.[0]?.id])).toEqual([[ID.v1, ID.provinceUnit]]);
    expect(f[0]!.message.zh).toContain("大学生村官（CO-V1）");
    drop(d, ID.v1, ID.keyTownshipCadre);
    expect(findingsOf(rule, d)[0]!.message.en).toContain("no cadre of its township and lacks");
  });

  it("says nothing about a village whose member's person is broken", () => {
    const d = compliantCounty();
    drop(d, ID.v2, ID.keyTownshipCadre);
    d.workTeamMembers.push({ villageId: ID.v2, personId: "nobody", teamRole: "member" });
    expect(hits(rule, d)).toEqual([]);
  });

  it("leaves out a village that has exited", () => {
    const d = compliantCounty();
    drop(d, ID.v1, ID.collegeOfficialV1);
    byId(d.villages, ID.v1).exitedPovertyOn = "2018-07-20";
    expect(hits(rule, d)).toEqual([]);
  });
});
