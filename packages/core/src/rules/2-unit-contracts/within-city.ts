import { defineRule } from "../rule.js";

/** 二(二): a city unit contracts villages within its own city. */
export const cityUnitWithinCity = defineRule({
  id: "city-unit.within-city",
  clause: "二(二)",
  severity: "error",
  scope: "province",
  quote: "市直各单位(含垂直管理单位)要在辖区内的贫困县包扶一个贫困村",
  title: {
    zh: "市直单位在本市辖区内包村",
    en: "A city unit contracts villages within its own city",
  },
  messages: {
    default: {
      zh: "市直单位{entity}包扶的{related}不在本市{city}辖区内;市直各单位要在辖区内的贫困县包扶贫困村",
      en: "City unit {entity} contracts {related}, which lies outside its city {city}; city units contract villages within their own city",
    },
  },
  *check(index, ctx) {
    for (const unit of index.rows("units")) {
      if (!ctx.ok(unit, "level", "cityId") || unit.level !== "city") continue;
      const cityId = unit.cityId;
      if (cityId === undefined) continue;
      for (const village of ctx.contractedVillages(unit.id)) {
        const county = index.countyOfVillage(village);
        if (!county || county.cityId === undefined || county.cityId === cityId) continue;
        yield {
          entity: { collection: "units", id: unit.id },
          related: [{ collection: "villages", id: village.id }],
          params: { city: index.label("cities", cityId) },
        };
      }
    }
  },
});
