import { unitVillages, villageNames } from "../2-unit-contracts/unit-villages.js";
import { defineRule } from "../rule.js";

const QUOTE = "包村帮扶单位要确定分管负责人";

/** 四2: a contracting unit names a deputy in charge of the contract. */
export const unitHasDeputy = defineRule({
  id: "unit.has-deputy",
  clause: "四2",
  severity: "error",
  scope: "county",
  reads: {
    units: ["deputyId"],
    villageAssignments: ["endDate", "startDate", "villageId"],
  },
  quote: QUOTE,
  title: {
    zh: "包村帮扶单位确定分管负责人",
    en: "A responsible unit names a deputy in charge",
  },
  messages: {
    default: {
      zh: `包村帮扶单位{entity}截至{asOf}包扶{villages}，未确定分管负责人。原文：“${QUOTE}”。`,
      en: `Responsible unit {entity} contracts {villages} on {asOf} but has named no deputy in charge (“${QUOTE}”).`,
    },
  },
  *check(index, ctx) {
    for (const unit of index.rows("units")) {
      // A deputy that names nobody is a data error (no cascade).
      if (!ctx.ok(unit) || unit.deputyId !== undefined) continue;
      const { villages } = unitVillages(index, ctx, unit.id);
      if (villages.length === 0) continue;
      yield {
        entity: { collection: "units", id: unit.id },
        field: "deputyId",
        params: { asOf: ctx.asOf, villages: villageNames(ctx, villages) },
      };
    }
  },
});
