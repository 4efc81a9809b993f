import { defineRule } from "../rule.js";

/** 二(二): a province unit that contracts a village has a designated county. */
export const provinceUnitHasDesignatedCounty = defineRule({
  id: "province-unit.has-designated-county",
  clause: "二(二)",
  severity: "error",
  scope: "province",
  quote:
    "省直定点帮扶单位(包括国有企业、大专院校和中央驻皖单位)在已定的帮扶县内至少确定一个贫困村包村帮扶",
  title: {
    zh: "包村的省直单位有已定的帮扶县",
    en: "A province unit that contracts a village has a designated county",
  },
  messages: {
    default: {
      zh: "省直单位{entity}在审计日包村,但没有登记定点帮扶县;省直定点帮扶单位在已定的帮扶县内包村",
      en: "Province unit {entity} contracts a village at the audit date but has no designated county; province units contract villages in their designated county",
    },
  },
  *check(index, ctx) {
    for (const unit of index.rows("units")) {
      if (!ctx.ok(unit, "level", "designatedCountyId") || unit.level !== "province") continue;
      if (unit.designatedCountyId !== undefined) continue;
      if (ctx.contractedVillages(unit.id).length > 0)
        yield { entity: { collection: "units", id: unit.id }, field: "designatedCountyId" };
    }
  },
});
