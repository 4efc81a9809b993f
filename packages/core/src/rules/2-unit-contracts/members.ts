import { defineRule } from "../rule.js";
import { villageHit } from "./village-hit.js";

/** 二(三)4: the work team holds a township cadre and every college-graduate village official. */
export const workTeamMembers = defineRule({
  id: "work-team.members",
  clause: "二(三)4",
  severity: "error",
  scope: "county",
  quote: "驻村帮扶干部、联系贫困村的乡(镇)干部以及所在村大学生村官组成驻村扶贫工作队",
  title: {
    zh: "驻村扶贫工作队有乡(镇)干部和本村大学生村官",
    en: "The work team holds a township cadre and the village's college-graduate officials",
  },
  interpretation: {
    zh: "“联系贫困村的乡(镇)干部”指该村所在乡镇的乡镇干部或民政委员,至少一名",
    en: "The township cadre linked to the village is at least one township cadre or civil-affairs officer of its township",
  },
  messages: {
    default: {
      zh: "村{entity}的驻村扶贫工作队没有本乡(镇)干部;工作队由驻村帮扶干部、联系贫困村的乡(镇)干部和大学生村官组成",
      en: "The work team of village {entity} has no cadre of its township; the team is formed of the resident cadre, a township cadre and the village's college-graduate officials",
    },
    officials: {
      zh: "村{entity}的驻村扶贫工作队缺少本村大学生村官{officials};工作队由驻村帮扶干部、联系贫困村的乡(镇)干部和大学生村官组成",
      en: "The work team of village {entity} lacks the village's college-graduate official(s) {officials}; they belong to the team",
    },
    both: {
      zh: "村{entity}的驻村扶贫工作队没有本乡(镇)干部,并缺少本村大学生村官{officials};工作队由驻村帮扶干部、联系贫困村的乡(镇)干部和大学生村官组成",
      en: "The work team of village {entity} has no cadre of its township and lacks the college-graduate official(s) {officials}; they belong to the team",
    },
  },
  *check(index, ctx) {
    for (const village of index.rows("villages")) {
      if (ctx.exited(village) || !ctx.isContracted(village.id)) continue;
      if (!ctx.ok(village, "townshipId")) continue;
      const team = index.workTeamOfVillage(village.id);
      // A member who cannot be read might be the one missing: skip the village.
      if (team.some((m) => !ctx.ok(m, "personId"))) continue;
      const people = team.map((m) => index.person(m.personId));
      if (people.some((p) => p === undefined || !ctx.ok(p, "role", "townshipId"))) continue;
      const onTeam = new Set(team.map((m) => m.personId));
      // interpretation: any township cadre (or civil-affairs officer) of the village's township.
      const township = people.some((p) => ctx.isTownshipCadreOf(p!, village.townshipId));
      const missing = index.collegeOfficials(village.id).filter((p) => !onTeam.has(p.id));
      if (township && missing.length === 0) continue;
      const officials = missing.map((p) => index.label("people", p.id)).join("、");
      const message = township ? "officials" : missing.length > 0 ? "both" : "default";
      yield { ...villageHit(ctx, village), message, params: { officials } };
    }
  },
});
