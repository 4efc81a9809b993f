import { defineRule } from "../rule.js";
import { acceptancesByContract } from "./acceptance-owner.js";

/** 四3: a unit whose contract failed its acceptance keeps the contract. */
export const assignmentContinueIfFailed = defineRule({
  id: "assignment.continue-if-failed",
  clause: "四3",
  severity: "error",
  scope: "county",
  quote: "验收不合格的,包村单位要继续履行包村责任",
  title: {
    zh: "验收不合格的继续履行包村责任",
    en: "A contract that fails its acceptance continues",
  },
  messages: {
    default: {
      zh: "村{entity}与包村帮扶单位{related}的包村于{failedOn}验收不合格,却在{endDate}结束,其间没有合格的验收;验收不合格的,包村单位要继续履行包村责任",
      en: "The contract of village {entity} with unit {related} failed its acceptance on {failedOn} yet ends on {endDate} with no passing acceptance in between; a unit whose contract fails its acceptance must continue it",
    },
  },
  *check(index, ctx) {
    const owned = acceptancesByContract(index, ctx);
    for (const row of index.rows("villageAssignments")) {
      const end = row.endDate;
      if (end === undefined || !ctx.ok(row, "villageId", "unitId") || !ctx.hasStarted(row))
        continue;
      const acceptances = (owned.get(row) ?? []).filter((a) => ctx.ok(a, "passed"));
      let lastFailed: string | undefined;
      for (const a of acceptances) {
        if (!a.passed && (lastFailed === undefined || a.date > lastFailed)) lastFailed = a.date;
      }
      if (lastFailed === undefined) continue;
      const failedOn = lastFailed;
      if (acceptances.some((a) => a.passed && a.date > failedOn && a.date <= end)) continue;
      yield {
        entity: { collection: "villages", id: row.villageId },
        related: [{ collection: "units", id: row.unitId }],
        params: { failedOn, endDate: end },
      };
    }
  },
});
