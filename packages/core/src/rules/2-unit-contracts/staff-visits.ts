import { visitKindCode } from "../../engine/visits.js";
import { failingContractYears } from "../4-requirements/contract-years.js";
import { defineRule } from "../rule.js";

const STAFF_VISIT = visitKindCode("staff_visit");

/** 二(三)1: the unit's staff visit each contracted village every contract year. */
export const unitStaffVisits = defineRule({
  id: "unit.staff-visits",
  clause: "二(三)1",
  severity: "warning",
  scope: "county",
  quote: "组织本单位干部职工走访贫困村,开展调查研究和送温暖活动",
  title: {
    zh: "组织本单位干部职工走访贫困村",
    en: "The unit's staff visit the contracted village",
  },
  interpretation: {
    zh: "“组织本单位干部职工走访贫困村”按每个包村年度至少staffVisitsPerYear次(默认1次)干部职工走访计,主要负责同志本人的走访不计入;干部职工以人员表现所在单位为准",
    en: "“组织本单位干部职工走访贫困村” is read as at least staffVisitsPerYear (default 1) staff visits per contract year, by staff other than the principal; staff are the people the dataset records in the unit now",
  },
  messages: {
    default: {
      zh: "包村帮扶单位{entity}的干部职工在{years}年开始的包村年度内走访{related}少于{required}次;包村单位要组织本单位干部职工走访贫困村",
      en: "Staff of unit {entity} made fewer than {required} visit(s) to {related} in the contract year(s) starting in {years}; the unit must organise its staff to visit the poor village",
    },
  },
  *check(index, ctx) {
    // interpretation: staffVisitsPerYear (default 1) stands for "组织…走访", which names no number.
    const required = ctx.params.staffVisitsPerYear;
    yield* failingContractYears(
      index,
      ctx,
      (unit, villageId, year) => {
        if (!ctx.ok(unit, "principalId")) return undefined;
        let n = 0;
        // The principal's own visits are 四2's duty (unit.principal-visits), not the staff's.
        for (const person of index.staffOfUnit(unit.id)) {
          if (person.id === unit.principalId) continue;
          n += index.visits.count(
            { village: villageId },
            person.id,
            STAFF_VISIT,
            year.fromDay,
            year.toDay,
            ctx.asOfDay,
          );
          if (n >= required) return false;
        }
        return n < required;
      },
      { required },
    );
  },
});
