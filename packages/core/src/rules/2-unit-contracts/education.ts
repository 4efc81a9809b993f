import { compareEducation, Education } from "../../vocabulary/enums.js";
import { defineRule } from "../rule.js";
import { selectedCadres } from "./selected-cadres.js";

/** 二(三)4: a selected cadre has at least an associate degree (大专). */
export const selectedCadreEducation = defineRule({
  id: "selected-cadre.education",
  clause: "二(三)4",
  severity: "error",
  scope: "county",
  quote: "大专以上学历",
  title: { zh: "选派干部有大专以上学历", en: "A selected cadre has at least an associate degree" },
  messages: {
    default: {
      zh: "选派干部{entity}(驻{related})的学历为{education},低于{min};选派干部须有{min}以上学历",
      en: "Selected cadre {entity} in {related} has education {educationEn}, below {minEn}; a selected cadre needs at least {minEn}",
    },
    missing: {
      zh: "选派干部{entity}(驻{related})未填写学历;选派干部须有{min}以上学历",
      en: "Selected cadre {entity} in {related} has no education recorded; a selected cadre needs at least {minEn}",
    },
  },
  *check(index, ctx) {
    const min = ctx.params.residentCadreMinEducation;
    const names = { min: Education.labels[min], minEn: min };
    for (const { person, hit } of selectedCadres(index, ctx)) {
      if (!ctx.ok(person, "education")) continue;
      if (person.education === undefined) yield { ...hit, message: "missing", params: names };
      else if (compareEducation(person.education, min) < 0)
        yield {
          ...hit,
          params: {
            ...names,
            education: Education.labels[person.education],
            educationEn: person.education,
          },
        };
    }
  },
});
