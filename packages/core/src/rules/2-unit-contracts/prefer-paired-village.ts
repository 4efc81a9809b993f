import { joinMessages } from "../../engine/findings.js";
import { defineRule } from "../rule.js";

const QUOTE = "确定贫困村要尽量与结对共建工作相结合";

/** 二(二): a province unit contracts, where it can, the poor village it is paired with. */
export const provinceUnitPreferPairedVillage = defineRule({
  id: "province-unit.prefer-paired-village",
  clause: "二(二)",
  severity: "warning",
  scope: "province",
  reads: {
    villages: ["exitedPovertyOn", "isPoor"],
    units: ["level", "pairedVillageId"],
    villageAssignments: ["endDate", "startDate", "unitId"],
  },
  quote: QUOTE,
  title: {
    zh: "省直单位尽量包扶结对共建的贫困村",
    en: "A province unit contracts, where it can, its paired poor village",
  },
  interpretation: {
    zh: "结对共建村已出列的，不再是贫困村，本条不适用",
    en: "Not applied once the paired village has exited poverty: it is no longer a poor village",
  },
  messages: {
    default: {
      zh: `省直单位{entity}的结对共建村{related}是贫困村，截至{asOf}该村由{units}包扶，而非由本单位包扶，需说明理由。原文：“${QUOTE}”。`,
      en: `Province unit {entity} does not contract its paired poor village {related} on {asOf}, which {units} contracts; the reason needs explaining (“${QUOTE}”).`,
    },
    uncontracted: {
      zh: `省直单位{entity}的结对共建村{related}是贫困村，截至{asOf}该村没有包村帮扶单位，本单位也未包扶，需说明理由。原文：“${QUOTE}”。`,
      en: `Province unit {entity} does not contract its paired poor village {related}, which has no responsible unit on {asOf}; the reason needs explaining (“${QUOTE}”).`,
    },
  },
  *check(index, ctx) {
    for (const unit of index.rows("units")) {
      if (!ctx.ok(unit) || unit.level !== "province") continue;
      const village = index.village(unit.pairedVillageId);
      // interpretation: an exited paired village is no longer a poor village.
      if (!village || !ctx.ok(village, "isPoor") || !ctx.isPoorVillage(village)) continue;
      const own = index.contractsOfVillage(village.id).filter((r) => r.unitId === unit.id);
      if (own.some((r) => ctx.isCurrent(r))) continue;
      // No cascade: a row of the pair whose dates are broken might be the current contract.
      if (own.some((r) => ctx.start(r) === undefined || !ctx.ok(r, "endDate"))) continue;
      const units = ctx.contractingUnits(village.id);
      yield {
        entity: { collection: "units", id: unit.id },
        related: [{ collection: "villages", id: village.id }],
        message: units.length === 0 ? "uncontracted" : "default",
        params: {
          asOf: ctx.asOf,
          units: joinMessages(units.map((u) => ctx.labels("units", u.id))),
        },
      };
    }
  },
});
