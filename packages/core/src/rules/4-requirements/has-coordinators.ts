import { defineRule } from "../rule.js";

/** 四2: a contracted village and its township name people to coordinate with the resident cadre. */
export const villageHasCoordinators = defineRule({
  id: "village.has-coordinators",
  clause: "四2",
  severity: "error",
  scope: "county",
  quote: "贫困村和所在乡(镇)要指定专人协调、配合驻村干部开展工作",
  title: {
    zh: "贫困村和所在乡(镇)指定专人协调",
    en: "The village and its township name coordinators",
  },
  messages: {
    default: {
      zh: "被包扶的村{entity}未指定村协调人和乡(镇)协调人;贫困村和所在乡(镇)要指定专人协调、配合驻村干部开展工作",
      en: "Contracted village {entity} names neither a village nor a township coordinator; the village and its township must each name someone to work with the resident cadre",
    },
    village: {
      zh: "被包扶的村{entity}未指定村协调人;贫困村要指定专人协调、配合驻村干部开展工作",
      en: "Contracted village {entity} names no village coordinator; the village must name someone to work with the resident cadre",
    },
    township: {
      zh: "被包扶的村{entity}未指定乡(镇)协调人;所在乡(镇)要指定专人协调、配合驻村干部开展工作",
      en: "Contracted village {entity} names no township coordinator; its township must name someone to work with the resident cadre",
    },
  },
  *check(index, ctx) {
    for (const village of index.rows("villages")) {
      if (!ctx.ok(village, "coordinatorId", "townshipCoordinatorId")) continue;
      const noVillage = village.coordinatorId === undefined;
      const noTownship = village.townshipCoordinatorId === undefined;
      if ((!noVillage && !noTownship) || !ctx.isContracted(village.id)) continue;
      const entity = { collection: "villages", id: village.id };
      if (noVillage && noTownship) yield { entity };
      else if (noVillage) yield { entity, message: "village", field: "coordinatorId" };
      else yield { entity, message: "township", field: "townshipCoordinatorId" };
    }
  },
});
