import { defineRule } from "../rule.js";

/** 二(二): a province unit contracts, where it can, the poor village it is paired with. */
export const provinceUnitPreferPairedVillage = defineRule({
  id: "province-unit.prefer-paired-village",
  clause: "二(二)",
  severity: "warning",
  scope: "province",
  quote: "确定贫困村要尽量与结对共建工作相结合",
  title: {
    zh: "省直单位尽量包扶结对共建的贫困村",
    en: "A province unit contracts, where it can, its paired poor village",
  },
  interpretation: {
    zh: "结对共建村已出列(不再是贫困村)时本条不适用",
    en: "Not applied once the paired village has exited poverty (it is no longer a poor village)",
  },
  messages: {
    default: {
      zh: "省直单位{entity}在审计日没有包扶其结对共建的贫困村{related};确定贫困村要尽量与结对共建工作相结合,否则需说明理由",
      en: "Province unit {entity} does not contract its paired poor village {related} at the audit date; the choice of village should follow the pairing where possible, or explain why not",
    },
  },
  *check(index, ctx) {
    for (const unit of index.rows("units")) {
      if (!ctx.ok(unit, "level", "pairedVillageId") || unit.level !== "province") continue;
      const village = index.village(unit.pairedVillageId);
      // interpretation: an exited paired village is no longer a poor village.
      if (!village || !ctx.ok(village, "isPoor") || !ctx.isPoorVillage(village)) continue;
      if (ctx.currentContracts(village.id).some((r) => r.unitId === unit.id)) continue;
      yield {
        entity: { collection: "units", id: unit.id },
        related: [{ collection: "villages", id: village.id }],
      };
    }
  },
});
