import { defineRule } from "../rule.js";
import { unitVillages, villageNames } from "./unit-villages.js";

const QUOTE =
  "省直定点帮扶单位(包括国有企业、大专院校和中央驻皖单位)在已定的帮扶县内至少确定一个贫困村包村帮扶";

/** 二(二): a province unit that contracts a village has a designated county. */
export const provinceUnitHasDesignatedCounty = defineRule({
  id: "province-unit.has-designated-county",
  clause: "二(二)",
  severity: "error",
  scope: "province",
  reads: {
    units: ["designatedCountyId", "level"],
    villageAssignments: ["endDate", "startDate", "villageId"],
  },
  quote: QUOTE,
  title: {
    zh: "包村的省直单位有已定的定点帮扶县",
    en: "A province unit that contracts a village has a designated county",
  },
  messages: {
    default: {
      zh: `省直单位{entity}截至{asOf}包扶{villages}，但未登记定点帮扶县。原文：“${QUOTE}”。`,
      en: `Province unit {entity} contracts {villages} on {asOf} but has no designated county recorded (“${QUOTE}”).`,
    },
  },
  *check(index, ctx) {
    for (const unit of index.rows("units")) {
      if (!ctx.ok(unit) || unit.level !== "province") continue;
      if (unit.designatedCountyId !== undefined) continue;
      const { villages } = unitVillages(index, ctx, unit.id);
      if (villages.length === 0) continue;
      yield {
        entity: { collection: "units", id: unit.id },
        field: "designatedCountyId",
        params: { asOf: ctx.asOf, villages: villageNames(ctx, villages) },
      };
    }
  },
});
