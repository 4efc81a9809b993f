import { ELIGIBLE_UNIT_CATEGORIES, UnitCategory } from "../../vocabulary/enums.js";
import { defineRule } from "../rule.js";
import { unitVillages, villageNames } from "./unit-villages.js";

/** 二(一): only the listed kinds of unit contract a village. */
export const unitEligibleCategory = defineRule({
  id: "unit.eligible-category",
  clause: "二(一)",
  severity: "error",
  scope: "county",
  reads: {
    units: ["category"],
    villageAssignments: ["endDate", "startDate", "villageId"],
  },
  quote:
    "省、市、县(含市、区,下同)党政机关、人民团体、事业单位、民主党派、高等院校、国有企业和军队、武警部队,中央驻皖单位和企事业驻皖机构",
  title: {
    zh: "包村帮扶单位属于可以参与包村的单位",
    en: "A responsible unit is of a category that may contract a village",
  },
  messages: {
    default: {
      zh: "{entity}的单位性质为{category}，不属于可以参与包村的单位，截至{asOf}仍包扶{villages}。原文：“省、市、县(含市、区,下同)党政机关、人民团体、事业单位、民主党派、高等院校、国有企业和军队、武警部队,中央驻皖单位和企事业驻皖机构”。",
      en: "{entity} is of category {category}, which may not contract a village, yet on {asOf} it contracts {villages} (“省、市、县(含市、区,下同)党政机关、人民团体、事业单位、民主党派、高等院校、国有企业和军队、武警部队,中央驻皖单位和企事业驻皖机构”).",
    },
  },
  *check(index, ctx) {
    for (const unit of index.rows("units")) {
      if (!ctx.ok(unit) || ELIGIBLE_UNIT_CATEGORIES.includes(unit.category)) continue;
      const { villages } = unitVillages(index, ctx, unit.id);
      if (villages.length === 0) continue;
      yield {
        entity: { collection: "units", id: unit.id },
        params: {
          category: { zh: UnitCategory.labels[unit.category], en: unit.category },
          asOf: ctx.asOf,
          villages: villageNames(ctx, villages),
        },
      };
    }
  },
});
