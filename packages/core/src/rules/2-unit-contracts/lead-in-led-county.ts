import { defineRule } from "../rule.js";
import { unitVillages, villageNames } from "./unit-villages.js";

const QUOTE = "其中省直牵头帮扶单位原则上在牵头帮扶的县内包村";

/** 二(二): a province lead unit contracts, as a rule, a village in the county it leads. */
export const provinceUnitLeadInLedCounty = defineRule({
  id: "province-unit.lead-in-led-county",
  clause: "二(二)",
  severity: "warning",
  scope: "province",
  reads: {
    units: ["leadCountyId", "level"],
    villageAssignments: ["endDate", "startDate", "villageId"],
  },
  quote: QUOTE,
  title: {
    zh: "省直牵头单位原则上在牵头帮扶县内包村",
    en: "A province lead unit contracts, as a rule, a village in the county it leads",
  },
  messages: {
    default: {
      zh: `省直牵头单位{entity}的牵头帮扶县为{county}，截至{asOf}未在该县包村，所包扶的{villages}均在该县之外，需说明理由。原文：“${QUOTE}”。`,
      en: `Province lead unit {entity}, which leads {county}, contracts no village there on {asOf} but {villages} elsewhere; the reason needs explaining (“${QUOTE}”).`,
    },
    none: {
      zh: `省直牵头单位{entity}的牵头帮扶县为{county}，截至{asOf}未包扶任何村，需说明理由。原文：“${QUOTE}”。`,
      en: `Province lead unit {entity}, which leads {county}, contracts no village at all on {asOf}; the reason needs explaining (“${QUOTE}”).`,
    },
  },
  *check(index, ctx) {
    for (const unit of index.rows("units")) {
      if (!ctx.ok(unit) || unit.level !== "province") continue;
      const countyId = unit.leadCountyId;
      if (countyId === undefined) continue;
      const { villages, unsure } = unitVillages(index, ctx, unit.id);
      let inCounty = false;
      let unknown = unsure;
      for (const v of villages) {
        const county = index.countyOfVillage(v);
        if (county === undefined) unknown = true;
        else if (county.id === countyId) inCounty = true;
      }
      // No cascade: a broken row or village might be the contract in the led county.
      if (inCounty || unknown) continue;
      yield {
        entity: { collection: "units", id: unit.id },
        message: villages.length === 0 ? "none" : "default",
        params: {
          county: ctx.labels("counties", countyId),
          asOf: ctx.asOf,
          villages: villageNames(ctx, villages),
        },
      };
    }
  },
});
