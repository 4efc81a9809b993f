import { UnitLevel } from "../../vocabulary/enums.js";
import { defineRule } from "../rule.js";

const LEVELS = new Set(["province", "city", "county"]);

/** 二(一): the units that contract villages are of the province, a city or a county. */
export const unitEligibleLevel = defineRule({
  id: "unit.eligible-level",
  clause: "二(一)",
  severity: "error",
  scope: "county",
  quote:
    "省、市、县(含市、区,下同)党政机关、人民团体、事业单位、民主党派、高等院校、国有企业和军队、武警部队,中央驻皖单位和企事业驻皖机构",
  title: {
    zh: "包村单位是省直、市直或县直单位",
    en: "A contracting unit is a province, city or county unit",
  },
  messages: {
    default: {
      zh: "单位{entity}的单位层级为“{levelZh}”,却在审计日包村;参与包村的是省、市、县三级的单位",
      en: "Unit {entity} is of level “{level}” but contracts a village at the audit date; contracting units are of the province, a city or a county",
    },
  },
  *check(index, ctx) {
    for (const unit of index.rows("units")) {
      if (!ctx.ok(unit, "level") || LEVELS.has(unit.level)) continue;
      if (ctx.contractedVillages(unit.id).length === 0) continue;
      yield {
        entity: { collection: "units", id: unit.id },
        params: { level: unit.level, levelZh: UnitLevel.labels[unit.level] },
      };
    }
  },
});
