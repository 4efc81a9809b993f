import { EDUCATION } from "../../criteria/education.js";
import { judge } from "../../criteria/selection-condition.js";
import type { Message } from "../../engine/findings.js";
import { Education } from "../../vocabulary/enums.js";
import { defineRule } from "../rule.js";
import { selectedCadres, selectedInterpretation } from "./selected-cadres.js";

const QUOTE = "大专以上学历";

/** The education levels in English prose. */
const EDUCATION_EN: Record<Education, string> = {
  primary: "primary school",
  junior_high: "junior high school",
  senior_high: "senior high or secondary vocational school",
  associate: "an associate degree",
  bachelor: "a bachelor's degree",
  master: "a master's degree",
  doctorate: "a doctorate",
};

const named = (e: Education): Message => ({ zh: Education.labels[e], en: EDUCATION_EN[e] });

/** 二(三)4: a selected cadre has at least an associate degree (大专). */
export const selectedCadreEducation = defineRule({
  id: "selected-cadre.education",
  clause: "二(三)4",
  severity: "error",
  scope: "county",
  reads: {
    units: ["category", "civilServantManaged"],
    people: ["education"],
    residentCadres: ["endDate", "personId", "selected", "selectedOn", "unitId", "villageId"],
  },
  quote: QUOTE,
  title: {
    zh: "选派干部有大专以上学历",
    en: "A dispatched cadre has at least an associate degree",
  },
  interpretation: selectedInterpretation({
    zh: "“大专以上”含大专；未填写学历的按不符合计",
    en: "An associate degree is enough; a dispatched cadre without a recorded education fails",
  }),
  messages: {
    default: {
      zh: `驻{related}的选派干部{entity}学历为{education}，低于{min}。原文：“${QUOTE}”。`,
      en: `The dispatched cadre {entity} in {related} has {education}, less than {min} ("${QUOTE}").`,
    },
    missing: {
      zh: `驻{related}的选派干部{entity}未填写学历，不能确认有{min}以上学历。原文：“${QUOTE}”。`,
      en: `The dispatched cadre {entity} in {related} has no education recorded, so cannot be shown to have at least {min} ("${QUOTE}").`,
    },
  },
  *check(index, ctx) {
    const min = ctx.params.residentCadreMinEducation;
    for (const { row, person, hit } of selectedCadres(index, ctx)) {
      const verdict = judge(EDUCATION, person, row.selectedOn, ctx.params, ctx);
      if (verdict === "missing") yield { ...hit, message: "missing", params: { min: named(min) } };
      else if (verdict === false)
        yield { ...hit, params: { min: named(min), education: named(person.education!) } };
    }
  },
});
