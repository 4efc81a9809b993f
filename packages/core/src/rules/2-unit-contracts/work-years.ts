import { wholeYears } from "../../calendar/calendar.js";
import { defineRule } from "../rule.js";
import { selectedCadres } from "./selected-cadres.js";

/** 二(三)4: a selected cadre has worked at least three whole years when selected. */
export const selectedCadreWorkYears = defineRule({
  id: "selected-cadre.work-years",
  clause: "二(三)4",
  severity: "error",
  scope: "county",
  quote: "3年以上工作经历",
  title: {
    zh: "选派干部有3年以上工作经历",
    en: "A selected cadre has at least three years of work",
  },
  messages: {
    default: {
      zh: "选派干部{entity}(驻{related})于{selectedOn}选派时工作经历为{years}年,不足{min}年;选派干部须有{min}年以上工作经历",
      en: "Selected cadre {entity} in {related} had worked {years} whole years when selected on {selectedOn}; at least {min} are required",
    },
    missing: {
      zh: "选派干部{entity}(驻{related})未填写参加工作时间;选派干部须有{min}年以上工作经历",
      en: "Selected cadre {entity} in {related} has no work start date recorded; at least {min} years of work are required",
    },
  },
  *check(index, ctx) {
    const min = ctx.params.residentCadreMinWorkYears;
    for (const { row, person, hit } of selectedCadres(index, ctx)) {
      if (!ctx.ok(person, "workStartDate")) continue;
      if (person.workStartDate === undefined) {
        yield { ...hit, message: "missing", params: { min } };
        continue;
      }
      const years = wholeYears(person.workStartDate, row.selectedOn);
      if (years < min)
        yield { ...hit, params: { years: Math.max(years, 0), min, selectedOn: row.selectedOn } };
    }
  },
});
