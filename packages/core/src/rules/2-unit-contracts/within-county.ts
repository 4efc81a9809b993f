import { defineRule } from "../rule.js";

const QUOTE = "其余贫困村由各县扶贫开发领导小组安排县直各单位(含垂直管理单位)包村帮扶";

/** 二(二): a county unit contracts villages in its own county. */
export const countyUnitWithinCounty = defineRule({
  id: "county-unit.within-county",
  clause: "二(二)",
  severity: "error",
  scope: "province",
  reads: {
    units: ["countyId", "level"],
    villageAssignments: ["endDate", "startDate", "villageId"],
  },
  quote: QUOTE,
  title: {
    zh: "县直单位在本县包村",
    en: "A county unit contracts villages in its own county",
  },
  messages: {
    default: {
      zh: `{county}的县直单位{entity}截至{asOf}包扶{related}，该村位于{villageCounty}，不在本县。原文：“${QUOTE}”。`,
      en: `County unit {entity} of {county} contracts {related} on {asOf}, a village of {villageCounty}, outside its county (“${QUOTE}”).`,
    },
  },
  *check(index, ctx) {
    for (const unit of index.rows("units")) {
      if (!ctx.ok(unit) || unit.level !== "county") continue;
      const countyId = unit.countyId;
      if (countyId === undefined) continue;
      for (const village of ctx.contractedVillages(unit.id)) {
        // No cascade: a broken township or county link leaves the village unplaced.
        const county = index.countyOfVillage(village);
        if (!county || county.id === countyId) continue;
        yield {
          entity: { collection: "units", id: unit.id },
          related: [{ collection: "villages", id: village.id }],
          params: {
            county: ctx.labels("counties", countyId),
            asOf: ctx.asOf,
            villageCounty: ctx.labels("counties", county.id),
          },
        };
      }
    }
  },
});
