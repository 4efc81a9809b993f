import { defineRule } from "../rule.js";
import { householdRef } from "./lookups.js";

/** 三(二)2: a household has a help plan. */
export const householdHasPlan = defineRule({
  id: "household.has-plan",
  clause: "三(二)2",
  severity: "error",
  scope: "county",
  reads: {
    households: ["planOn"],
  },
  quote: "根据贫困户的实际情况,帮助制定具体帮扶计划",
  title: { zh: "贫困户有具体帮扶计划", en: "A household has a help plan" },
  interpretation: {
    zh: "以记录了帮扶计划制定日期为准；制定日期晚于核查基准日的，由数据检查报告，本规则不作判断",
    en: "A plan counts when its date is recorded; a plan dated after the audit date is reported by the data checks and not judged here",
  },
  messages: {
    default: {
      zh: "截至{asOf}，{entity}没有帮扶计划（未记录帮扶计划制定日期）。原文：“根据贫困户的实际情况,帮助制定具体帮扶计划”。",
      en: 'As of {asOf}, {entity} has no help plan (no plan date is recorded) ("根据贫困户的实际情况,帮助制定具体帮扶计划").',
    },
  },
  *check(index, ctx) {
    for (const household of index.rows("households")) {
      // A planOn after asOf is a data.date-order error: the field is broken and the row skipped.
      if (ctx.ok(household) && household.planOn === undefined)
        yield { ...householdRef(household.id), params: { asOf: ctx.asOf } };
    }
  },
});
