import { defineRule } from "../rule.js";
import { householdRef } from "./lookups.js";

/** 三(二)2: a household has a help plan. */
export const householdHasPlan = defineRule({
  id: "household.has-plan",
  clause: "三(二)2",
  severity: "error",
  scope: "county",
  quote: "根据贫困户的实际情况,帮助制定具体帮扶计划",
  title: { zh: "贫困户有具体帮扶计划", en: "A household has a help plan" },
  messages: {
    default: {
      zh: "贫困户{entity}没有帮扶计划(帮扶计划制定日期为空);要根据贫困户的实际情况帮助制定具体帮扶计划",
      en: "Household {entity} has no help plan (no plan date); a concrete help plan must be drawn up for it",
    },
  },
  *check(index, ctx) {
    for (const household of index.rows("households")) {
      // A planOn after asOf is a data.date-order error: the field is broken and the row skipped.
      if (ctx.ok(household, "planOn") && household.planOn === undefined)
        yield householdRef(household.id);
    }
  },
});
