import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { audit } from "../audit.js";
import { loadDataset } from "../engine/loader.js";
import { RuleContext } from "../engine/rule-context.js";
import { parametersOn } from "../params/parameters.js";
import type { Dataset } from "../schema/collections.js";
import { ARBITRARY_AS_OF, arbitraryDataset } from "../testing/arbitraries.js";
import { compliantCounty, FIXTURE_AS_OF, ID } from "../testing/fixture.js";
import { applyPlan, type Plan, planAssignments } from "./plan-assignments.js";
import { PLANNING_RULE_IDS } from "./planning.js";

const asOf = ARBITRARY_AS_OF;
const NUM_RUNS = 80;
/** The rules a planner fills gaps for; the others are about existing rows. */
const GAP_RULES = new Set([
  "village.has-unit",
  "household.has-helper",
  "province-unit.covers-designated-county",
  "city-unit.has-village",
]);
const cap = fc.integer({ min: 1, max: 5 });

const planningFindings = (d: Dataset, at = asOf) =>
  audit(d, { asOf: at, rules: { only: PLANNING_RULE_IDS } }).findings.filter((f) =>
    PLANNING_RULE_IDS.includes(f.ruleId),
  );
const unresolvedKeys = (plan: Plan) =>
  new Set(plan.unresolved.map((u) => `${u.collection}:${u.id}`));

describe("planAssignments on generated datasets", () => {
  it("generates datasets whose existing rows break no planning rule", () => {
    fc.assert(
      fc.property(arbitraryDataset(), (d) => {
        const broken = planningFindings(d).filter((f) => !GAP_RULES.has(f.ruleId));
        expect(broken).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("completes a dataset that audits clean of the planning rules, except what is unresolved", () => {
    fc.assert(
      fc.property(arbitraryDataset(), cap, (d, max) => {
        const plan = planAssignments(d, { asOf, maxHouseholdsPerHelper: max });
        const excused = unresolvedKeys(plan);
        const left = planningFindings(applyPlan(d, plan)).filter(
          (f) => !excused.has(`${f.entity.collection}:${f.entity.id}`),
        );
        expect(left).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("proposes nothing for a dataset it has completed", () => {
    fc.assert(
      fc.property(arbitraryDataset(), cap, (d, max) => {
        const options = { asOf, maxHouseholdsPerHelper: max };
        const again = planAssignments(applyPlan(d, planAssignments(d, options)), options);
        expect(again.rows).toEqual({ villageAssignments: [], householdAssignments: [] });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("never leaves a chosen helper two households above another eligible helper of its tier", () => {
    fc.assert(
      fc.property(arbitraryDataset(), cap, (d, max) => {
        const plan = planAssignments(d, { asOf, maxHouseholdsPerHelper: max });
        const index = loadDataset(applyPlan(d, plan));
        const ctx = new RuleContext(index, asOf, parametersOn(asOf), new Map());
        const load = new Map<string, number>();
        for (const r of index.rows("householdAssignments"))
          if (ctx.isCurrent(r)) load.set(r.personId, (load.get(r.personId) ?? 0) + 1);
        const loadOf = (id: string) => load.get(id) ?? 0;
        for (const row of plan.rows.householdAssignments) {
          const h = index.household(row.householdId)!;
          const v = index.village(h.villageId)!;
          const helper = index.person(row.personId)!;
          const villageCadres = index.villageCadres(v.id);
          const townshipCadres = index.townshipCadres(v.townshipId);
          const tier = ctx.isWelfare(h)
            ? [
                ...townshipCadres.filter((p) => p.role === "civil_affairs_officer"),
                ...villageCadres,
              ]
            : helper.role === "unit_staff"
              ? ctx.helperUnits(v).flatMap((u) => index.staffOfUnit(u.id))
              : [...townshipCadres, ...villageCadres];
          expect(tier.map((p) => p.id)).toContain(helper.id);
          for (const other of tier)
            expect(loadOf(helper.id)).toBeLessThanOrEqual(loadOf(other.id) + 1);
          if (helper.role === "unit_staff") expect(loadOf(helper.id)).toBeLessThanOrEqual(max);
          // A cadre takes a poor village's household only when the units' staff are all full.
          else if (!ctx.isWelfare(h) && v.isPoor)
            for (const u of ctx.helperUnits(v))
              for (const p of index.staffOfUnit(u.id))
                expect(loadOf(p.id)).toBeGreaterThanOrEqual(max);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("plans the same dataset the same way, and leaves the input untouched", () => {
    fc.assert(
      fc.property(arbitraryDataset(), (d) => {
        const before = JSON.stringify(d);
        const a = planAssignments(d, { asOf });
        const completed = applyPlan(d, a);
        expect(JSON.stringify(d)).toBe(before);
        expect(JSON.stringify(planAssignments(structuredClone(d), { asOf }))).toBe(
          JSON.stringify(a),
        );
        expect(completed.villageAssignments.length).toBe(
          d.villageAssignments.length + a.rows.villageAssignments.length,
        );
      }),
      { numRuns: 30 },
    );
  });
});

describe("planAssignments on the fixture", () => {
  it("proposes nothing for a compliant county", () => {
    expect(planAssignments(compliantCounty(), { asOf: FIXTURE_AS_OF })).toEqual({
      rows: { villageAssignments: [], householdAssignments: [] },
      unresolved: [],
    });
  });

  it("gives households of a re-planned village to the staff of its new unit", () => {
    const d = compliantCounty();
    d.villageAssignments = d.villageAssignments.filter((a) => a.villageId !== ID.v4);
    d.householdAssignments = d.householdAssignments.filter((a) => a.householdId !== ID.h4);
    const plan = planAssignments(d, { asOf: FIXTURE_AS_OF });
    expect(plan.rows.villageAssignments.map((r) => [r.villageId, r.unitId])).toEqual([
      [ID.v4, ID.countyUnit],
    ]);
    expect(plan.rows.householdAssignments.map((r) => r.personId)).toEqual([
      `${ID.countyUnit}-principal`,
    ]);
    expect(plan.rows.householdAssignments[0]).toMatchObject({
      startDate: FIXTURE_AS_OF,
      recordedInRegister: false,
      recordedInHandbook: false,
    });
  });

  it("leaves the new rows unrecorded, so the completed dataset shows household.helper-recorded", () => {
    const d = compliantCounty();
    d.householdAssignments = d.householdAssignments.filter((a) => a.householdId !== ID.h1);
    const completed = applyPlan(d, planAssignments(d, { asOf: FIXTURE_AS_OF }));
    const report = audit(completed, {
      asOf: FIXTURE_AS_OF,
      rules: { only: ["household.helper-recorded", ...PLANNING_RULE_IDS] },
    });
    expect(report.findings.map((f) => [f.ruleId, f.entity.id])).toEqual([
      ["household.helper-recorded", ID.h1],
    ]);
  });

  it("appends to the collection a dataset names in Chinese", () => {
    const { villageAssignments, ...rest } = compliantCounty();
    const d = { ...rest, 单位包村: villageAssignments.filter((a) => a.villageId !== ID.v4) };
    const completed = applyPlan(d, planAssignments(d, { asOf: FIXTURE_AS_OF }));
    expect(completed.单位包村).toHaveLength(3);
    expect("villageAssignments" in completed).toBe(false);
  });

  it("rejects a bad date or helper cap with a ConfigurationError", () => {
    const d = compliantCounty();
    expect(() => planAssignments(d, { asOf: "2018-13-01" })).toThrow(/asOf/);
    expect(() => planAssignments(d, { asOf: FIXTURE_AS_OF, maxHouseholdsPerHelper: 0 })).toThrow(
      /maxHouseholdsPerHelper/,
    );
    expect(() =>
      planAssignments(d, { asOf: FIXTURE_AS_OF, parameters: { smallUnitMaxStaff: "ten" } }),
    ).toThrow();
  });
});
