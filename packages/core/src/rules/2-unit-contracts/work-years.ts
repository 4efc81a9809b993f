import { judge } from "../../criteria/selection-condition.js";
import { WORK_YEARS, workYearsAt } from "../../criteria/work-years.js";
import { defineRule } from "../rule.js";
import { selectedCadres, selectedInterpretation } from "./selected-cadres.js";

const QUOTE = "3年以上工作经历";

/** 二(三)4: a selected cadre has worked at least three whole years when selected. */
export const selectedCadreWorkYears = defineRule({
  id: "selected-cadre.work-years",
  clause: "二(三)4",
  severity: "error",
  scope: "county",
  reads: {
    units: ["category", "civilServantManaged"],
    people: ["workStartDate"],
    residentCadres: ["endDate", "personId", "selected", "selectedOn", "unitId", "villageId"],
  },
  quote: QUOTE,
  title: {
    zh: "选派干部有3年以上工作经历",
    en: "A dispatched cadre has at least three years of work",
  },
  interpretation: selectedInterpretation({
    zh: "工作经历按参加工作时间至选派日期的整年数计，“3年以上”含3年；未填写参加工作时间的按不符合计",
    en: "Years of work are whole years from the work start date to the selection date, 3 included; a dispatched cadre without a work start date fails",
  }),
  messages: {
    default: {
      zh: `驻{related}的选派干部{entity}于{selectedOn}选派时工作经历为{years}年，不足{min}年。原文：“${QUOTE}”。`,
      en: `The dispatched cadre {entity} in {related} had worked {years} whole years when selected on {selectedOn}, fewer than {min} ("${QUOTE}").`,
    },
    missing: {
      zh: `驻{related}的选派干部{entity}未填写参加工作时间，不能确认有{min}年以上工作经历。原文：“${QUOTE}”。`,
      en: `The dispatched cadre {entity} in {related} has no work start date recorded, so cannot be shown to have worked {min} years ("${QUOTE}").`,
    },
  },
  *check(index, ctx) {
    const min = ctx.params.residentCadreMinWorkYears;
    for (const { row, person, hit } of selectedCadres(index, ctx)) {
      const verdict = judge(WORK_YEARS, person, row.selectedOn, ctx.params, ctx);
      if (verdict === "missing") yield { ...hit, message: "missing", params: { min } };
      else if (verdict === false) {
        const years = Math.max(workYearsAt(person.workStartDate!, row.selectedOn), 0);
        yield { ...hit, params: { years, min, selectedOn: row.selectedOn } };
      }
    }
  },
});
