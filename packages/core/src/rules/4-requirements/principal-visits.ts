import { unitDutyHits } from "../duty-years.js";
import { defineRule } from "../rule.js";

const QUOTE = "每年至少两次深入贫困村调研";

/** 四2: the unit's principal researches each contracted village at least twice a year. */
export const unitPrincipalVisits = defineRule({
  id: "unit.principal-visits",
  clause: "四2",
  severity: "error",
  scope: "county",
  reads: {
    units: ["principalId"],
    villageAssignments: ["endDate", "startDate", "unitId"],
    visits: ["personId", "date", "kind", "villageId"],
  },
  quote: QUOTE,
  title: {
    zh: "主要负责同志每年至少两次深入贫困村调研",
    en: "The unit's principal researches the village at least twice a year",
  },
  interpretation: {
    zh: "调研次数按每个所包贫困村分别计算；人员表只记现任主要负责同志，以往年度也以其为准；同一包村帮扶单位对同一贫困村的各段包村关系合并计算，不足一年的年度按包村天数折算、四舍五入，只计包村期间的调研。",
    en: "The count is per contracted village; the dataset's current principal is taken for past years too (it keeps no history); the unit's rows for the village are taken together, a partial year is prorated (rounded half up) and only visits on its covered days count",
  },
  messages: {
    default: {
      zh: `{entity}的主要负责同志到{related}调研次数不足：{periods}。原文：“${QUOTE}”。`,
      en: `The principal of {entity} made too few research visits to {related}: {periods} ("${QUOTE}").`,
    },
    noPrincipal: {
      zh: `{entity}未登记主要负责同志，无从核实其到{related}调研：{periods}。原文：“${QUOTE}”。`,
      en: `{entity} names no principal, so no research visit to {related} is shown: {periods} ("${QUOTE}").`,
    },
  },
  *check(index, ctx) {
    yield* unitDutyHits(index, ctx, ctx.params.principalVisitsPerYear, (unit, villageId) => {
      if (!ctx.ok(unit)) return undefined;
      const principalId = unit.principalId;
      // A unit without a principal fails every due duty year: nobody's visits count.
      if (principalId === undefined) return { count: () => 0, message: "noPrincipal" };
      // interpretation: the current principal stands for past years too (no history is kept).
      const target = { village: villageId };
      return {
        count: (fromDay, toDay) =>
          ctx.visitsIn(target, principalId, "principal_research", fromDay, toDay),
      };
    });
  },
});
