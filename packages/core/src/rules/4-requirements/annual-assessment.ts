import { toDay, yearOf } from "../../calendar/calendar.js";
import { defineRule } from "../rule.js";
import { datedRow } from "./contract-terms.js";

/** 四3: a contracting unit is assessed for every calendar year it held a contract at year end. */
export const unitAnnualAssessment = defineRule({
  id: "unit.annual-assessment",
  clause: "四3",
  severity: "error",
  scope: "province",
  reads: {
    villageAssignments: ["endDate", "startDate", "unitId"],
    assessments: ["year"],
  },
  quote: "开展年度包扶工作情况考核",
  title: {
    zh: "包村帮扶单位每年度接受年度包扶工作情况考核",
    en: "The responsible unit is assessed every year of its contract",
  },
  interpretation: {
    zh: "已开始的包村记录（现行或已结束）都计入：某年12月31日有包村关系有效的年度，要有该年度的考核；12月31日加上材料完成宽限天数（默认90天）不晚于核查基准日的，才要求。等次不合格的考核也是考核。",
    en: "Every started contract row, current or ended, counts: a year on whose 31 December one of the unit's rows is in force needs an assessment, once the grace days (90 by default) after that 31 December have passed. An unqualified grade is still an assessment.",
  },
  messages: {
    default: {
      zh: "包村帮扶单位{entity}截至{asOf}没有{years}的年度包扶工作情况考核（该年度12月31日在包村，其后{grace}天内应完成）。原文：“开展年度包扶工作情况考核”。",
      en: 'Responsible unit {entity} has, as of {asOf}, no assessment for {years} (it held a contract on 31 December, the assessment being due {grace} days later) ("开展年度包扶工作情况考核").',
    },
  },
  *check(index, ctx) {
    const grace = ctx.params.graceDays;
    const due = new Map<string, Set<number>>();
    for (const row of index.rows("villageAssignments")) {
      if (row.unitId === undefined || !ctx.ok(row)) continue;
      // No cascade: a row with a broken date is not counted.
      if (!datedRow(ctx, row) || !ctx.hasStarted(row)) continue;
      const years = due.get(row.unitId) ?? new Set<number>();
      for (let y = yearOf(ctx.start(row)!); ; y++) {
        const dec31 = `${y}-12-31`;
        if (toDay(dec31) + grace > ctx.asOfDay) break;
        if (ctx.inForceOn(row, dec31)) years.add(y);
      }
      due.set(row.unitId, years);
    }
    for (const [unitId, years] of due) {
      if (years.size === 0 || !index.unit(unitId)) continue;
      const assessed = new Set<number>();
      let unreadable = false;
      for (const a of index.assessmentsOfUnit(unitId)) {
        if (a.year === undefined || !ctx.ok(a)) unreadable = true;
        else assessed.add(a.year);
      }
      // No cascade: an assessment without a readable year may be any year's.
      if (unreadable) continue;
      const missing = [...years].filter((y) => !assessed.has(y)).sort((a, b) => a - b);
      if (missing.length > 0)
        yield {
          entity: { collection: "units", id: unitId },
          years: missing,
          params: { asOf: ctx.asOf, grace },
        };
    }
  },
});
