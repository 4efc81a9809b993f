import { joinMessages } from "../../engine/findings.js";
import { defineRule } from "../rule.js";
import { villageHit } from "./village-hit.js";

const QUOTE = "驻村帮扶干部、联系贫困村的乡(镇)干部以及所在村大学生村官组成驻村扶贫工作队";

/** 二(三)4: the work team holds a township cadre and every college-graduate village official. */
export const workTeamMembers = defineRule({
  id: "work-team.members",
  clause: "二(三)4",
  severity: "error",
  scope: "county",
  reads: {
    villages: ["exitedPovertyOn", "townshipId"],
    people: ["role", "townshipId"],
    villageAssignments: ["endDate", "startDate", "unitId"],
    workTeamMembers: ["personId"],
  },
  quote: QUOTE,
  title: {
    zh: "驻村扶贫工作队有本乡（镇）干部和本村全部大学生村官",
    en: "The work team holds a township cadre and the village's college-graduate officials",
  },
  interpretation: {
    zh: "“联系贫困村的乡（镇）干部”指该村所在乡（镇）的乡（镇）干部或民政委员，至少一名；本村的大学生村官都要在队；核查基准日在包、尚未出列的村适用",
    en: "The township cadre linked to the village is at least one township cadre or civil-affairs officer of its township; every college-graduate official of the village is on the team; applies to villages contracted on the audit date and not exited",
  },
  messages: {
    default: {
      zh: `{entity}的驻村扶贫工作队没有本乡（镇）的乡（镇）干部。原文：“${QUOTE}”。`,
      en: `{entity}'s work team has no cadre of its township ("${QUOTE}").`,
    },
    officials: {
      zh: `{entity}的驻村扶贫工作队缺少本村大学生村官{officials}。原文：“${QUOTE}”。`,
      en: `{entity}'s work team lacks the village's college-graduate official(s) {officials} ("${QUOTE}").`,
    },
    both: {
      zh: `{entity}的驻村扶贫工作队没有本乡（镇）的乡（镇）干部，并缺少本村大学生村官{officials}。原文：“${QUOTE}”。`,
      en: `{entity}'s work team has no cadre of its township and lacks the village's college-graduate official(s) {officials} ("${QUOTE}").`,
    },
  },
  *check(index, ctx) {
    for (const village of index.rows("villages")) {
      if (ctx.exited(village) || !ctx.isContracted(village.id)) continue;
      if (!ctx.ok(village, "townshipId")) continue;
      const team = index.workTeamOfVillage(village.id);
      // A member who cannot be read might be the one missing: skip the village.
      if (team.some((m) => !ctx.ok(m))) continue;
      const people = team.map((m) => index.person(m.personId));
      if (people.some((p) => p === undefined || !ctx.ok(p))) continue;
      const onTeam = new Set(team.map((m) => m.personId));
      // interpretation: any township cadre (or civil-affairs officer) of the village's township.
      const township = people.some((p) => ctx.isTownshipCadreOf(p!, village.townshipId));
      const missing = index.collegeOfficials(village.id).filter((p) => !onTeam.has(p.id));
      if (township && missing.length === 0) continue;
      const officials = joinMessages(missing.map((p) => ctx.labels("people", p.id)));
      const message = township ? "officials" : missing.length > 0 ? "both" : "default";
      yield { ...villageHit(ctx, village), message, params: { officials } };
    }
  },
});
