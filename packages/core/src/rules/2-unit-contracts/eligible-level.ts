import { UnitLevel } from "../../vocabulary/enums.js";
import { defineRule } from "../rule.js";
import { unitVillages, villageNames } from "./unit-villages.js";

const LEVELS = new Set(["province", "city", "county"]);

/** 二(一): the units that contract villages are of the province, a city or a county. */
export const unitEligibleLevel = defineRule({
  id: "unit.eligible-level",
  clause: "二(一)",
  severity: "error",
  scope: "county",
  reads: {
    units: ["level"],
  },
  quote:
    "省、市、县(含市、区,下同)党政机关、人民团体、事业单位、民主党派、高等院校、国有企业和军队、武警部队,中央驻皖单位和企事业驻皖机构",
  title: {
    zh: "包村帮扶单位是省直、市直或县直单位",
    en: "A responsible unit is a province, city or county unit",
  },
  messages: {
    default: {
      zh: "{entity}的单位层级为{level}，不是省、市、县三级的单位，截至{asOf}仍包扶{villages}。原文：“省、市、县(含市、区,下同)党政机关、人民团体、事业单位、民主党派、高等院校、国有企业和军队、武警部队,中央驻皖单位和企事业驻皖机构”。",
      en: "{entity} is of level {level}, not a unit of the province, a city or a county, yet on {asOf} it contracts {villages} (“省、市、县(含市、区,下同)党政机关、人民团体、事业单位、民主党派、高等院校、国有企业和军队、武警部队,中央驻皖单位和企事业驻皖机构”).",
    },
  },
  *check(index, ctx) {
    for (const unit of index.rows("units")) {
      if (!ctx.ok(unit) || LEVELS.has(unit.level)) continue;
      const { villages } = unitVillages(index, ctx, unit.id);
      if (villages.length === 0) continue;
      yield {
        entity: { collection: "units", id: unit.id },
        params: {
          level: { zh: UnitLevel.labels[unit.level], en: unit.level },
          asOf: ctx.asOf,
          villages: villageNames(ctx, villages),
        },
      };
    }
  },
});
