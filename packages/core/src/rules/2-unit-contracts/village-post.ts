import { defineRule } from "../rule.js";
import { selectedCadres } from "./selected-cadres.js";

/** 二(三)4: a selected cadre serves as the village's first secretary or secretary. */
export const selectedCadreVillagePost = defineRule({
  id: "selected-cadre.village-post",
  clause: "二(三)4",
  severity: "error",
  scope: "county",
  quote: "将作为全省第六批选派干部担任贫困村第一书记或书记",
  title: {
    zh: "选派干部担任贫困村第一书记或书记",
    en: "A selected cadre serves as first secretary or secretary of the village",
  },
  messages: {
    default: {
      zh: "选派干部{entity}未担任{related}的第一书记或书记;选派干部要担任贫困村第一书记或书记",
      en: "Selected cadre {entity} does not serve as first secretary or secretary of {related}; a selected cadre must hold one of these posts",
    },
  },
  *check(index, ctx) {
    for (const { row, hit } of selectedCadres(index, ctx)) {
      if (!ctx.ok(row, "villagePost")) continue;
      if (row.villagePost !== "first_secretary" && row.villagePost !== "secretary") yield hit;
    }
  },
});
