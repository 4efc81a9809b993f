import { defineRule } from "../rule.js";

/** 一: every poor village has a responsible unit. */
export const villageHasUnit = defineRule({
  id: "village.has-unit",
  clause: "一",
  severity: "error",
  scope: "county",
  quote: "对全省每个建档立卡的贫困村(以下简称“贫困村”)都确定一个定点帮扶责任单位",
  title: { zh: "每个贫困村都有定点帮扶责任单位", en: "Every poor village has a responsible unit" },
  messages: {
    default: {
      zh: "贫困村{entity}在审计日没有包村帮扶单位;每个贫困村都要确定一个定点帮扶责任单位",
      en: "Poor village {entity} has no contracting unit at the audit date; every poor village must have a responsible unit",
    },
  },
  *check(index, ctx) {
    for (const village of index.rows("villages")) {
      if (!ctx.ok(village, "isPoor") || !ctx.isPoorVillage(village)) continue;
      if (!ctx.isContracted(village.id))
        yield { entity: { collection: "villages", id: village.id } };
    }
  },
});
