import { PARTY_MEMBER } from "../../criteria/party-member.js";
import { judge } from "../../criteria/selection-condition.js";
import { defineRule } from "../rule.js";
import { selectedCadres, selectedInterpretation } from "./selected-cadres.js";

const QUOTE = "选派干部的具体条件为:中共党员";

/** 二(三)4: a selected cadre is a member of the CPC. */
export const selectedCadrePartyMember = defineRule({
  id: "selected-cadre.party-member",
  clause: "二(三)4",
  severity: "error",
  scope: "county",
  reads: {
    units: ["category", "civilServantManaged"],
    people: ["partyMember"],
    residentCadres: ["endDate", "personId", "selected", "selectedOn", "unitId", "villageId"],
  },
  quote: QUOTE,
  title: { zh: "选派干部是中共党员", en: "A dispatched cadre is a CPC member" },
  interpretation: selectedInterpretation({
    zh: "未填写政治面貌的选派干部按不符合计",
    en: "A dispatched cadre without a recorded party membership fails",
  }),
  messages: {
    default: {
      zh: `驻{related}的选派干部{entity}政治面貌为非中共党员。原文：“${QUOTE}”。`,
      en: `The dispatched cadre {entity} in {related} is not a CPC member ("${QUOTE}").`,
    },
    missing: {
      zh: `驻{related}的选派干部{entity}未填写政治面貌，不能确认是中共党员。原文：“${QUOTE}”。`,
      en: `The dispatched cadre {entity} in {related} has no party membership recorded, so cannot be shown to be a CPC member ("${QUOTE}").`,
    },
  },
  *check(index, ctx) {
    for (const { row, person, hit } of selectedCadres(index, ctx)) {
      const verdict = judge(PARTY_MEMBER, person, row.selectedOn, ctx.params, ctx);
      if (verdict === "missing") yield { ...hit, message: "missing" };
      else if (verdict === false) yield hit;
    }
  },
});
