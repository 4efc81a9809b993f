import { defineRule } from "../rule.js";
import { selectedCadres, selectedInterpretation } from "./selected-cadres.js";

const QUOTE = "将作为全省第六批选派干部担任贫困村第一书记或书记";

/** 二(三)4: a selected cadre serves as the village's first secretary or secretary. */
export const selectedCadreVillagePost = defineRule({
  id: "selected-cadre.village-post",
  clause: "二(三)4",
  severity: "error",
  scope: "county",
  reads: {
    units: ["category", "civilServantManaged"],
    residentCadres: [
      "endDate",
      "personId",
      "selected",
      "selectedOn",
      "unitId",
      "villageId",
      "villagePost",
    ],
  },
  quote: QUOTE,
  title: {
    zh: "选派干部担任贫困村第一书记或书记",
    en: "A dispatched cadre serves as first secretary or secretary of the village",
  },
  interpretation: selectedInterpretation({
    zh: "未填写在村任职的按不符合计",
    en: "A dispatched cadre without a recorded village post fails",
  }),
  messages: {
    default: {
      zh: `驻{related}的选派干部{entity}未担任该村第一书记或书记。原文：“${QUOTE}”。`,
      en: `The dispatched cadre {entity} does not serve as first secretary or secretary of {related} ("${QUOTE}").`,
    },
    missing: {
      zh: `驻{related}的选派干部{entity}未填写在村任职，不能确认担任第一书记或书记。原文：“${QUOTE}”。`,
      en: `The dispatched cadre {entity} in {related} has no village post recorded, so cannot be shown to serve as first secretary or secretary ("${QUOTE}").`,
    },
  },
  *check(index, ctx) {
    for (const { row, hit } of selectedCadres(index, ctx)) {
      if (!ctx.ok(row, "villagePost")) continue;
      if (row.villagePost === undefined) yield { ...hit, message: "missing" };
      else if (row.villagePost !== "first_secretary" && row.villagePost !== "secretary") yield hit;
    }
  },
});
