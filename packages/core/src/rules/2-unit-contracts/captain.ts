import { defineRule } from "../rule.js";
import { villageHit } from "./village-hit.js";

/** 二(三)4: the village's work team is captained by its current resident cadre. */
export const workTeamCaptain = defineRule({
  id: "work-team.captain",
  clause: "二(三)4",
  severity: "error",
  scope: "county",
  quote: "由驻村帮扶干部任队长",
  title: {
    zh: "驻村扶贫工作队由驻村帮扶干部任队长",
    en: "The resident cadre captains the village's work team",
  },
  interpretation: {
    zh: "工作队须有队长,且每名队长都是该村审计日在任的驻村帮扶干部",
    en: "The team has a captain, and every captain is a current resident cadre of the village",
  },
  messages: {
    default: {
      zh: "村{entity}的驻村扶贫工作队没有队长;工作队由驻村帮扶干部任队长",
      en: "The work team of village {entity} has no captain; the resident cadre captains the team",
    },
    noTeam: {
      zh: "村{entity}没有驻村扶贫工作队;要组成驻村扶贫工作队,由驻村帮扶干部任队长",
      en: "Village {entity} has no work team; a work team captained by the resident cadre is required",
    },
    notCadre: {
      zh: "村{entity}驻村扶贫工作队的队长{captains}不是该村在任的驻村帮扶干部;工作队由驻村帮扶干部任队长",
      en: "The captain {captains} of the work team of village {entity} is not its current resident cadre; the resident cadre captains the team",
    },
  },
  *check(index, ctx) {
    for (const village of index.rows("villages")) {
      if (ctx.exited(village) || !ctx.isContracted(village.id)) continue;
      const team = index.workTeamOfVillage(village.id);
      // A row whose person or role cannot be read leaves the captain unknown: skip the village.
      if (team.some((m) => !ctx.ok(m, "personId", "teamRole"))) continue;
      const hit = villageHit(ctx, village);
      if (team.length === 0) {
        yield { ...hit, message: "noTeam" };
        continue;
      }
      const captains = team.filter((m) => m.teamRole === "captain").map((m) => m.personId);
      if (captains.length === 0) {
        yield hit;
        continue;
      }
      const cadres = new Set(ctx.currentResidentCadres(village.id).map((r) => r.personId));
      // interpretation: every captain must be a current resident cadre of the village.
      const others = captains.filter((p) => !cadres.has(p));
      if (others.length > 0)
        yield {
          ...hit,
          message: "notCadre",
          params: { captains: others.map((p) => index.label("people", p)).join("、") },
        };
    }
  },
});
