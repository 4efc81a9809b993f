import { defineRule } from "../rule.js";

/** 一: every poor household has a helper. */
export const householdHasHelper = defineRule({
  id: "household.has-helper",
  clause: "一",
  severity: "error",
  scope: "county",
  reads: {
    households: ["exitedPovertyOn"],
    householdAssignments: ["endDate", "startDate"],
  },
  quote: "每个建档立卡的贫困户(以下简称“贫困户”)都确定一名帮扶责任人",
  title: { zh: "每个贫困户都有帮扶责任人", en: "Every poor household has a helper" },
  interpretation: {
    zh: "已脱贫的贫困户不再是贫困户，不在检查之列（脱贫日期晚于核查基准日的视为未脱贫）；所在村已出列或不是贫困村的贫困户仍须有帮扶责任人；包户记录无法确定起止日期的，该户不作判断",
    en: "A household that has exited poverty is no longer a poor household and is not checked (an exit dated after the audit date counts as absent); households of exited or non-poor villages still need a helper; a household with a helper row whose dates cannot be read is not judged",
  },
  messages: {
    default: {
      zh: "截至{asOf}，{entity}没有帮扶责任人。原文：“都确定一名帮扶责任人”。",
      en: 'As of {asOf}, {entity} has no helper ("都确定一名帮扶责任人").',
    },
  },
  *check(index, ctx) {
    for (const household of index.rows("households")) {
      // A household in an exited village is still a poor household until it exits itself.
      if (ctx.exited(household)) continue;
      if (ctx.currentHelpers(household).length > 0) continue;
      // No cascade: a helper row whose dates are broken might be current.
      if (index.helpersOf(household).some((r) => !ctx.ok(r))) continue;
      yield { entity: { collection: "households", id: household.id }, params: { asOf: ctx.asOf } };
    }
  },
});
