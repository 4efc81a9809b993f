import { defineRule } from "../rule.js";

/** 二(二): a province unit contracts at least one poor village in its designated county. */
export const provinceUnitCoversDesignatedCounty = defineRule({
  id: "province-unit.covers-designated-county",
  clause: "二(二)",
  severity: "error",
  scope: "province",
  quote:
    "省直定点帮扶单位(包括国有企业、大专院校和中央驻皖单位)在已定的帮扶县内至少确定一个贫困村包村帮扶",
  title: {
    zh: "省直定点帮扶单位在帮扶县内至少包一个贫困村",
    en: "A province unit contracts at least one poor village in its designated county",
  },
  interpretation: {
    zh: "仍在包扶的已出列村(建档立卡贫困村)也算;帮扶县已无贫困村时本条仍然适用",
    en: "A contracted registered poor village counts also after it exits; the rule applies even where the designated county has no poor village left",
  },
  messages: {
    default: {
      zh: "省直单位{entity}在审计日没有包扶定点帮扶县{county}的贫困村;省直定点帮扶单位要在已定的帮扶县内至少确定一个贫困村包村帮扶",
      en: "Province unit {entity} contracts no poor village of its designated county {county} at the audit date; a province unit contracts at least one poor village in its designated county",
    },
  },
  *check(index, ctx) {
    for (const unit of index.rows("units")) {
      if (!ctx.ok(unit, "level", "designatedCountyId") || unit.level !== "province") continue;
      const countyId = unit.designatedCountyId;
      if (countyId === undefined) continue;
      // interpretation: the registered status (isPoor): a contract may outlast the exit (不脱钩).
      const covered = ctx
        .contractedVillages(unit.id)
        .some(
          (v) =>
            ctx.ok(v, "isPoor") && v.isPoor === true && index.countyOfVillage(v)?.id === countyId,
        );
      if (!covered)
        yield {
          entity: { collection: "units", id: unit.id },
          params: { county: index.label("counties", countyId) },
        };
    }
  },
});
