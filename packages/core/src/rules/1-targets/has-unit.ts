import { defineRule } from "../rule.js";

/** 一: every poor village has a responsible unit. */
export const villageHasUnit = defineRule({
  id: "village.has-unit",
  clause: "一",
  severity: "error",
  scope: "county",
  reads: {
    villages: ["exitedPovertyOn", "isPoor"],
    villageAssignments: ["endDate", "startDate"],
  },
  quote: "对全省每个建档立卡的贫困村(以下简称“贫困村”)都确定一个定点帮扶责任单位",
  title: { zh: "每个贫困村都有定点帮扶责任单位", en: "Every poor village has a responsible unit" },
  interpretation: {
    zh: "已出列的贫困村不再是贫困村，不在检查之列（出列日期晚于核查基准日的视为未出列）；包村帮扶单位的包村记录无法确定起止日期的，该村不作判断",
    en: "A poor village that has exited poverty is no longer one and is not checked (an exit dated after the audit date counts as absent); a village with a contract whose dates cannot be read is not judged",
  },
  messages: {
    default: {
      zh: "截至{asOf}，贫困村{entity}没有包村帮扶单位。原文：“都确定一个定点帮扶责任单位”。",
      en: 'Poor village {entity} has no responsible unit as of {asOf} ("都确定一个定点帮扶责任单位").',
    },
  },
  *check(index, ctx) {
    for (const village of index.rows("villages")) {
      if (!ctx.ok(village, "isPoor") || !ctx.isPoorVillage(village)) continue;
      if (ctx.isContracted(village.id)) continue;
      // No cascade: a contract whose dates are broken might be current.
      const rows = index.contractsOfVillage(village.id);
      if (rows.some((r) => !ctx.ok(r))) continue;
      yield { entity: { collection: "villages", id: village.id }, params: { asOf: ctx.asOf } };
    }
  },
});
