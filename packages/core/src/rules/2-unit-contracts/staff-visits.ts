import { unitDutyHits } from "../duty-years.js";
import { defineRule } from "../rule.js";

const QUOTE = "组织本单位干部职工走访贫困村,开展调查研究和送温暖活动";

/** 二(三)1: the unit's staff visit each contracted village every year (rules.md "Time"). */
export const unitStaffVisits = defineRule({
  id: "unit.staff-visits",
  clause: "二(三)1",
  severity: "warning",
  scope: "county",
  reads: {
    units: ["principalId"],
    villageAssignments: ["endDate", "startDate", "unitId"],
    visits: ["personId", "date", "kind", "villageId"],
  },
  quote: QUOTE,
  title: {
    zh: "包村帮扶单位组织本单位干部职工走访贫困村",
    en: "The responsible unit's staff visit the contracted village",
  },
  interpretation: {
    zh: "“组织本单位干部职工走访贫困村”未定次数，按每年度至少走访一次计（参数“每年组织干部职工走访贫困村次数”）；同一包村帮扶单位对同一贫困村的各段包村关系合并计算，不足一年的年度按包村天数折算、四舍五入，只计包村期间的走访；主要负责同志本人的走访不计入；干部职工以人员表中所在单位为准。",
    en: "“组织本单位干部职工走访贫困村” names no number: read as at least staffVisitsPerYear (default 1) visits a calendar year; the unit's rows for the village are taken together, a partial year is prorated (rounded half up) and only visits on its covered days count; the principal's own visits do not count; staff are the people the dataset records in the unit now",
  },
  messages: {
    default: {
      zh: `{entity}的干部职工走访{related}次数不足：{periods}。原文：“${QUOTE}”。`,
      en: `Staff of {entity} made too few visits to {related}: {periods} ("${QUOTE}").`,
    },
  },
  *check(index, ctx) {
    // interpretation: staffVisitsPerYear (default 1) stands for "组织…走访", which names no number.
    yield* unitDutyHits(index, ctx, ctx.params.staffVisitsPerYear, (unit, villageId) => {
      // Who the principal is decides whose visits are the staff's: a broken one says nothing.
      if (!ctx.ok(unit)) return undefined;
      const staff = index.staffOfUnit(unit.id);
      const target = { village: villageId };
      return {
        count: (fromDay, toDay, enough) => {
          let n = 0;
          for (const person of staff) {
            // The principal's own visits are 四2's duty (unit.principal-visits), not the staff's.
            if (person.id === unit.principalId) continue;
            n += ctx.visitsIn(target, person.id, "staff_visit", fromDay, toDay);
            if (n >= enough) break;
          }
          return n;
        },
      };
    });
  },
});
