import { yearOf } from "../../calendar/calendar.js";
import { defineRule } from "../rule.js";
import { villageHit } from "./village-hit.js";

/** 二(三)2: a contracted village has a development plan and an annual plan for every year. */
export const villageHasPlans = defineRule({
  id: "village.has-plans",
  clause: "二(三)2",
  severity: "error",
  scope: "county",
  quote: "帮助贫困村科学制定扶贫开发规划和年度实施计划",
  title: {
    zh: "包村的贫困村有扶贫开发规划和年度实施计划",
    en: "A contracted village has a development plan and annual plans",
  },
  interpretation: {
    zh: "“其包村”指审计日有效的包村关系,从其中最早开始者的年份算起;制定日期晚于审计日的规划不计",
    en: "The contract is the village's current one (the earliest-starting, if several); a plan adopted after the audit date does not count",
  },
  messages: {
    default: {
      zh: "村{entity}缺少扶贫开发规划和{years}年度的年度实施计划;包村单位要帮助贫困村制定扶贫开发规划和年度实施计划",
      en: "Village {entity} has no development plan and no annual plan for {years}; the contracting unit must help it draw up a development plan and annual plans",
    },
    development: {
      zh: "村{entity}缺少扶贫开发规划;包村单位要帮助贫困村制定扶贫开发规划",
      en: "Village {entity} has no development plan; the contracting unit must help it draw up one",
    },
    annual: {
      zh: "村{entity}缺少{years}年度的年度实施计划;自包村当年起每年都要有年度实施计划",
      en: "Village {entity} has no annual plan for {years}; an annual plan is due for every year from the contract's start",
    },
  },
  *check(index, ctx) {
    const lastYear = yearOf(ctx.asOf);
    for (const village of index.rows("villages")) {
      const contracts = ctx.currentContracts(village.id);
      if (contracts.length === 0) continue;
      // interpretation: with several current contracts, plans are due from the earliest start.
      const start = contracts.map((c) => c.startDate).sort()[0]!;
      let development = false;
      const annual = new Set<number>();
      for (const plan of index.plansOfVillage(village.id)) {
        // interpretation: a plan adopted after asOf (a data.date-order error) does not exist yet.
        if (!ctx.ok(plan, "kind", "adoptedOn")) continue;
        if (plan.kind === "development") development = true;
        else if (ctx.ok(plan, "year") && plan.year !== undefined) annual.add(plan.year);
      }
      const years: number[] = [];
      for (let y = yearOf(start); y <= lastYear; y++) if (!annual.has(y)) years.push(y);
      if (development && years.length === 0) continue;
      const message = development ? "annual" : years.length > 0 ? "default" : "development";
      yield { ...villageHit(ctx, village), message, ...(years.length > 0 ? { years } : {}) };
    }
  },
});
