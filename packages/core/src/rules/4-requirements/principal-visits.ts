import { visitKindCode } from "../../engine/visits.js";
import { defineRule } from "../rule.js";
import { failingContractYears } from "./contract-years.js";

const RESEARCH = visitKindCode("principal_research");

/** 四2: the unit's principal researches each contracted village at least twice a contract year. */
export const unitPrincipalVisits = defineRule({
  id: "unit.principal-visits",
  clause: "四2",
  severity: "error",
  scope: "county",
  quote: "每年至少两次深入贫困村调研",
  title: {
    zh: "主要负责同志每年至少两次深入贫困村调研",
    en: "The unit's principal researches the village at least twice a year",
  },
  messages: {
    default: {
      zh: "包村帮扶单位{entity}的主要负责同志在{years}年开始的包村年度内到{related}调研少于{required}次;主要负责同志每年至少两次深入贫困村调研",
      en: "The principal of unit {entity} made fewer than {required} research visits to {related} in the contract year(s) starting in {years}; the principal must research the village at least twice a year",
    },
    noPrincipal: {
      zh: "包村帮扶单位{entity}未登记主要负责同志,无从证明其在{years}年开始的包村年度内到{related}调研;主要负责同志每年至少两次深入贫困村调研",
      en: "Unit {entity} names no principal, so no research visit to {related} is shown for the contract year(s) starting in {years}; the principal must research the village at least twice a year",
    },
  },
  *check(index, ctx) {
    const required = ctx.params.principalVisitsPerYear;
    const hits = failingContractYears(
      index,
      ctx,
      (unit, villageId, year) => {
        if (!ctx.ok(unit, "principalId")) return undefined;
        if (unit.principalId === undefined) return true;
        const n = index.visits.count(
          { village: villageId },
          unit.principalId,
          RESEARCH,
          year.fromDay,
          year.toDay,
          ctx.asOfDay,
        );
        return n < required;
      },
      { required },
    );
    for (const hit of hits) {
      const unit = index.unit(hit.entity.id);
      yield unit?.principalId === undefined ? { ...hit, message: "noPrincipal" } : hit;
    }
  },
});
