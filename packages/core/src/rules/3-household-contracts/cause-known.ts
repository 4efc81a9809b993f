import { defineRule } from "../rule.js";
import { householdRef } from "./lookups.js";

/** 三(二)1: the cause of a household's poverty is known. */
export const householdCauseKnown = defineRule({
  id: "household.cause-known",
  clause: "三(二)1",
  severity: "error",
  scope: "county",
  quote: "了解掌握贫困户家庭情况及致贫原因等",
  title: { zh: "掌握贫困户的致贫原因", en: "The cause of a household's poverty is known" },
  messages: {
    default: {
      zh: "贫困户{entity}没有登记主要致贫原因;帮扶责任人要了解掌握贫困户家庭情况及致贫原因",
      en: "Household {entity} has no recorded cause of poverty; the helper must know the household's situation and the cause of its poverty",
    },
  },
  *check(index, ctx) {
    for (const household of index.rows("households")) {
      if (ctx.ok(household, "povertyCause") && household.povertyCause === undefined)
        yield householdRef(household.id);
    }
  },
});
