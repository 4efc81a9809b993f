import type { RuleContext } from "../../engine/rule-context.js";
import type { County, Unit } from "../../schema/collections.js";
import { defineRule } from "../rule.js";

/** Whether a unit is a city unit of the county's city or a county unit of the county; undefined when its fields are broken. */
function isLocal(ctx: RuleContext, unit: Unit, county: County): boolean | undefined {
  if (!ctx.ok(unit, "level")) return undefined;
  if (unit.level === "city")
    return ctx.ok(unit, "cityId") && ctx.ok(county, "cityId")
      ? unit.cityId !== undefined && unit.cityId === county.cityId
      : undefined;
  if (unit.level === "county")
    return ctx.ok(unit, "countyId") ? unit.countyId === county.id : undefined;
  return false;
}

/** 二(二): a poor village of a county that is not a key county is helped by its own city and county. */
export const villageNonKeyCountyLocal = defineRule({
  id: "village.non-key-county-local",
  clause: "二(二)",
  severity: "error",
  scope: "county",
  quote: "非重点县的贫困村,由所在市、县组织帮扶",
  title: {
    zh: "非重点县的贫困村由所在市、县的单位包村",
    en: "A poor village of a non-key county is contracted by units of its own city or county",
  },
  interpretation: {
    zh: "按建档立卡贫困村(isPoor)判断,已出列的村在包村关系存续期间同样适用;“所在市、县组织帮扶”指本市的市直单位或本县的县直单位",
    en: "A registered poor village (isPoor) is judged also after it exits, while its contract lasts; “organised by its city and county” means units of its own city (city level) or its own county (county level)",
  },
  messages: {
    default: {
      zh: "非重点县{county}的贫困村{entity}由{related}包村,该单位不是本市的市直单位或本县的县直单位;非重点县的贫困村由所在市、县组织帮扶",
      en: "Poor village {entity} of {county}, which is not a key county, is contracted by {related}, which is neither a unit of its city nor of its county; poor villages of non-key counties are helped by their own city and county",
    },
  },
  *check(index, ctx) {
    for (const village of index.rows("villages")) {
      // interpretation: the registered status, not exit: a contract may outlast the exit (不脱钩).
      if (!ctx.ok(village, "isPoor") || village.isPoor !== true) continue;
      const county = index.countyOfVillage(village);
      if (!county || !ctx.ok(county, "isKeyCounty") || county.isKeyCounty !== false) continue;
      for (const unit of ctx.contractingUnits(village.id)) {
        if (isLocal(ctx, unit, county) !== false) continue;
        yield {
          entity: { collection: "villages", id: village.id },
          related: [{ collection: "units", id: unit.id }],
          params: { county: index.label("counties", county.id) },
        };
      }
    }
  },
});
