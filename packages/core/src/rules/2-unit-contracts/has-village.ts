import type { DatasetIndex } from "../../engine/dataset-index.js";
import type { RuleContext } from "../../engine/rule-context.js";
import { defineRule } from "../rule.js";
import { registeredPoor, unitVillages, villageNames } from "./unit-villages.js";

const QUOTE = "市直各单位(含垂直管理单位)要在辖区内的贫困县包扶一个贫困村";

/**
 * Whether a city has a poor village (not exited) in any of its counties; `undefined` when none
 * is found but a village's `isPoor` is broken (it might be one).
 */
function cityHasPoorVillage(
  index: DatasetIndex,
  ctx: RuleContext,
  cityId: string,
): boolean | undefined {
  let unknown = false;
  for (const county of index.countiesOfCity(cityId))
    for (const township of index.townshipsOfCounty(county.id))
      for (const village of index.villagesOfTownship(township.id)) {
        if (!ctx.ok(village)) unknown = true;
        else if (ctx.isPoorVillage(village)) return true;
      }
  return unknown ? undefined : false;
}

/** 二(二): every city unit contracts a poor village. */
export const cityUnitHasVillage = defineRule({
  id: "city-unit.has-village",
  clause: "二(二)",
  severity: "error",
  scope: "province",
  reads: {
    villages: ["isPoor"],
    units: ["cityId", "level"],
    villageAssignments: ["endDate", "startDate", "villageId"],
  },
  quote: QUOTE,
  title: {
    zh: "市直单位至少包扶一个贫困村",
    en: "Every city unit contracts a poor village",
  },
  interpretation: {
    zh: "贫困村指建档立卡贫困村，仍在包扶的已出列村也算；所在市已没有未出列的贫困村时本条不适用",
    en: "A poor village is a registered one: a contracted village counts also after it exits; not applied where the unit's city has no poor village that has not exited",
  },
  messages: {
    default: {
      zh: `市直单位{entity}截至{asOf}未包扶任何村，而{city}仍有未出列的贫困村。原文：“${QUOTE}”。`,
      en: `City unit {entity} contracts no village on {asOf}, though {city} still has poor villages (“${QUOTE}”).`,
    },
    notPoor: {
      zh: `市直单位{entity}截至{asOf}包扶的{villages}都不是贫困村，而{city}仍有未出列的贫困村。原文：“${QUOTE}”。`,
      en: `City unit {entity} contracts on {asOf} only {villages}, none of them a poor village, though {city} still has poor villages (“${QUOTE}”).`,
    },
  },
  *check(index, ctx) {
    const cityHasPoor = new Map<string, boolean | undefined>();
    for (const unit of index.rows("units")) {
      if (!ctx.ok(unit) || unit.level !== "city") continue;
      const cityId = unit.cityId;
      if (cityId === undefined) continue;
      const { villages, unsure } = unitVillages(index, ctx, unit.id);
      // interpretation: the registered status (isPoor): a contract may outlast the exit (不脱钩).
      const poor = villages.map((v) => registeredPoor(ctx, v));
      if (poor.includes(true)) continue;
      // No cascade: a broken row or isPoor might be the poor village that is missing.
      if (unsure || poor.includes(undefined)) continue;
      if (!cityHasPoor.has(cityId)) cityHasPoor.set(cityId, cityHasPoorVillage(index, ctx, cityId));
      if (cityHasPoor.get(cityId) !== true) continue;
      yield {
        entity: { collection: "units", id: unit.id },
        message: villages.length === 0 ? "default" : "notPoor",
        params: {
          asOf: ctx.asOf,
          city: ctx.labels("cities", cityId),
          villages: villageNames(ctx, villages),
        },
      };
    }
  },
});
