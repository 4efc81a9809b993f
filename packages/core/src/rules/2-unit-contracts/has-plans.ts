import { yearOf } from "../../calendar/calendar.js";
import type { RuleContext } from "../../engine/rule-context.js";
import type { VillageAssignment } from "../../schema/collections.js";
import { addDays, datedRow } from "../4-requirements/contract-terms.js";
import { defineRule } from "../rule.js";
import { villageHit } from "./village-hit.js";

/** The first day of year `y` on which `row` is in force, if any. */
function firstDayIn(ctx: RuleContext, row: VillageAssignment, y: number): string | undefined {
  const start = ctx.start(row)!;
  const first = start > `${y}-01-01` ? start : `${y}-01-01`;
  return first <= `${y}-12-31` && ctx.inForceOn(row, first) ? first : undefined;
}

/** 二(三)2: a contracted village has a development plan and an annual plan for every year. */
export const villageHasPlans = defineRule({
  id: "village.has-plans",
  clause: "二(三)2",
  severity: "error",
  scope: "county",
  reads: {
    villagePlans: ["adoptedOn", "kind", "year"],
    villageAssignments: ["endDate", "startDate", "unitId"],
  },
  quote: "帮助贫困村科学制定扶贫开发规划和年度实施计划",
  title: {
    zh: "包村的贫困村有扶贫开发规划和年度实施计划",
    en: "A contracted village has a development plan and annual plans",
  },
  interpretation: {
    zh: "已开始的包村记录（现行或已结束，任一单位）都计入。“某日之后若干天到期”指该日加上天数所得之日为到期日，到期日不晚于核查基准日的即要求（核查基准日恰为到期日的要求，为到期日前一天的不要求）。扶贫开发规划在最早开始的包村之日后材料完成宽限天数（默认90天）到期；某年度的年度实施计划在该年度首个有包村关系有效之日后材料完成宽限天数到期，到期日落在该年度内的才要求（12月31日才开始包村的，当年不要求）。制定日期不晚于核查基准日的规划计入；年度实施计划按所属年度计入，不论制定早晚（迟制定不另行认定）。制定日期晚于核查基准日的规划是数据问题，不据此认定其所属年度的年度实施计划或扶贫开发规划缺少。",
    en: "Every started contract row counts, current or ended, of any unit. The development plan is due the grace days (90 by default) after the earliest start; the annual plan for a year is due the grace days after the year's first day with a contract in force, and only when that due date falls within the year. A plan is owed from its due date on (an audit date the day before does not owe it). A plan counts when adopted on or before the audit date; an annual plan counts for its year whatever its adoption date. A plan adopted after the audit date (a data problem) leaves its year (or the development plan) unjudged.",
  },
  messages: {
    default: {
      zh: "{entity}自{start}起有包村帮扶单位包村，截至{asOf}没有扶贫开发规划（{due}到期），也没有{years}的年度实施计划。原文：“帮助贫困村科学制定扶贫开发规划和年度实施计划”。",
      en: '{entity}, contracted since {start}, has as of {asOf} no development plan (due {due}) and no annual plan for {years} ("帮助贫困村科学制定扶贫开发规划和年度实施计划").',
    },
    development: {
      zh: "{entity}自{start}起有包村帮扶单位包村，截至{asOf}没有扶贫开发规划（{due}到期）。原文：“帮助贫困村科学制定扶贫开发规划和年度实施计划”。",
      en: '{entity}, contracted since {start}, has as of {asOf} no development plan (due {due}) ("帮助贫困村科学制定扶贫开发规划和年度实施计划").',
    },
    annual: {
      zh: "{entity}截至{asOf}没有{years}的年度实施计划（各年度首个包村之日后{grace}天到期）。原文：“帮助贫困村科学制定扶贫开发规划和年度实施计划”。",
      en: '{entity} has as of {asOf} no annual plan for {years} (each due {grace} days after the year\'s first contracted day) ("帮助贫困村科学制定扶贫开发规划和年度实施计划").',
    },
  },
  *check(index, ctx) {
    const grace = ctx.params.graceDays;
    const lastYear = yearOf(ctx.asOf);
    for (const village of index.rows("villages")) {
      // No cascade: a row with a broken date is not counted.
      const rows = index
        .contractsOfVillage(village.id)
        .filter((r) => datedRow(ctx, r) && ctx.hasStarted(r));
      if (rows.length === 0) continue;
      const start = rows.map((r) => ctx.start(r)!).sort()[0]!;
      // "Due graceDays after D" is D + graceDays; owed once that day is on or before asOf.
      const due = addDays(start, grace);
      const owedYears: number[] = [];
      for (let y = yearOf(start); y <= lastYear; y++) {
        const firsts = rows.map((r) => firstDayIn(ctx, r, y)).filter((d) => d !== undefined);
        if (firsts.length === 0) continue;
        const yearDue = addDays(firsts.sort()[0]!, grace);
        if (yearOf(yearDue) === y && yearDue <= ctx.asOf) owedYears.push(y);
      }
      let development = false;
      let developmentUnknown = false;
      const annual = new Set<number>();
      // No cascade: a plan whose adoption date is broken leaves its year (or the development plan)
      // unjudged; one whose kind or year cannot be read leaves them all.
      const unknownYears = new Set<number>();
      let allUnknown = false;
      for (const plan of index.plansOfVillage(village.id)) {
        if (plan.kind === undefined || !ctx.ok(plan, "kind")) {
          allUnknown = true;
          continue;
        }
        const adopted = plan.adoptedOn !== undefined && ctx.ok(plan, "adoptedOn");
        if (plan.kind === "development") {
          if (adopted) development = true;
          else developmentUnknown = true;
        } else if (plan.year === undefined || !ctx.ok(plan, "year")) allUnknown = true;
        else if (adopted) annual.add(plan.year);
        else unknownYears.add(plan.year);
      }
      if (allUnknown) continue;
      const missingDevelopment = due <= ctx.asOf && !development && !developmentUnknown;
      const years = owedYears.filter((y) => !annual.has(y) && !unknownYears.has(y));
      if (!missingDevelopment && years.length === 0) continue;
      const message = !missingDevelopment ? "annual" : years.length > 0 ? "default" : "development";
      yield {
        ...villageHit(ctx, village),
        message,
        ...(years.length > 0 ? { years } : {}),
        params: { start, due, asOf: ctx.asOf, grace },
      };
    }
  },
});
