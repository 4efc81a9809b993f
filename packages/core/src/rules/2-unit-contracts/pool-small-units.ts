import { toDay } from "../../calendar/calendar.js";
import { joinMessages } from "../../engine/findings.js";
import type { RuleContext } from "../../engine/rule-context.js";
import type { VillageAssignment } from "../../schema/collections.js";
import { defineRule } from "../rule.js";

/**
 * Whether `outgoing` hands the village over to `incoming` (`rules.md`, 二(二)): it has an
 * `endDate`, and `incoming`, another unit's row, starts after its start, on or before that end
 * and no more than `handOverMaxDays` before it.
 */
function handsOver(ctx: RuleContext, outgoing: VillageAssignment, incoming: VillageAssignment) {
  const end = outgoing.endDate;
  const start = ctx.start(incoming);
  if (end === undefined || start === undefined) return false;
  return (
    start > ctx.start(outgoing)! &&
    start <= end &&
    toDay(end) - toDay(start) <= ctx.params.handOverMaxDays
  );
}

/** 二(二): only small units share a village. */
export const villagePoolSmallUnits = defineRule({
  id: "village.pool-small-units",
  clause: "二(二)",
  severity: "warning",
  scope: "county",
  reads: {
    units: ["staffSize"],
    villageAssignments: ["endDate", "startDate", "unitId"],
  },
  quote: "对人员编制少的单位,可以安排两个以上的单位包村帮扶",
  title: {
    zh: "几个单位共同包村的，都是人员编制少的单位",
    en: "Units that share a village are all small",
  },
  interpretation: {
    zh: "“人员编制少”指编制人数不超过编制少的单位编制人数上限（默认10人）。按核查基准日当天有效的包村关系判断。一个单位的包村设有结束日期，另一单位在其开始之后、结束之日或之前接替包村，且接替之日距结束之日不超过交接期最长天数（默认30天）的，两者并存是交接，不算几个单位共同包村。",
    en: "“Few established posts” means a staff size of at most the small-unit limit (10 by default). The pool is judged on the audit date. A row with an end date and another unit's row starting after its start, on or before that end and at most the hand-over days (30 by default) before it overlap as a hand-over, not a pool.",
  },
  messages: {
    default: {
      zh: "{entity}由{units}共同包村，其中{related}编制{staff}人，超过编制少的单位编制人数上限{max}人。原文：“对人员编制少的单位,可以安排两个以上的单位包村帮扶”。",
      en: '{entity} is contracted jointly by {units}, among them {related} with {staff} established posts, more than the small-unit limit of {max} ("对人员编制少的单位,可以安排两个以上的单位包村帮扶").',
    },
  },
  *check(index, ctx) {
    for (const village of index.rows("villages")) {
      // A row whose dates are broken is in force on no day (RuleContext.isCurrent).
      const rows = ctx
        .currentContracts(village.id)
        .filter((r) => r.unitId !== undefined && ctx.ok(r, "unitId"));
      if (rows.length < 2) continue;
      // The pool: units with a row in force on asOf that overlaps another unit's row otherwise
      // than as a hand-over.
      const pooled = new Set<string>();
      for (const a of rows) {
        for (const b of rows) {
          if (a.unitId === b.unitId || handsOver(ctx, a, b) || handsOver(ctx, b, a)) continue;
          pooled.add(a.unitId);
          pooled.add(b.unitId);
        }
      }
      if (pooled.size < 2) continue;
      const ids = [...pooled].sort();
      const units = joinMessages(ids.map((id) => ctx.labels("units", id)));
      for (const id of ids) {
        const unit = index.unit(id);
        // interpretation: small means staffSize ≤ smallUnitMaxStaff.
        if (!unit || !ctx.ok(unit) || ctx.isSmall(unit)) continue;
        yield {
          entity: { collection: "villages", id: village.id },
          related: [{ collection: "units", id }],
          params: { units, staff: unit.staffSize, max: ctx.params.smallUnitMaxStaff },
        };
      }
    }
  },
});
