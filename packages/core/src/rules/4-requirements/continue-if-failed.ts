import { defineRule } from "../rule.js";
import { acceptancesByContract } from "./acceptance-owner.js";
import { datedRow, isRenewed, pairKey, silentPairs } from "./contract-terms.js";

/** 四3: a unit whose contract failed its acceptance keeps the contract. */
export const assignmentContinueIfFailed = defineRule({
  id: "assignment.continue-if-failed",
  clause: "四3",
  severity: "error",
  scope: "county",
  reads: {
    villageAssignments: ["endDate", "startDate", "unitId", "villageId"],
    acceptances: ["date", "unitId", "villageId"],
  },
  quote: "验收不合格的,包村单位要继续履行包村责任",
  title: {
    zh: "期满验收不合格的继续履行包村责任",
    en: "A contract that fails its acceptance continues",
  },
  interpretation: {
    zh: "包村记录设有结束日期（已过或计划中）的，视为已决定结束。其最后一次不合格的验收之后、结束之日或之前有合格的验收，或者同一包村帮扶单位在本包村开始之后、结束之日或之前续签包村的，不算停止履行包村责任。验收归属于哪一条包村记录，与期满验收规则相同。",
    en: "An end date, past or planned, counts as decided. A passing acceptance after the last failed one and on or before the end, or a renewal by the same unit starting after this row's start and on or before its end, continues the duty. Acceptances belong to rows as for the term-end acceptance rule.",
  },
  messages: {
    default: {
      zh: "{entity}的包村帮扶单位{related}于{failedOn}期满验收不合格，其包村却于{endDate}结束，不合格之后至结束之日没有合格的验收，也没有续签包村。原文：“验收不合格的,包村单位要继续履行包村责任”。",
      en: 'The contract of {related} for {entity} failed its acceptance on {failedOn} yet ends on {endDate}, with no passing acceptance since and no renewal ("验收不合格的,包村单位要继续履行包村责任").',
    },
  },
  *check(index, ctx) {
    const owned = acceptancesByContract(index, ctx);
    // No cascade: a pair with a broken contract date or acceptance is not judged.
    const silent = silentPairs(index, ctx, ["date", "passed"]);
    for (const row of index.rows("villageAssignments")) {
      const end = row.endDate;
      if (end === undefined || row.villageId === undefined || row.unitId === undefined) continue;
      if (!ctx.ok(row) || !datedRow(ctx, row)) continue;
      if (silent.has(pairKey(row.villageId, row.unitId))) continue;
      const acceptances = owned.get(row) ?? [];
      let lastFailed: string | undefined;
      for (const a of acceptances) {
        if (!a.passed && (lastFailed === undefined || a.date > lastFailed)) lastFailed = a.date;
      }
      if (lastFailed === undefined) continue;
      const failedOn = lastFailed;
      if (acceptances.some((a) => a.passed && a.date > failedOn && a.date <= end)) continue;
      // A renewal by the same unit continues the duty.
      if (isRenewed(ctx, row, index.contractsOfVillage(row.villageId))) continue;
      yield {
        entity: { collection: "villages", id: row.villageId },
        related: [{ collection: "units", id: row.unitId }],
        params: { failedOn, endDate: end },
      };
    }
  },
});
