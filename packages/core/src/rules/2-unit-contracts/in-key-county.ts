import type { DatasetIndex } from "../../engine/dataset-index.js";
import type { RuleContext } from "../../engine/rule-context.js";
import { defineRule } from "../rule.js";

/** The ids of a city's key counties. */
function keyCountiesOf(index: DatasetIndex, ctx: RuleContext, cityId: string): Set<string> {
  const ids = new Set<string>();
  for (const c of index.countiesOfCity(cityId))
    if (ctx.ok(c, "isKeyCounty") && c.isKeyCounty === true) ids.add(c.id);
  return ids;
}

/** 二(二): where its city has key counties, a city unit contracts villages in one of them. */
export const cityUnitInKeyCounty = defineRule({
  id: "city-unit.in-key-county",
  clause: "二(二)",
  severity: "error",
  scope: "province",
  quote: "市直各单位(含垂直管理单位)要在辖区内的贫困县包扶一个贫困村",
  title: {
    zh: "市直单位在本市的重点县包村",
    en: "A city unit contracts villages in a key county of its city",
  },
  interpretation: {
    zh: "“贫困县”指扶贫开发工作重点县(含片区县);所在市没有重点县时不适用",
    en: "“贫困县” (poor county) means a key county (incl. contiguous-area counties); not applied where the unit's city has no key county",
  },
  messages: {
    default: {
      zh: "市直单位{entity}包扶的{related}不在本市的重点县({keyCounties})内;市直各单位要在辖区内的贫困县包扶贫困村",
      en: "City unit {entity} contracts {related}, which lies outside the key counties of its city ({keyCounties}); city units contract villages in a poor county of their city",
    },
  },
  *check(index, ctx) {
    const keyCountiesByCity = new Map<string, Set<string>>();
    for (const unit of index.rows("units")) {
      if (!ctx.ok(unit, "level", "cityId") || unit.level !== "city") continue;
      const cityId = unit.cityId;
      if (cityId === undefined) continue;
      const villages = ctx.contractedVillages(unit.id);
      if (villages.length === 0) continue;
      let keys = keyCountiesByCity.get(cityId);
      if (!keys) {
        keys = keyCountiesOf(index, ctx, cityId);
        keyCountiesByCity.set(cityId, keys);
      }
      // interpretation: 贫困县 are the key counties; a city without one has no such duty.
      if (keys.size === 0) continue;
      for (const village of villages) {
        const county = index.countyOfVillage(village);
        if (!county || !ctx.ok(county, "isKeyCounty", "cityId") || keys.has(county.id)) continue;
        yield {
          entity: { collection: "units", id: unit.id },
          related: [{ collection: "villages", id: village.id }],
          params: {
            keyCounties: [...keys]
              .sort()
              .map((id) => index.label("counties", id))
              .join(", "),
          },
        };
      }
    }
  },
});
