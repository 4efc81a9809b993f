import { defineRule } from "../rule.js";

/** 二(二): a county unit contracts villages in its own county. */
export const countyUnitWithinCounty = defineRule({
  id: "county-unit.within-county",
  clause: "二(二)",
  severity: "error",
  scope: "province",
  quote: "其余贫困村由各县扶贫开发领导小组安排县直各单位(含垂直管理单位)包村帮扶",
  title: {
    zh: "县直单位在本县包村",
    en: "A county unit contracts villages in its own county",
  },
  messages: {
    default: {
      zh: "县直单位{entity}包扶的{related}不在本县{county}内;县直各单位由本县扶贫开发领导小组安排在本县包村",
      en: "County unit {entity} contracts {related}, which lies outside its county {county}; county units contract villages of their own county",
    },
  },
  *check(index, ctx) {
    for (const unit of index.rows("units")) {
      if (!ctx.ok(unit, "level", "countyId") || unit.level !== "county") continue;
      const countyId = unit.countyId;
      if (countyId === undefined) continue;
      for (const village of ctx.contractedVillages(unit.id)) {
        const county = index.countyOfVillage(village);
        if (!county || county.id === countyId) continue;
        yield {
          entity: { collection: "units", id: unit.id },
          related: [{ collection: "villages", id: village.id }],
          params: { county: index.label("counties", countyId) },
        };
      }
    }
  },
});
