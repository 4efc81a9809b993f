import type { DatasetIndex } from "../../engine/dataset-index.js";
import type { RuleContext } from "../../engine/rule-context.js";
import { defineRule } from "../rule.js";

/** Whether a city has a poor village (not exited) in any of its counties. */
function cityHasPoorVillage(index: DatasetIndex, ctx: RuleContext, cityId: string): boolean {
  for (const county of index.countiesOfCity(cityId))
    for (const township of index.townshipsOfCounty(county.id))
      for (const village of index.villagesOfTownship(township.id))
        if (ctx.ok(village, "isPoor") && ctx.isPoorVillage(village)) return true;
  return false;
}

/** 二(二): every city unit contracts a poor village. */
export const cityUnitHasVillage = defineRule({
  id: "city-unit.has-village",
  clause: "二(二)",
  severity: "error",
  scope: "province",
  quote: "市直各单位(含垂直管理单位)要在辖区内的贫困县包扶一个贫困村",
  title: {
    zh: "市直单位包扶一个贫困村",
    en: "Every city unit contracts a poor village",
  },
  interpretation: {
    zh: "仍在包扶的已出列村(建档立卡贫困村)也算;所在市已没有未出列的贫困村时不适用",
    en: "A contracted registered poor village counts also after it exits; not applied where the unit's city has no poor village that has not exited",
  },
  messages: {
    default: {
      zh: "市直单位{entity}在审计日没有包扶贫困村;市直各单位要在辖区内的贫困县包扶一个贫困村",
      en: "City unit {entity} contracts no poor village at the audit date; every city unit contracts a poor village in a poor county of its city",
    },
  },
  *check(index, ctx) {
    const cityHasPoor = new Map<string, boolean>();
    for (const unit of index.rows("units")) {
      if (!ctx.ok(unit, "level", "cityId") || unit.level !== "city") continue;
      const cityId = unit.cityId;
      if (cityId === undefined) continue;
      // interpretation: the registered status (isPoor): a contract may outlast the exit (不脱钩).
      if (ctx.contractedVillages(unit.id).some((v) => ctx.ok(v, "isPoor") && v.isPoor === true))
        continue;
      let hasPoor = cityHasPoor.get(cityId);
      if (hasPoor === undefined) {
        hasPoor = cityHasPoorVillage(index, ctx, cityId);
        cityHasPoor.set(cityId, hasPoor);
      }
      if (hasPoor) yield { entity: { collection: "units", id: unit.id } };
    }
  },
});
