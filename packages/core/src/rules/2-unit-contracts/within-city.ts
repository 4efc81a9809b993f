import { defineRule } from "../rule.js";

const QUOTE = "市直各单位(含垂直管理单位)要在辖区内的贫困县包扶一个贫困村";

/** 二(二): a city unit contracts villages within its own city. */
export const cityUnitWithinCity = defineRule({
  id: "city-unit.within-city",
  clause: "二(二)",
  severity: "error",
  scope: "province",
  reads: {
    counties: ["cityId"],
    units: ["cityId", "level"],
    villageAssignments: ["endDate", "startDate", "villageId"],
  },
  quote: QUOTE,
  title: {
    zh: "市直单位在本市辖区内包村",
    en: "A city unit contracts villages within its own city",
  },
  messages: {
    default: {
      zh: `{city}的市直单位{entity}截至{asOf}包扶{related}，该村位于{villageCity}{villageCounty}，不在本市辖区内。原文：“${QUOTE}”。`,
      en: `City unit {entity} of {city} contracts {related} on {asOf}, a village of {villageCounty}, {villageCity}, outside its city (“${QUOTE}”).`,
    },
  },
  *check(index, ctx) {
    for (const unit of index.rows("units")) {
      if (!ctx.ok(unit) || unit.level !== "city") continue;
      const cityId = unit.cityId;
      if (cityId === undefined) continue;
      for (const village of ctx.contractedVillages(unit.id)) {
        // No cascade: a broken township, county or city link leaves the village unplaced.
        const county = index.countyOfVillage(village);
        if (!county || county.cityId === undefined || county.cityId === cityId) continue;
        yield {
          entity: { collection: "units", id: unit.id },
          related: [{ collection: "villages", id: village.id }],
          params: {
            city: ctx.labels("cities", cityId),
            asOf: ctx.asOf,
            villageCity: ctx.labels("cities", county.cityId),
            villageCounty: ctx.labels("counties", county.id),
          },
        };
      }
    }
  },
});
