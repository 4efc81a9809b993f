import { defineRule } from "../rule.js";

/** 二(二): a province lead unit contracts, as a rule, a village in the county it leads. */
export const provinceUnitLeadInLedCounty = defineRule({
  id: "province-unit.lead-in-led-county",
  clause: "二(二)",
  severity: "warning",
  scope: "province",
  quote: "其中省直牵头帮扶单位原则上在牵头帮扶的县内包村",
  title: {
    zh: "省直牵头帮扶单位在牵头帮扶的县内包村",
    en: "A province lead unit contracts a village in the county it leads",
  },
  messages: {
    default: {
      zh: "省直牵头帮扶单位{entity}在审计日没有在牵头帮扶的县{county}内包村;省直牵头帮扶单位原则上在牵头帮扶的县内包村,否则需说明理由",
      en: "Province lead unit {entity} contracts no village in the county it leads, {county}, at the audit date; lead units contract, as a rule, in the county they lead, or explain why not",
    },
  },
  *check(index, ctx) {
    for (const unit of index.rows("units")) {
      if (!ctx.ok(unit, "level", "leadCountyId") || unit.level !== "province") continue;
      const countyId = unit.leadCountyId;
      if (countyId === undefined) continue;
      const inCounty = ctx
        .contractedVillages(unit.id)
        .some((v) => index.countyOfVillage(v)?.id === countyId);
      if (!inCounty)
        yield {
          entity: { collection: "units", id: unit.id },
          params: { county: index.label("counties", countyId) },
        };
    }
  },
});
