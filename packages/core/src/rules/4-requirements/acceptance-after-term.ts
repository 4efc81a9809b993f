import { plusYears } from "../../calendar/calendar.js";
import { defineRule } from "../rule.js";
import { acceptancesByContract } from "./acceptance-owner.js";

/** 四3: a contract whose three-year term has passed has been accepted. */
export const assignmentAcceptanceAfterTerm = defineRule({
  id: "assignment.acceptance-after-term",
  clause: "四3",
  severity: "error",
  scope: "county",
  quote: "三年包村期满,要对包村包户工作进行验收",
  title: {
    zh: "三年包村期满进行验收",
    en: "A contract is accepted when its three-year term ends",
  },
  interpretation: {
    zh: "包村记录在期满前结束(结束日期早于期满日)的,包村未满期,不要求验收",
    en: "A contract row that ends before its term ends (an endDate before the term's end) never reached its term, so no acceptance is due",
  },
  messages: {
    default: {
      zh: "村{entity}与包村帮扶单位{related}的包村已于{termEnd}期满,但没有期满之日或之后的验收;三年包村期满,要对包村包户工作进行验收",
      en: "The contract of village {entity} with unit {related} reached the end of its term on {termEnd} but has no acceptance dated on or after that day; a contract must be accepted when its three-year term ends",
    },
  },
  *check(index, ctx) {
    const owned = acceptancesByContract(index, ctx);
    const failing = new Set<string>();
    for (const row of index.rows("villageAssignments")) {
      const start = ctx.start(row);
      if (!ctx.ok(row, "villageId", "unitId") || start === undefined || !ctx.hasStarted(row))
        continue;
      const termEnd = plusYears(start, ctx.params.termYears);
      if (termEnd > ctx.asOf) continue;
      // interpretation: a row that ended before its term ended was never 期满.
      if (row.endDate !== undefined && row.endDate < termEnd) continue;
      if ((owned.get(row) ?? []).some((a) => a.date >= termEnd)) continue;
      const key = `${row.villageId}\u0000${row.unitId}`;
      if (failing.has(key)) continue;
      failing.add(key);
      yield {
        entity: { collection: "villages", id: row.villageId },
        related: [{ collection: "units", id: row.unitId }],
        params: { termEnd },
      };
    }
  },
});
