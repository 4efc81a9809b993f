/**
 * The household planner (三(一) 干部包户的安排): a helper for every household without one.
 *
 * Welfare households go to their township's civil-affairs officer or a cadre of their village;
 * households of poor villages to staff of the village's contracting units, up to
 * `maxHouseholdsPerHelper` each, then to township and village cadres; households of non-poor
 * villages to township and village cadres of their own place. Within each group ("tier") the
 * helper with the fewest households is chosen, ties to the earlier row of `people`; a last pass
 * moves a household wherever another eligible helper of its tier has two fewer, so that no helper
 * ends with two more than another who could have taken the household.
 * Proposed rows start on the planning date (`asOf`), so on or after every verification the audit
 * reads (`household.verified-before-pairing`). A poor village's household that a township or
 * village cadre already helps while a unit of the village — now or in this plan — still has a
 * staff member with no household is listed as unresolved (`household.unit-staff-first`): the plan
 * only adds rows and cannot hand it over.
 * Linear passes with the index: a lazy heap per village and tier, one pass over households.
 */
import type { DatasetIndex } from "../engine/dataset-index.js";
import type { RuleContext } from "../engine/rule-context.js";
import { ConfigurationError } from "../params/parameters.js";
import {
  helperOf,
  isPoor,
  villageOf,
  welfareKnown,
} from "../rules/3-household-contracts/lookups.js";
import type {
  DatasetInput,
  Household,
  HouseholdAssignment,
  Person,
  Unit,
  Village,
  VillageAssignment,
} from "../schema/collections.js";
import { HELPER_CLAUSE, helperReasons } from "./helper-reasons.js";
import { LoadHeap } from "./load-heap.js";
import {
  type Because,
  type PlanOptions,
  type Proposed,
  planningContext,
  type Unresolved,
} from "./planning.js";

/**
 * Options of the household planner.
 * @example planAssignments(dataset, { asOf: "2014-07-20", maxHouseholdsPerHelper: 3 })
 */
export interface HouseholdPlanOptions extends PlanOptions {
  /**
   * How many households a unit's staff member takes before township and village cadres are asked
   * (default 5). A planning choice, not a rule: the policy allows "一人联系一户,也可以一人联系多户".
   */
  maxHouseholdsPerHelper?: number;
}

/**
 * What the household planner proposes.
 * @example const { householdAssignments, unresolved } = planHouseholdHelpers(d, { asOf });
 */
export interface HouseholdHelperPlan {
  householdAssignments: Proposed<HouseholdAssignment>[];
  unresolved: Unresolved[];
}

/**
 * The default of `maxHouseholdsPerHelper`: a planning choice, not a rule.
 * @example planHouseholdHelpers(d, { asOf, maxHouseholdsPerHelper: DEFAULT_MAX_HOUSEHOLDS_PER_HELPER })
 */
export const DEFAULT_MAX_HOUSEHOLDS_PER_HELPER = 5;

/**
 * Proposes `householdAssignments` for every household without a current helper (三(一)), seeing
 * the dataset's current village contracts (`planAssignments` adds the proposed ones).
 * @example
 * const { householdAssignments } = planHouseholdHelpers(dataset, { asOf: "2014-08-01" });
 */
export function planHouseholdHelpers(
  dataset: DatasetIndex | DatasetInput,
  options: HouseholdPlanOptions,
): HouseholdHelperPlan {
  const cap = helperCap(options.maxHouseholdsPerHelper);
  return proposeHelpers(planningContext(dataset, options), [], cap);
}

/** Checks `maxHouseholdsPerHelper`: a whole number ≥ 1 (default 5). */
export function helperCap(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_HOUSEHOLDS_PER_HELPER;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new ConfigurationError(
      "maxHouseholdsPerHelper",
      `maxHouseholdsPerHelper must be a whole number ≥ 1, not ${JSON.stringify(value)}`,
    );
  }
  return value;
}

type Tier = "staff" | "cadres" | "welfare";

interface Pool {
  tier: Tier;
  heap: LoadHeap;
  /** For `staff`: the village's contracting units. */
  units: Unit[];
}

/** The household plan on a rule context, with the proposed village contracts. */
export function proposeHelpers(
  ctx: RuleContext,
  contracts: readonly VillageAssignment[],
  cap: number,
): HouseholdHelperPlan {
  const index = ctx.index;
  const say = helperReasons(index, cap);
  const people = index.tables.people;
  // Each person's households: current rows now, plus those this plan gives.
  const loads = new Int32Array(people.rows.length);
  for (const r of index.rows("householdAssignments")) {
    const i = people.byId.get(r.personId);
    if (i !== undefined && ctx.isCurrent(r)) loads[i]!++;
  }
  const plannedUnits = new Map<string, Unit[]>();
  for (const c of contracts) {
    const u = index.unit(c.unitId);
    if (!u) continue;
    const list = plannedUnits.get(c.villageId);
    if (list) list.push(u);
    else plannedUnits.set(c.villageId, [u]);
  }

  const pools: Pool[] = [];
  const poolIds = new Map<string, number>();
  const poolsOf = new Map<number, number[]>();
  const poolOf = (tier: Tier, village: Village): number => {
    const key = `${tier}\u0000${village.id}`;
    const known = poolIds.get(key);
    if (known !== undefined) return known;
    const id = pools.length;
    const members = new Set<number>();
    const add = (p: Person) => {
      const i = people.byId.get(p.id);
      if (i !== undefined) members.add(i);
    };
    const units: Unit[] = [];
    if (tier === "staff") {
      for (const u of [...ctx.helperUnits(village), ...(plannedUnits.get(village.id) ?? [])])
        if (!units.includes(u)) units.push(u);
      for (const u of units)
        for (const p of index.staffOfUnit(u.id)) if (ctx.ok(p, "role", "unitId")) add(p);
    } else {
      for (const p of index.townshipCadres(village.townshipId))
        if (
          ctx.ok(p, "role", "townshipId") &&
          (tier === "cadres" || p.role === "civil_affairs_officer")
        )
          add(p);
      for (const p of index.villageCadres(village.id)) if (ctx.ok(p, "role", "villageId")) add(p);
    }
    const heap = new LoadHeap(loads);
    for (const i of members) {
      heap.push(i);
      const of = poolsOf.get(i);
      if (of) of.push(id);
      else poolsOf.set(i, [id]);
    }
    pools.push({ tier, heap, units });
    poolIds.set(key, id);
    return id;
  };

  const unresolved: Unresolved[] = [];
  const fail = (h: Household, reason: Unresolved["reason"]) =>
    unresolved.push({ collection: "households", id: h.id, reason, clause: HELPER_CLAUSE });
  const rowHousehold: Household[] = [];
  const rowVillage: Village[] = [];
  const rowPool: number[] = [];
  const rowHelper: number[] = [];
  const fallbacks: number[] = [];
  const assign = (h: Household, v: Village, pool: number, helper: number) => {
    rowHousehold.push(h);
    rowVillage.push(v);
    rowPool.push(pool);
    rowHelper.push(helper);
    loads[helper]!++;
  };

  for (const h of index.rows("households")) {
    if (ctx.exited(h) || ctx.currentHelpers(h).length > 0) continue;
    const v = villageOf(index, ctx, h);
    if (!v) {
      fail(h, say.noVillage(h));
      continue;
    }
    if (welfareKnown(ctx, h) && ctx.isWelfare(h)) {
      const pool = poolOf("welfare", v);
      const helper = pools[pool]!.heap.top();
      if (helper === undefined) fail(h, say.noWelfareHelper(v));
      else assign(h, v, pool, helper);
      continue;
    }
    const poor = isPoor(ctx, v) === true;
    if (poor) {
      const pool = poolOf("staff", v);
      const helper = pools[pool]!.heap.top();
      if (helper !== undefined && loads[helper]! < cap) {
        assign(h, v, pool, helper);
        continue;
      }
    }
    // Township and village cadres: in a poor village only once every unit staff member is at
    // the cap (so none is idle, and household.unit-staff-first holds), else the local helpers.
    const pool = poolOf("cadres", v);
    const helper = pools[pool]!.heap.top();
    if (helper === undefined) {
      fail(h, say.noHelper(v, poor));
      continue;
    }
    if (poor) fallbacks.push(rowHelper.length);
    assign(h, v, pool, helper);
  }

  const move = (r: number, to: number, pool: number) => {
    const from = rowHelper[r]!;
    loads[from]!--;
    loads[to]!++;
    rowHelper[r] = to;
    rowPool[r] = pool;
    for (const p of poolsOf.get(from) ?? []) pools[p]!.heap.push(from);
  };
  const taken = new Set<number>();
  for (;;) {
    // Balance: each move lowers the sum of squared loads, so the loop ends.
    for (let moved = 1; moved > 0; ) {
      moved = 0;
      for (let r = 0; r < rowHelper.length; r++) {
        const q = pools[rowPool[r]!]!.heap.top()!;
        if (loads[q]! <= loads[rowHelper[r]!]! - 2) {
          move(r, q, rowPool[r]!);
          moved++;
        }
      }
    }
    // A cadre keeps a poor village's household only while the units' staff are all at the cap.
    let refilled = 0;
    for (const r of fallbacks) {
      if (taken.has(r)) continue;
      const pool = poolOf("staff", rowVillage[r]!);
      const q = pools[pool]!.heap.top();
      if (q !== undefined && loads[q]! < cap) {
        move(r, q, pool);
        taken.add(r);
        refilled++;
      }
    }
    if (refilled === 0) break;
  }

  // household.unit-staff-first: a household of a poor village that a township or village cadre
  // already helps, while a unit of the village (contracting now or in this plan) still has a staff
  // member who helps no household once the plan is applied — e.g. a village this plan gives its
  // first unit. The plan only adds rows and cannot hand the household over: it lists it.
  const listed = new Set(unresolved.map((u) => u.id));
  const freeStaff = (us: readonly Unit[]) =>
    us
      .map((u) => ({
        unit: u,
        free: index.staffOfUnit(u.id).filter((p) => {
          const i = people.byId.get(p.id);
          return i !== undefined && loads[i] === 0;
        }).length,
      }))
      .filter((x) => x.free > 0);
  for (const h of index.rows("households")) {
    if (listed.has(h.id) || !welfareKnown(ctx, h) || ctx.isWelfare(h)) continue;
    const helpers = ctx.currentHelpers(h);
    if (helpers.length === 0) continue;
    const v = villageOf(index, ctx, h);
    if (!v || isPoor(ctx, v) !== true) continue;
    for (const row of helpers) {
      const p = helperOf(index, ctx, row);
      if (!p || !(ctx.isTownshipCadreOf(p, v.townshipId) || ctx.isVillageCadreOf(p, v.id)))
        continue;
      const units = [...ctx.helperUnits(v)];
      for (const u of plannedUnits.get(v.id) ?? []) if (!units.includes(u)) units.push(u);
      const free = freeStaff(units);
      if (free.length === 0) continue;
      fail(h, say.handOver(h, p, v, free));
      break;
    }
  }

  const fallbackReason = (p: Person, v: Village) => {
    const pool = pools[poolOf("staff", v)]!;
    return say.fallback(p, v, pool.units, pool.heap.top() !== undefined);
  };
  const reasons = new Map<string, Because>();
  const householdAssignments = rowHousehold.map((h, r): Proposed<HouseholdAssignment> => {
    const v = rowVillage[r]!;
    const helper = rowHelper[r]!;
    const pool = pools[rowPool[r]!]!;
    const kind = pool.tier === "cadres" && isPoor(ctx, v) === true ? "fallback" : pool.tier;
    const key = `${kind}\u0000${v.id}\u0000${helper}`;
    let because = reasons.get(key);
    if (!because) {
      const p = people.rows[helper]!;
      const message =
        kind === "staff"
          ? say.staff(p, v)
          : kind === "welfare"
            ? say.welfare(p, v)
            : kind === "fallback"
              ? fallbackReason(p, v)
              : say.local(p, v);
      because = { clause: HELPER_CLAUSE, ...message };
      reasons.set(key, because);
    }
    return {
      householdId: h.id,
      personId: people.rows[helper]!.id,
      startDate: ctx.asOf,
      recordedInRegister: false,
      recordedInHandbook: false,
      because,
    };
  });
  return { householdAssignments, unresolved };
}
