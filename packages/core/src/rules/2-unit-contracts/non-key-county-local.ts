import type { DatasetIndex } from "../../engine/dataset-index.js";
import type { Message } from "../../engine/findings.js";
import type { RuleContext } from "../../engine/rule-context.js";
import type { County, Unit } from "../../schema/collections.js";
import { defineRule } from "../rule.js";

/**
 * What kind of unit a non-local unit is, for the message, or `undefined` when the unit is a city
 * unit of the county's city or a county unit of the county, or when a field that decides it is
 * broken (no cascade).
 */
function foreignKind(
  index: DatasetIndex,
  ctx: RuleContext,
  unit: Unit,
  county: County,
): Message | undefined {
  if (!ctx.ok(unit, "level")) return undefined;
  switch (unit.level) {
    case "province":
      return { zh: "省直单位", en: "a province unit" };
    case "city": {
      if (!ctx.ok(unit, "cityId") || !ctx.ok(county, "cityId")) return undefined;
      if (unit.cityId === undefined || county.cityId === undefined) return undefined;
      if (unit.cityId === county.cityId) return undefined;
      const city = ctx.labels("cities", unit.cityId);
      return { zh: `${city.zh}的市直单位`, en: `a city unit of ${city.en}` };
    }
    case "county": {
      if (!ctx.ok(unit, "countyId") || unit.countyId === undefined) return undefined;
      if (unit.countyId === county.id) return undefined;
      const other = index.county(unit.countyId);
      if (!other) return undefined;
      const name = ctx.labels("counties", other.id);
      return { zh: `${name.zh}的县直单位`, en: `a county unit of ${name.en}` };
    }
    default:
      return { zh: "单位层级为其他的单位", en: "a unit of level other" };
  }
}

/** 二(二): a poor village of a county that is not a key county is helped by its own city and county. */
export const villageNonKeyCountyLocal = defineRule({
  id: "village.non-key-county-local",
  clause: "二(二)",
  severity: "error",
  scope: "county",
  reads: {
    counties: ["cityId", "isKeyCounty"],
    villages: ["isPoor"],
    units: ["cityId", "countyId", "level"],
    villageAssignments: ["endDate", "startDate", "unitId"],
  },
  quote: "非重点县的贫困村,由所在市、县组织帮扶",
  title: {
    zh: "非重点县的贫困村由所在市的市直单位或所在县的县直单位包村",
    en: "A poor village of a county that is not a key county is contracted by units of its own city or county",
  },
  interpretation: {
    zh: "贫困村指建档立卡贫困村，已出列的村在包村关系存续期间同样核查；所在市、县组织帮扶，指由本市的市直单位或本县的县直单位包村",
    en: "A poor village is a registered one, judged also after it exits while its contract lasts; “organised by its city and county” means contracted by a city unit of its own city or a county unit of its own county",
  },
  messages: {
    default: {
      zh: "非重点县{county}的贫困村{entity}截至{asOf}由{kind}{related}包扶，该单位不是所在市的市直单位或所在县的县直单位。原文：“非重点县的贫困村,由所在市、县组织帮扶”。",
      en: "Poor village {entity} of {county}, which is not a key county, is contracted on {asOf} by {related}, {kind}, neither a city unit of its city nor a county unit of its county (“非重点县的贫困村,由所在市、县组织帮扶”).",
    },
  },
  *check(index, ctx) {
    for (const village of index.rows("villages")) {
      // interpretation: the registered status, not exit: a contract may outlast the exit (不脱钩).
      if (!ctx.ok(village) || village.isPoor !== true) continue;
      const county = index.countyOfVillage(village);
      if (!county || !ctx.ok(county) || county.isKeyCounty !== false) continue;
      for (const unit of ctx.contractingUnits(village.id)) {
        const kind = foreignKind(index, ctx, unit, county);
        if (kind === undefined) continue;
        yield {
          entity: { collection: "villages", id: village.id },
          related: [{ collection: "units", id: unit.id }],
          params: { county: ctx.labels("counties", county.id), asOf: ctx.asOf, kind },
        };
      }
    }
  },
});
