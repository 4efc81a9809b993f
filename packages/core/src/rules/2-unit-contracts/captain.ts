import { joinMessages } from "../../engine/findings.js";
import { defineRule } from "../rule.js";
import { villageHit } from "./village-hit.js";

/** 二(三)4: the village's work team is captained by its current resident cadre. */
export const workTeamCaptain = defineRule({
  id: "work-team.captain",
  clause: "二(三)4",
  severity: "error",
  scope: "county",
  reads: {
    villages: ["exitedPovertyOn"],
    villageAssignments: ["endDate", "startDate", "unitId"],
    residentCadres: ["endDate", "personId", "selectedOn"],
    workTeamMembers: ["personId", "teamRole"],
  },
  quote: "由驻村帮扶干部任队长",
  title: {
    zh: "驻村扶贫工作队由本村驻村帮扶干部任队长",
    en: "The village's resident cadre captains its work team",
  },
  interpretation: {
    zh: "核查基准日在包、尚未出列的村应有驻村扶贫工作队，队中至少一名队长，且每名队长都是该村在任的驻村帮扶干部",
    en: "A village contracted on the audit date and not exited has a work team with at least one captain, and every captain is a current resident cadre of that village",
  },
  messages: {
    default: {
      zh: "{entity}的驻村扶贫工作队没有队长。原文：“由驻村帮扶干部任队长”。",
      en: '{entity}\'s work team has no captain ("由驻村帮扶干部任队长").',
    },
    noTeam: {
      zh: "{entity}没有驻村扶贫工作队。原文：“驻村帮扶干部、联系贫困村的乡(镇)干部以及所在村大学生村官组成驻村扶贫工作队,由驻村帮扶干部任队长”。",
      en: '{entity} has no work team ("驻村帮扶干部、联系贫困村的乡(镇)干部以及所在村大学生村官组成驻村扶贫工作队,由驻村帮扶干部任队长").',
    },
    notCadre: {
      zh: "{entity}的驻村扶贫工作队队长{captains}不是该村在任的驻村帮扶干部。原文：“由驻村帮扶干部任队长”。",
      en: '{entity}\'s work team is captained by {captains}, who is not a current resident cadre of the village ("由驻村帮扶干部任队长").',
    },
  },
  *check(index, ctx) {
    for (const village of index.rows("villages")) {
      if (ctx.exited(village) || !ctx.isContracted(village.id)) continue;
      const team = index.workTeamOfVillage(village.id);
      const captains = team.filter((m) => ctx.ok(m, "teamRole") && m.teamRole === "captain");
      // A village whose captain's or current resident cadre's person cannot be read is not judged
      // (no-cascade).
      if (captains.some((m) => !ctx.ok(m, "personId") || m.personId === undefined)) continue;
      const rows = index.residentCadresOfVillage(village.id);
      const cadres = new Set<string>();
      let unknownPerson = false;
      let undatable = false;
      for (const r of rows) {
        if (!ctx.ok(r, "selectedOn", "endDate")) undatable = true;
        else if (!ctx.isCurrent(r)) continue;
        else if (!ctx.ok(r, "personId") || r.personId === undefined) unknownPerson = true;
        else cadres.add(r.personId);
      }
      if (unknownPerson) continue;
      const hit = villageHit(ctx, village);
      if (captains.length === 0) {
        // A member whose role cannot be read might be the captain.
        if (team.some((m) => !ctx.ok(m, "teamRole"))) continue;
        yield team.length === 0 ? { ...hit, message: "noTeam" } : hit;
        continue;
      }
      const others = [...new Set(captains.map((m) => m.personId))].filter((p) => !cadres.has(p));
      // A resident-cadre row that cannot be placed in time might make a captain current.
      if (others.length === 0 || undatable) continue;
      yield {
        ...hit,
        message: "notCadre",
        params: { captains: joinMessages(others.map((p) => ctx.labels("people", p))) },
      };
    }
  },
});
