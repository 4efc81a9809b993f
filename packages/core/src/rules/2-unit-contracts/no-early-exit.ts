import { defineRule } from "../rule.js";

/** 二(三)2: a unit does not leave a village before the village exits poverty. */
export const assignmentNoEarlyExit = defineRule({
  id: "assignment.no-early-exit",
  clause: "二(三)2",
  severity: "error",
  scope: "county",
  quote: "贫困村不脱贫,包村帮扶单位不脱钩",
  title: {
    zh: "贫困村不脱贫,包村帮扶单位不脱钩",
    en: "A contracting unit does not leave a village before it exits poverty",
  },
  interpretation: {
    zh: "另一单位在本包村关系开始之后、结束之日或之前接续包村的,是交接而非脱钩",
    en: "Another unit's contract for the village that starts after this one's start and on or before its end is a hand-over, not an exit",
  },
  messages: {
    default: {
      zh: "单位{related}对村{entity}的包村关系于{endDate}结束,而该村尚未脱贫出列;贫困村不脱贫,包村帮扶单位不脱钩",
      en: "The contract of {related} for village {entity} ends on {endDate} though the village has not exited poverty; a unit may not leave a village before it exits",
    },
    beforeExit: {
      zh: "单位{related}对村{entity}的包村关系于{endDate}结束,早于该村出列日期{exitedOn};贫困村不脱贫,包村帮扶单位不脱钩",
      en: "The contract of {related} for village {entity} ends on {endDate}, before the village exited poverty on {exitedOn}; a unit may not leave a village before it exits",
    },
  },
  *check(index, ctx) {
    for (const village of index.rows("villages")) {
      const rows = index.contractsOfVillage(village.id);
      const exitedOn = ctx.exited(village) ? village.exitedPovertyOn! : undefined;
      for (const row of rows) {
        if (row.endDate === undefined || !ctx.ok(row, "startDate", "endDate", "unitId")) continue;
        if (row.unitId === undefined) continue;
        if (exitedOn !== undefined && row.endDate >= exitedOn) continue;
        const end = row.endDate;
        // interpretation: another unit taking over by the end day is a hand-over, not an exit.
        const handedOver = rows.some(
          (next) =>
            next !== row &&
            ctx.ok(next, "startDate", "unitId") &&
            next.unitId !== undefined &&
            next.unitId !== row.unitId &&
            next.startDate > row.startDate &&
            next.startDate <= end,
        );
        if (handedOver) continue;
        yield {
          entity: { collection: "villages", id: village.id },
          related: [{ collection: "units", id: row.unitId }],
          message: exitedOn === undefined ? "default" : "beforeExit",
          params: { endDate: end, ...(exitedOn === undefined ? {} : { exitedOn }) },
        };
      }
    }
  },
});
