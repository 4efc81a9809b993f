import { fromDay } from "../../calendar/calendar.js";
import { defineRule } from "../rule.js";
import { cadreGaps } from "./resident-cadre-continuous.js";
import { villageHit } from "./village-hit.js";

const QUOTE = "确定一名事业心强、熟悉农村工作的干部常年驻村帮扶";

/** 二(三)4: a contracted village that has not exited has a resident cadre. */
export const villageHasResidentCadre = defineRule({
  id: "village.has-resident-cadre",
  clause: "二(三)4",
  severity: "error",
  scope: "county",
  reads: {
    villages: ["exitedPovertyOn"],
    villageAssignments: ["endDate", "startDate", "unitId"],
    residentCadres: ["endDate", "selectedOn"],
  },
  quote: QUOTE,
  title: {
    zh: "包扶的村有在任的驻村帮扶干部",
    en: "A contracted village has a resident cadre",
  },
  interpretation: {
    zh: "核查基准日在包、尚未出列的村应有在任的驻村帮扶干部；新包村之初或更换驻村帮扶干部时，包村期间连续没有驻村帮扶干部的天数不超过驻村帮扶干部最长空缺天数（默认30天）的不计；驻村帮扶干部记录只看其村和起止日期",
    en: "A village contracted on the audit date and not exited has a current resident cadre; at a new contract's start or a change of cadre, a run of contracted days without one up to the maximum gap (30 days by default) is allowed; a resident-cadre row counts by its village and dates",
  },
  messages: {
    default: {
      zh: `{entity}自{from}起连续{days}天没有驻村帮扶干部（截至{asOf}），超过驻村帮扶干部最长空缺天数{max}天。原文：“${QUOTE}”。`,
      en: `{entity} has had no resident cadre since {from}, {days} days up to {asOf}, more than the {max} days a village may be without one ("${QUOTE}").`,
    },
  },
  *check(index, ctx) {
    const max = ctx.params.residentCadreMaxGapDays;
    for (const village of index.rows("villages")) {
      if (ctx.exited(village) || !ctx.isContracted(village.id)) continue;
      if (ctx.currentResidentCadres(village.id).length > 0) continue;
      // A resident-cadre row that cannot be placed in time might be current: say nothing. A broken
      // contract row could only lengthen the run, so the finding stands without it.
      const found = cadreGaps(index, ctx, village);
      const run = found?.runs.at(-1);
      if (!run || run.to !== ctx.asOfDay + 1) continue;
      const days = run.to - run.from;
      if (days <= max) continue;
      yield {
        ...villageHit(ctx, village),
        params: { from: fromDay(run.from), days, asOf: ctx.asOf, max },
      };
    }
  },
});
