import { visitKindCode } from "../../engine/visits.js";
import { defineRule } from "../rule.js";
import { householdRef } from "./lookups.js";

const HOUSEHOLD_VISIT = visitKindCode("household_visit");

/** 三(二)3: a helper visits the household regularly. */
export const householdRegularVisits = defineRule({
  id: "household.regular-visits",
  clause: "三(二)3",
  severity: "warning",
  scope: "county",
  quote: "定期走访贫困户",
  title: { zh: "帮扶责任人定期走访贫困户", en: "The helper visits the household regularly" },
  interpretation: {
    zh: "“定期”理解为每个结束的包户年度内至少入户走访 householdVisitsPerYear 次(默认 4 次,即每季度一次)",
    en: '"Regularly" is read as at least householdVisitsPerYear household visits (default 4, quarterly) in every ended contract year of the assignment',
  },
  messages: {
    default: {
      zh: "贫困户{entity}的帮扶责任人{related}在始于{years}年的包户年度内入户走访少于{min}次;帮扶责任人要定期走访贫困户",
      en: "The helper {related} of household {entity} made fewer than {min} household visits in the contract years starting in {years}; helpers must visit their households regularly",
    },
  },
  *check(index, ctx) {
    // interpretation: "定期" means at least householdVisitsPerYear visits per contract year.
    const min = ctx.params.householdVisitsPerYear;
    for (const household of index.rows("households")) {
      let failing: Map<string, number[]> | undefined;
      for (const row of index.helpersOf(household)) {
        if (!ctx.ok(row, "personId") || row.personId === undefined) continue;
        for (const year of ctx.contractYears(row)) {
          const n = index.visits.count(
            { household: household.id },
            row.personId,
            HOUSEHOLD_VISIT,
            year.fromDay,
            year.toDay,
            ctx.asOfDay,
          );
          if (n >= min) continue;
          failing ??= new Map();
          const years = failing.get(row.personId) ?? [];
          years.push(year.year);
          failing.set(row.personId, years);
        }
      }
      for (const [personId, years] of failing ?? []) {
        yield { ...householdRef(household.id, personId), years, params: { min } };
      }
    }
  },
});
