import { defineRule } from "../rule.js";
import { villageHit } from "./village-hit.js";

/** 二(三)4: a contracted village that has not exited has a resident cadre. */
export const villageHasResidentCadre = defineRule({
  id: "village.has-resident-cadre",
  clause: "二(三)4",
  severity: "error",
  scope: "county",
  quote: "确定一名事业心强、熟悉农村工作的干部常年驻村帮扶",
  title: {
    zh: "包村的村有常年驻村帮扶干部",
    en: "A contracted village has a resident cadre",
  },
  messages: {
    default: {
      zh: "村{entity}在审计日没有驻村帮扶干部;包村单位要确定一名干部常年驻村帮扶",
      en: "Village {entity} has no resident cadre at the audit date; the contracting unit must send a cadre to live in the village year-round",
    },
  },
  *check(index, ctx) {
    for (const village of index.rows("villages")) {
      if (ctx.exited(village) || !ctx.isContracted(village.id)) continue;
      if (ctx.currentResidentCadres(village.id).length === 0) yield villageHit(ctx, village);
    }
  },
});
