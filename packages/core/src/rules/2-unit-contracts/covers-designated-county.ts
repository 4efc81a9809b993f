import { defineRule } from "../rule.js";
import { registeredPoor, unitVillages, villageNames } from "./unit-villages.js";

const QUOTE =
  "省直定点帮扶单位(包括国有企业、大专院校和中央驻皖单位)在已定的帮扶县内至少确定一个贫困村包村帮扶";

/** 二(二): a province unit contracts at least one poor village in its designated county. */
export const provinceUnitCoversDesignatedCounty = defineRule({
  id: "province-unit.covers-designated-county",
  clause: "二(二)",
  severity: "error",
  scope: "province",
  reads: {
    villages: ["isPoor"],
    units: ["designatedCountyId", "level"],
    villageAssignments: ["endDate", "startDate", "villageId"],
  },
  quote: QUOTE,
  title: {
    zh: "省直定点帮扶单位在已定的帮扶县内至少包扶一个贫困村",
    en: "A province unit contracts at least one poor village in its designated county",
  },
  interpretation: {
    zh: "贫困村指建档立卡贫困村，仍在包扶的已出列村也算；定点帮扶县内已无未出列的贫困村时本条仍然适用",
    en: "A poor village is a registered one: a contracted village counts also after it exits; the rule applies even where the designated county has no poor village left",
  },
  messages: {
    default: {
      zh: `省直定点帮扶单位{entity}的定点帮扶县为{county}，截至{asOf}未在该县包扶贫困村，所包扶的{villages}均不在该县或不是贫困村。原文：“${QUOTE}”。`,
      en: `Province unit {entity}, designated to help {county}, contracts no poor village of that county on {asOf}; it contracts {villages} (“${QUOTE}”).`,
    },
    none: {
      zh: `省直定点帮扶单位{entity}的定点帮扶县为{county}，截至{asOf}未包扶任何村。原文：“${QUOTE}”。`,
      en: `Province unit {entity}, designated to help {county}, contracts no village at all on {asOf} (“${QUOTE}”).`,
    },
  },
  *check(index, ctx) {
    for (const unit of index.rows("units")) {
      if (!ctx.ok(unit) || unit.level !== "province") continue;
      const countyId = unit.designatedCountyId;
      if (countyId === undefined) continue;
      const { villages, unsure } = unitVillages(index, ctx, unit.id);
      let covered = false;
      let unknown = unsure;
      for (const v of villages) {
        // interpretation: the registered status (isPoor): a contract may outlast the exit (不脱钩).
        const poor = registeredPoor(ctx, v);
        const county = index.countyOfVillage(v);
        if (poor === false) continue;
        if (poor === undefined || county === undefined) unknown = true;
        else if (county.id === countyId) covered = true;
      }
      // No cascade: a broken row or village might be the contract that is missing.
      if (covered || unknown) continue;
      yield {
        entity: { collection: "units", id: unit.id },
        message: villages.length === 0 ? "none" : "default",
        params: {
          county: ctx.labels("counties", countyId),
          asOf: ctx.asOf,
          villages: villageNames(ctx, villages),
        },
      };
    }
  },
});
