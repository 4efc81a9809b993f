import { defineRule } from "../rule.js";
import { selectedCadres } from "./selected-cadres.js";

/** 二(三)4: a selected cadre is a member of the CPC. */
export const selectedCadrePartyMember = defineRule({
  id: "selected-cadre.party-member",
  clause: "二(三)4",
  severity: "error",
  scope: "county",
  quote: "选派干部的具体条件为:中共党员",
  title: { zh: "选派干部是中共党员", en: "A selected cadre is a CPC member" },
  messages: {
    default: {
      zh: "选派干部{entity}(驻{related})不是中共党员;选派干部须为中共党员",
      en: "Selected cadre {entity} in {related} is not a CPC member; a selected cadre must be one",
    },
    missing: {
      zh: "选派干部{entity}(驻{related})未填写是否中共党员;选派干部须为中共党员",
      en: "Selected cadre {entity} in {related} has no party membership recorded; a selected cadre must be a CPC member",
    },
  },
  *check(index, ctx) {
    for (const { person, hit } of selectedCadres(index, ctx)) {
      if (!ctx.ok(person, "partyMember")) continue;
      if (person.partyMember === undefined) yield { ...hit, message: "missing" };
      else if (!person.partyMember) yield hit;
    }
  },
});
