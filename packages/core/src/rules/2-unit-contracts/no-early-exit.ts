import type { Message } from "../../engine/findings.js";
import { zhDate } from "../../engine/findings.js";
import type { RuleContext } from "../../engine/rule-context.js";
import type { Acceptance, VillageAssignment } from "../../schema/collections.js";
import { acceptancesByContract } from "../4-requirements/acceptance-owner.js";
import {
  datedRow,
  isRenewed,
  pairKey,
  silentPairs,
  termEnd,
} from "../4-requirements/contract-terms.js";
import { defineRule } from "../rule.js";

/**
 * Why an ended row is not released (case (b)), in words, or `undefined` when it is: its term ran
 * out (T ≤ endDate) and the last acceptance belonging to it dated on or before the end passed.
 */
function notReleased(
  ctx: RuleContext,
  row: VillageAssignment,
  end: string,
  owned: readonly Acceptance[],
): Message | undefined {
  const term = termEnd(ctx, row)!;
  if (term > end)
    return { zh: `，包村未满期（${zhDate(term)}期满）`, en: `, before its term's end on ${term}` };
  let last: Acceptance | undefined;
  for (const a of owned) if (a.date <= end && (!last || a.date >= last.date)) last = a;
  if (!last) return { zh: "，结束前没有期满验收", en: ", with no acceptance by then" };
  if (last.passed) return undefined;
  return {
    zh: `，其期满验收于${zhDate(last.date)}不合格`,
    en: `, its acceptance of ${last.date} having failed`,
  };
}

/** 二(三)2: a unit does not leave a poor village before the village exits poverty. */
export const assignmentNoEarlyExit = defineRule({
  id: "assignment.no-early-exit",
  clause: "二(三)2",
  severity: "error",
  scope: "county",
  reads: {
    villages: ["exitedPovertyOn", "isPoor"],
    villageAssignments: ["endDate", "startDate", "unitId", "villageId"],
    acceptances: ["date", "unitId", "villageId"],
  },
  quote: "贫困村不脱贫,包村帮扶单位不脱钩",
  title: {
    zh: "贫困村未出列，包村帮扶单位不结束包村",
    en: "A responsible unit does not leave a poor village before it exits poverty",
  },
  interpretation: {
    zh: "只看贫困村。包村记录设有结束日期（已过或计划中）的，视为已决定结束；出列日期晚于核查基准日的，视为尚未出列。两种情形不算脱钩：同一包村帮扶单位在本包村开始之后、结束之日或之前续签包村的；包村期满（期满日不晚于结束日期），且结束之日或之前归属于本包村的最后一次期满验收合格的（依据“验收不合格的,包村单位要继续履行包村责任”，推定验收合格即解除包村责任，不再受“不脱钩”的约束）。移交给其他单位接替的，除期满验收合格的情形外，仍属脱钩。",
    en: "Poor villages only. An end date, past or planned, counts as decided; an exit dated after the audit date counts as absent. Not an exit: a renewal by the same unit starting after this row's start and on or before its end; a released term, where the term ran out by the end and the last acceptance belonging to the row dated on or before the end passed (read from 四3, “验收不合格的,包村单位要继续履行包村责任”: a passed acceptance releases the unit, against the unconditional “不脱钩”). A hand-over to another unit is an exit unless the term was so released.",
  },
  messages: {
    default: {
      zh: "{entity}尚未出列，其包村帮扶单位{related}却于{endDate}结束包村{detail}。原文：“贫困村不脱贫,包村帮扶单位不脱钩”。",
      en: '{related} ends its contract for {entity} on {endDate}{detail}, though the village has not exited poverty ("贫困村不脱贫,包村帮扶单位不脱钩").',
    },
    beforeExit: {
      zh: "{entity}于{exitedOn}出列，其包村帮扶单位{related}却在此前的{endDate}结束包村{detail}。原文：“贫困村不脱贫,包村帮扶单位不脱钩”。",
      en: '{related} ends its contract for {entity} on {endDate}{detail}, before the village exited poverty on {exitedOn} ("贫困村不脱贫,包村帮扶单位不脱钩").',
    },
  },
  *check(index, ctx) {
    const owned = acceptancesByContract(index, ctx);
    // No cascade: a pair with a broken contract date or acceptance is not judged.
    const silent = silentPairs(index, ctx, ["date", "passed"]);
    for (const village of index.rows("villages")) {
      if (!ctx.ok(village, "isPoor") || village.isPoor !== true) continue;
      // An unreadable exit date says nothing; one after asOf counts as absent (rules.md "Time").
      if (!ctx.ok(village, "exitedPovertyOn") && village.exitedPovertyOn === undefined) continue;
      const exitedOn = ctx.exited(village) ? village.exitedPovertyOn! : undefined;
      const rows = index.contractsOfVillage(village.id);
      for (const row of rows) {
        const end = row.endDate;
        if (end === undefined || row.unitId === undefined) continue;
        if (!ctx.ok(row) || !datedRow(ctx, row)) continue;
        if (silent.has(pairKey(village.id, row.unitId))) continue;
        if (exitedOn !== undefined && end >= exitedOn) continue;
        // (a) a renewal: the same unit stays.
        if (isRenewed(ctx, row, rows)) continue;
        // (b) interpretation of 四3: a term that ran out and passed its acceptance releases the unit.
        const detail = notReleased(ctx, row, end, owned.get(row) ?? []);
        if (!detail) continue;
        yield {
          entity: { collection: "villages", id: village.id },
          related: [{ collection: "units", id: row.unitId }],
          message: exitedOn === undefined ? "default" : "beforeExit",
          params: { endDate: end, detail, ...(exitedOn === undefined ? {} : { exitedOn }) },
        };
      }
    }
  },
});
