import { defineRule } from "../rule.js";

/** 一: every poor household has a helper. */
export const householdHasHelper = defineRule({
  id: "household.has-helper",
  clause: "一",
  severity: "error",
  scope: "county",
  quote: "每个建档立卡的贫困户(以下简称“贫困户”)都确定一名帮扶责任人",
  title: { zh: "每个贫困户都有帮扶责任人", en: "Every poor household has a helper" },
  messages: {
    default: {
      zh: "贫困户{entity}在审计日没有帮扶责任人;每个贫困户都要确定一名帮扶责任人",
      en: "Poor household {entity} has no helper at the audit date; every poor household must have a responsible helper",
    },
  },
  *check(index, ctx) {
    for (const household of index.rows("households")) {
      // A household in an exited village is still a poor household until it exits itself.
      if (ctx.exited(household)) continue;
      if (ctx.currentHelpers(household).length === 0)
        yield { entity: { collection: "households", id: household.id } };
    }
  },
});
