import { toDay } from "../../calendar/calendar.js";
import { zhDate } from "../../engine/findings.js";
import { defineRule } from "../rule.js";
import { acceptancesByContract } from "./acceptance-owner.js";
import { addDays, datedRow, pairKey, silentPairs, termEnd } from "./contract-terms.js";

/** 四3: a contract whose three-year term has run out has been accepted. */
export const assignmentAcceptanceAfterTerm = defineRule({
  id: "assignment.acceptance-after-term",
  clause: "四3",
  severity: "error",
  scope: "county",
  reads: {
    villageAssignments: ["endDate", "startDate", "unitId", "villageId"],
    acceptances: ["date", "unitId", "villageId"],
  },
  quote: "三年包村期满,要对包村包户工作进行验收",
  title: {
    zh: "三年包村期满进行验收",
    en: "A contract is accepted when its three-year term ends",
  },
  interpretation: {
    zh: "包村期满日为开始日期加上包村帮扶期限（默认3年，2月29日开始的在平年满于2月28日）；在期满日之前结束的包村未满期，不要求验收。期满日加上材料完成宽限天数（默认90天）不晚于核查基准日的，才要求验收。在期满日前不超过期满验收可提前天数（默认90天）或期满之后举行的验收，计为该期的期满验收，更早的不计。一次验收归属于同一村、同一包村帮扶单位的包村记录中，期满日减去期满验收可提前天数不晚于验收日期、且期满日最晚的一条；没有这样的记录的，归属于验收当日有效的包村记录；都没有的，不归属任何包村。",
    en: "A term ends the contract term (3 years by default) after the start; a row that ends before its term ends needs no acceptance. The acceptance is required once the grace days (90 by default) have passed after the term's end; one held at most the early days (90 by default) before the term's end, or later, counts for that term. An acceptance belongs to the row of its village and unit with the latest term end T such that T minus the early days is on or before its date; where none qualifies, to the row in force on its date.",
  },
  messages: {
    default: {
      zh: "{entity}的包村帮扶单位{related}于{termEnd}包村期满，截至{asOf}没有该期的期满验收（期满前{early}天以内或期满之后举行的验收才计入）。原文：“三年包村期满,要对包村包户工作进行验收”。",
      en: "The contract of {related} for {entity} reached its term's end on {termEnd}, and as of {asOf} has no acceptance for that term (one held at most {early} days before the term's end, or after it) (\"三年包村期满,要对包村包户工作进行验收\").",
    },
  },
  *check(index, ctx) {
    const owned = acceptancesByContract(index, ctx);
    // No cascade: a pair with a broken contract date or acceptance date is not judged.
    const silent = silentPairs(index, ctx, ["date"]);
    const early = ctx.params.acceptanceEarlyDays;
    const failing = new Map<string, { villageId: string; unitId: string; ends: string[] }>();
    for (const row of index.rows("villageAssignments")) {
      if (row.villageId === undefined || row.unitId === undefined) continue;
      if (!ctx.ok(row) || !datedRow(ctx, row)) continue;
      const key = pairKey(row.villageId, row.unitId);
      if (silent.has(key)) continue;
      const end = termEnd(ctx, row)!;
      // A row that ended before its term ended was never 期满.
      if (row.endDate !== undefined && row.endDate < end) continue;
      if (toDay(end) + ctx.params.graceDays > ctx.asOfDay) continue;
      const from = addDays(end, -early);
      if ((owned.get(row) ?? []).some((a) => a.date >= from)) continue;
      const entry = failing.get(key) ?? { villageId: row.villageId, unitId: row.unitId, ends: [] };
      entry.ends.push(end);
      failing.set(key, entry);
    }
    for (const { villageId, unitId, ends } of failing.values()) {
      ends.sort();
      yield {
        entity: { collection: "villages", id: villageId },
        related: [{ collection: "units", id: unitId }],
        params: {
          termEnd: { zh: ends.map(zhDate).join("、"), en: ends.join(", ") },
          asOf: ctx.asOf,
          early,
        },
      };
    }
  },
});
