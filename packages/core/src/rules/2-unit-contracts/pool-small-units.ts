import { defineRule } from "../rule.js";

/** 二(二): only small units share a village. */
export const villagePoolSmallUnits = defineRule({
  id: "village.pool-small-units",
  clause: "二(二)",
  severity: "warning",
  scope: "county",
  quote: "对人员编制少的单位,可以安排两个以上的单位包村帮扶",
  title: {
    zh: "几个单位共包一村时都是编制少的单位",
    en: "Units that share a village are all small",
  },
  interpretation: {
    zh: "“人员编制少”指编制人数不超过 smallUnitMaxStaff(默认10人)",
    en: "“Few established posts” means a staff size of at most smallUnitMaxStaff (10 by default)",
  },
  messages: {
    default: {
      zh: "{entity}由{count}个单位共同包村,其中{related}编制{staff}人,超过{max}人;只有人员编制少的单位才可以安排两个以上的单位包村帮扶",
      en: "{entity} is contracted by {count} units, among them {related} with {staff} established posts, more than {max}; only units with few posts may share a village",
    },
  },
  *check(index, ctx) {
    for (const village of index.rows("villages")) {
      const units = ctx.contractingUnits(village.id);
      if (units.length < 2) continue;
      for (const unit of units) {
        // interpretation: small means staffSize ≤ smallUnitMaxStaff.
        if (!ctx.ok(unit, "staffSize") || ctx.isSmall(unit)) continue;
        yield {
          entity: { collection: "villages", id: village.id },
          related: [{ collection: "units", id: unit.id }],
          params: { count: units.length, staff: unit.staffSize, max: ctx.params.smallUnitMaxStaff },
        };
      }
    }
  },
});
