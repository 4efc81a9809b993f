import { defineRule } from "../rule.js";

/** 四2: a contracting unit names a deputy in charge of the contract. */
export const unitHasDeputy = defineRule({
  id: "unit.has-deputy",
  clause: "四2",
  severity: "error",
  scope: "county",
  quote: "包村帮扶单位要确定分管负责人",
  title: {
    zh: "包村帮扶单位确定分管负责人",
    en: "A contracting unit names a deputy in charge",
  },
  messages: {
    default: {
      zh: "包村帮扶单位{entity}未确定分管负责人;包村帮扶单位要确定分管负责人,具体负责包村帮扶工作",
      en: "Contracting unit {entity} names no deputy in charge; a contracting unit must name a deputy in charge of its contract",
    },
  },
  *check(index, ctx) {
    const seen = new Set<string>();
    for (const row of index.rows("villageAssignments")) {
      if (!ctx.ok(row, "unitId") || seen.has(row.unitId) || !ctx.isCurrent(row)) continue;
      seen.add(row.unitId);
      const unit = index.unit(row.unitId);
      if (!unit || !ctx.ok(unit, "deputyId")) continue;
      if (unit.deputyId === undefined) yield { entity: { collection: "units", id: unit.id } };
    }
  },
});
