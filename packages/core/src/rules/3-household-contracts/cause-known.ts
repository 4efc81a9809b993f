import { defineRule } from "../rule.js";
import { householdRef } from "./lookups.js";

/** 三(二)1: the cause of a household's poverty is known. */
export const householdCauseKnown = defineRule({
  id: "household.cause-known",
  clause: "三(二)1",
  severity: "error",
  scope: "county",
  reads: {
    households: ["povertyCause"],
  },
  quote: "了解掌握贫困户家庭情况及致贫原因等",
  title: { zh: "掌握贫困户的致贫原因", en: "The cause of a household's poverty is known" },
  interpretation: {
    zh: "以登记了主要致贫原因为准；主要致贫原因填写有误的，由数据检查报告，本规则不作判断",
    en: "The main cause of poverty must be recorded; an invalid cause is reported by the data checks and not judged here",
  },
  messages: {
    default: {
      zh: "{entity}没有登记主要致贫原因。原文：“了解掌握贫困户家庭情况及致贫原因等”。",
      en: 'No main cause of poverty is recorded for {entity} ("了解掌握贫困户家庭情况及致贫原因等").',
    },
  },
  *check(index, ctx) {
    for (const household of index.rows("households")) {
      if (ctx.ok(household) && household.povertyCause === undefined)
        yield householdRef(household.id);
    }
  },
});
