import { ELIGIBLE_UNIT_CATEGORIES, UnitCategory } from "../../vocabulary/enums.js";
import { defineRule } from "../rule.js";

/** 二(一): only the listed kinds of unit contract a village. */
export const unitEligibleCategory = defineRule({
  id: "unit.eligible-category",
  clause: "二(一)",
  severity: "error",
  scope: "county",
  quote:
    "省、市、县(含市、区,下同)党政机关、人民团体、事业单位、民主党派、高等院校、国有企业和军队、武警部队,中央驻皖单位和企事业驻皖机构",
  title: {
    zh: "包村单位属于可以参与包村的单位性质",
    en: "A contracting unit is of a category that may contract a village",
  },
  messages: {
    default: {
      zh: "单位{entity}的单位性质为“{categoryZh}”,却在审计日包村;参与包村的单位为党政机关、人民团体、事业单位、民主党派、高等院校、国有企业、军队、武警部队、中央驻皖单位和企事业驻皖机构",
      en: "Unit {entity} is of category “{category}” but contracts a village at the audit date; only party and government organs, people's organisations, public institutions, democratic parties, universities, state-owned enterprises, the military, the armed police, central units in Anhui and enterprise branches in Anhui may contract villages",
    },
  },
  *check(index, ctx) {
    for (const unit of index.rows("units")) {
      if (!ctx.ok(unit, "category") || ELIGIBLE_UNIT_CATEGORIES.includes(unit.category)) continue;
      if (ctx.contractedVillages(unit.id).length === 0) continue;
      yield {
        entity: { collection: "units", id: unit.id },
        params: { category: unit.category, categoryZh: UnitCategory.labels[unit.category] },
      };
    }
  },
});
