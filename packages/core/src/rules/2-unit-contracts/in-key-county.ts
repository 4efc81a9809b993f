import type { DatasetIndex } from "../../engine/dataset-index.js";
import { joinMessages } from "../../engine/findings.js";
import type { RuleContext } from "../../engine/rule-context.js";
import type { County } from "../../schema/collections.js";
import { defineRule } from "../rule.js";

const QUOTE = "市直各单位(含垂直管理单位)要在辖区内的贫困县包扶一个贫困村";

/** Whether a county is read as a key county (its flag readable and true). */
const isKey = (ctx: RuleContext, county: County) =>
  ctx.ok(county, "isKeyCounty") && county.isKeyCounty === true;

/** A city's key counties that hold a poor village (not exited): where its units must contract. */
function keyCountiesWithPoorVillages(
  index: DatasetIndex,
  ctx: RuleContext,
  cityId: string,
): County[] {
  return index
    .countiesOfCity(cityId)
    .filter(
      (county) =>
        isKey(ctx, county) &&
        index
          .townshipsOfCounty(county.id)
          .some((t) =>
            index.villagesOfTownship(t.id).some((v) => ctx.ok(v, "isPoor") && ctx.isPoorVillage(v)),
          ),
    );
}

/** 二(二): a city unit contracts at least one poor village in a key county of its city. */
export const cityUnitInKeyCounty = defineRule({
  id: "city-unit.in-key-county",
  clause: "二(二)",
  severity: "warning",
  scope: "province",
  reads: {
    counties: ["cityId", "isKeyCounty"],
    villages: ["exitedPovertyOn", "isPoor", "townshipId"],
    units: ["cityId", "level"],
    villageAssignments: ["endDate", "startDate", "villageId"],
  },
  quote: QUOTE,
  title: {
    zh: "市直单位在本市重点县至少包扶一个贫困村",
    en: "A city unit contracts at least one poor village in a key county of its city",
  },
  interpretation: {
    zh: "“贫困县”指本市的重点县；“一个”是下限，市直单位另包扶非重点县的村不算违反（“非重点县的贫困村,由所在市、县组织帮扶”）；本市重点县已没有未出列的贫困村时不适用；仍在包扶的已出列贫困村也算；没有包扶任何村的市直单位不在本条判断",
    en: "“贫困县” means the key counties of the unit's city; “一个” is a minimum, and a city unit may also contract villages of non-key counties; not applied where the city's key counties have no poor village left; a contracted poor village counts also after it exits; a unit that contracts no village is city-unit.has-village's",
  },
  messages: {
    default: {
      zh: `市直单位{entity}包扶的{villages}都不是本市重点县{keyCounties}的贫困村。原文：“${QUOTE}”。`,
      en: `City unit {entity} contracts {villages}, none of them a poor village of a key county of its city ({keyCounties}) ("${QUOTE}").`,
    },
  },
  *check(index, ctx) {
    const keyCountiesByCity = new Map<string, County[]>();
    for (const unit of index.rows("units")) {
      if (!ctx.ok(unit) || unit.level !== "city") continue;
      const cityId = unit.cityId;
      if (cityId === undefined) continue;
      const villages = ctx.contractedVillages(unit.id);
      // A unit that contracts no village is city-unit.has-village's.
      if (villages.length === 0) continue;
      let keys = keyCountiesByCity.get(cityId);
      if (!keys) {
        keys = keyCountiesWithPoorVillages(index, ctx, cityId);
        keyCountiesByCity.set(cityId, keys);
      }
      if (keys.length === 0) continue;
      let covered = false;
      let unsure = false;
      for (const village of villages) {
        const county = index.countyOfVillage(village);
        // A village whose poverty, county or key status cannot be read might be the one.
        if (!county || !ctx.ok(village, "isPoor", "townshipId") || !ctx.ok(county, "cityId")) {
          unsure = true;
          continue;
        }
        if (village.isPoor !== true || county.cityId !== cityId) continue;
        if (!ctx.ok(county, "isKeyCounty")) unsure = true;
        else if (county.isKeyCounty === true) covered = true;
      }
      if (covered || unsure) continue;
      yield {
        entity: { collection: "units", id: unit.id },
        params: {
          villages: joinMessages(
            villages
              .map((v) => v.id)
              .sort()
              .map((id) => ctx.labels("villages", id)),
          ),
          keyCounties: joinMessages(
            keys
              .map((c) => c.id)
              .sort()
              .map((id) => ctx.labels("counties", id)),
          ),
        },
      };
    }
  },
});
