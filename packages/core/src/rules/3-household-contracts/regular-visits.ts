import type { RuleContext } from "../../engine/rule-context.js";
import type { HouseholdAssignment } from "../../schema/collections.js";
import { type Counter, failingDutyYears, pairsOf, periodsMessage } from "../duty-years.js";
import { defineRule, type RuleHit } from "../rule.js";
import { householdRef } from "./lookups.js";

const QUOTE = "定期走访贫困户";

/** 三(二)3: a helper visits the household regularly. */
export const householdRegularVisits = defineRule({
  id: "household.regular-visits",
  clause: "三(二)3",
  severity: "warning",
  scope: "county",
  reads: {
    householdAssignments: ["endDate", "personId", "startDate"],
    visits: ["personId", "date", "kind", "householdId"],
  },
  quote: QUOTE,
  title: { zh: "帮扶责任人定期走访贫困户", en: "The helper visits the household regularly" },
  interpretation: {
    zh: "“定期”未定次数，按每年度至少入户走访四次计，即每季度一次（参数“帮扶责任人每年入户走访次数”）；同一帮扶责任人对同一贫困户的各段结对关系合并计算，不足一年的年度按结对天数折算、四舍五入，只计结对期间的走访。",
    en: '"Regularly" names no number: read as at least householdVisitsPerYear (default 4, quarterly) household visits a calendar year; the helper\'s rows for the household are taken together, a partial year is prorated (rounded half up) and only visits on its covered days count',
  },
  messages: {
    default: {
      zh: `{entity}的帮扶责任人{related}入户走访次数不足：{periods}。原文：“${QUOTE}”。`,
      en: `Helper {related} made too few household visits to {entity}: {periods} ("${QUOTE}").`,
    },
  },
  *check(index, ctx) {
    // interpretation: "定期" means at least householdVisitsPerYear visits a year.
    const walk = new HouseholdVisitWalk(ctx, ctx.params.householdVisitsPerYear);
    for (const household of index.rows("households")) {
      const rows = index.helpersOf(household);
      if (rows.length === 0) continue;
      walk.target.household = household.id;
      if (rows.length === 1) {
        const helper = walk.helperOf(rows[0]!);
        if (helper === undefined) continue;
        walk.personId = helper;
        const hit = walk.judge(rows);
        if (hit) yield hit;
        continue;
      }
      for (const pair of pairsOf(rows, (row) => walk.helperOf(row))) {
        walk.personId = pair.key;
        const hit = walk.judge(pair.rows);
        if (hit) yield hit;
      }
    }
  },
});

/**
 * The rule's walk over household–helper pairs: one object for the whole run (a province has
 * millions of pairs), its `count` reading the pair in hand. Methods, not closures made in `check`:
 * V8 compiles a hot closure again in every run that makes it, and a server runs every rule once
 * per request.
 */
class HouseholdVisitWalk implements Counter {
  readonly target = { household: "" };
  personId = "";
  private readonly ctx: RuleContext;
  private readonly perYear: number;

  constructor(ctx: RuleContext, perYear: number) {
    this.ctx = ctx;
    this.perYear = perYear;
  }

  count(fromDay: number, toDay: number): number {
    return this.ctx.visitsIn(this.target, this.personId, "household_visit", fromDay, toDay);
  }

  helperOf(row: HouseholdAssignment): string | undefined {
    return this.ctx.ok(row, "personId") && row.personId !== undefined ? row.personId : undefined;
  }

  /** The hit of the pair in hand over its rows, if a due year fails. */
  judge(rows: readonly HouseholdAssignment[]): RuleHit | undefined {
    const failing = failingDutyYears(this.ctx, rows, this.perYear, this);
    if (!failing) return undefined;
    return {
      ...householdRef(this.target.household, this.personId),
      years: failing.map((f) => f.year),
      params: { periods: periodsMessage(failing) },
    };
  }
}
