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
import { isPoor, localCadreHelps, villageOf } from "../criteria/household-lookups.js";
import { isCivilAffairsOfficerOf } from "../criteria/township-cadre.js";
import { isWelfareHousehold, welfareKnown } from "../criteria/welfare-household.js";
import type { DatasetIndex } from "../engine/dataset-index.js";
import type { RuleContext } from "../engine/rule-context.js";
import { ConfigurationError } from "../params/parameters.js";
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

/** Who a pool offers: a poor village's units' staff, its local cadres, or a welfare household's. */
type Tier = "staff" | "cadres" | "welfare";

/** The helpers a household of one village may get in one tier, as a heap by load. */
interface Pool {
  tier: Tier;
  heap: LoadHeap;
  /** For `staff`: the village's contracting units, now and in this plan. */
  units: readonly Unit[];
}

/** A household this plan gives a helper: the pool it was taken from and the helper's row index. */
interface Placement {
  household: Household;
  village: Village;
  pool: Pool;
  helper: number;
}

/**
 * The household plan on a rule context, with the proposed village contracts: every household
 * without a helper placed in its tier, the loads balanced, then the households a township or
 * village cadre already helps while a unit's staff member is free listed.
 */
export function proposeHelpers(
  ctx: RuleContext,
  contracts: readonly VillageAssignment[],
  cap: number,
): HouseholdHelperPlan {
  const plan = new HelperPlan(ctx, contracts, cap);
  plan.placeHouseholds();
  plan.balance();
  plan.listHandOvers();
  return { householdAssignments: plan.proposals(), unresolved: plan.unresolved };
}

/**
 * The pools of a plan, one per (tier, village), each made on first need with the helpers' loads
 * at that moment; and for each helper the pools that hold it, to refresh its key when its load
 * goes down.
 */
class Pools {
  private readonly byKey = new Map<string, Pool>();
  private readonly ofHelper = new Map<number, Pool[]>();
  private readonly ctx: RuleContext;
  private readonly loads: Int32Array;
  private readonly unitsOf: (village: Village) => readonly Unit[];

  constructor(ctx: RuleContext, loads: Int32Array, unitsOf: (village: Village) => readonly Unit[]) {
    this.ctx = ctx;
    this.loads = loads;
    this.unitsOf = unitsOf;
  }

  /** The pool of a tier in a village, made on first need. */
  get(tier: Tier, village: Village): Pool {
    const key = `${tier}\u0000${village.id}`;
    const known = this.byKey.get(key);
    if (known) return known;
    const units = tier === "staff" ? this.unitsOf(village) : [];
    const pool: Pool = { tier, heap: new LoadHeap(this.loads), units };
    for (const i of this.members(tier, village, units)) {
      pool.heap.push(i);
      const of = this.ofHelper.get(i);
      if (of) of.push(pool);
      else this.ofHelper.set(i, [pool]);
    }
    this.byKey.set(key, pool);
    return pool;
  }

  /**
   * The rows of `people` a pool offers, each once, whose role and place are readable: the units'
   * staff; or the township's cadres (for `welfare` only its civil-affairs officer) and the
   * village's cadres.
   */
  private members(tier: Tier, village: Village, units: readonly Unit[]): Set<number> {
    const { ctx } = this;
    const { index } = ctx;
    const people = index.tables.people;
    const members = new Set<number>();
    const add = (p: Person) => {
      const i = people.byId.get(p.id);
      if (i !== undefined) members.add(i);
    };
    if (tier === "staff") {
      for (const u of units)
        for (const p of index.staffOfUnit(u.id)) if (ctx.ok(p, "role", "unitId")) add(p);
      return members;
    }
    for (const p of index.townshipCadres(village.townshipId))
      if (
        ctx.ok(p, "role", "townshipId") &&
        (tier === "cadres" || isCivilAffairsOfficerOf(p, village.townshipId))
      )
        add(p);
    for (const p of index.villageCadres(village.id)) if (ctx.ok(p, "role", "villageId")) add(p);
    return members;
  }

  /** Pushes a helper whose load went down again into every pool that holds it. */
  refresh(helper: number): void {
    for (const pool of this.ofHelper.get(helper) ?? []) pool.heap.push(helper);
  }
}

/** One household plan in the making: the loads, the pools, what is placed and what is not. */
class HelperPlan {
  readonly unresolved: Unresolved[] = [];
  private readonly ctx: RuleContext;
  private readonly index: DatasetIndex;
  private readonly cap: number;
  private readonly say: ReturnType<typeof helperReasons>;
  /** Each person's households (by row of `people`): current rows now, plus this plan's. */
  private readonly loads: Int32Array;
  /** The units this plan's village contracts give each village. */
  private readonly plannedUnits = new Map<string, Unit[]>();
  private readonly pools: Pools;
  private readonly placements: Placement[] = [];
  /** Households of poor villages placed with a local cadre: staff may take them back later. */
  private readonly fallbacks: Placement[] = [];

  constructor(ctx: RuleContext, contracts: readonly VillageAssignment[], cap: number) {
    this.ctx = ctx;
    this.index = ctx.index;
    this.cap = cap;
    this.say = helperReasons(ctx.index, cap);
    const people = ctx.index.tables.people;
    this.loads = new Int32Array(people.rows.length);
    for (const r of ctx.index.rows("householdAssignments")) {
      const i = people.byId.get(r.personId);
      if (i !== undefined && ctx.isCurrent(r)) this.loads[i]!++;
    }
    for (const c of contracts) {
      const u = ctx.index.unit(c.unitId);
      if (!u) continue;
      const list = this.plannedUnits.get(c.villageId);
      if (list) list.push(u);
      else this.plannedUnits.set(c.villageId, [u]);
    }
    this.pools = new Pools(ctx, this.loads, (v) => this.unitsOf(v));
  }

  /** A village's contracting units for its helpers (`ctx.helperUnits`), then this plan's. */
  private unitsOf(village: Village): Unit[] {
    const units = [...this.ctx.helperUnits(village)];
    for (const u of this.plannedUnits.get(village.id) ?? []) if (!units.includes(u)) units.push(u);
    return units;
  }

  private fail(h: Household, reason: Unresolved["reason"]): void {
    this.unresolved.push({ collection: "households", id: h.id, reason, clause: HELPER_CLAUSE });
  }

  private assign(household: Household, village: Village, pool: Pool, helper: number): Placement {
    const placement = { household, village, pool, helper };
    this.placements.push(placement);
    this.loads[helper]!++;
    return placement;
  }

  private move(placement: Placement, to: number, pool: Pool): void {
    const from = placement.helper;
    this.loads[from]!--;
    this.loads[to]!++;
    placement.helper = to;
    placement.pool = pool;
    this.pools.refresh(from);
  }

  /** Every household without a current helper (and not exited) placed, or listed as unresolved. */
  placeHouseholds(): void {
    const { ctx, index, say } = this;
    for (const h of index.rows("households")) {
      if (ctx.exited(h) || ctx.currentHelpers(h).length > 0) continue;
      const v = villageOf(index, ctx, h);
      if (!v) this.fail(h, say.noVillage(h));
      else if (welfareKnown(ctx, h) && isWelfareHousehold(h)) this.placeWelfare(h, v);
      else this.place(h, v);
    }
  }

  /** A welfare household: its township's civil-affairs officer or a cadre of its village. */
  private placeWelfare(h: Household, v: Village): void {
    const pool = this.pools.get("welfare", v);
    const helper = pool.heap.top();
    if (helper === undefined) this.fail(h, this.say.noWelfareHelper(v));
    else this.assign(h, v, pool, helper);
  }

  /**
   * Any other household: in a poor village the units' staff below the cap; else (or once every
   * staff member is at the cap, so none is idle and household.unit-staff-first holds) the
   * township and village cadres.
   */
  private place(h: Household, v: Village): void {
    const poor = isPoor(this.ctx, v) === true;
    if (poor) {
      const pool = this.pools.get("staff", v);
      const helper = pool.heap.top();
      if (helper !== undefined && this.loads[helper]! < this.cap) {
        this.assign(h, v, pool, helper);
        return;
      }
    }
    const pool = this.pools.get("cadres", v);
    const helper = pool.heap.top();
    if (helper === undefined) {
      this.fail(h, this.say.noHelper(v, poor));
      return;
    }
    const placement = this.assign(h, v, pool, helper);
    if (poor) this.fallbacks.push(placement);
  }

  /**
   * Evens the loads within each pool, then hands a poor village's household back from a cadre to
   * a unit's staff member below the cap (each at most once), until nothing moves.
   */
  balance(): void {
    const taken = new Set<Placement>();
    do this.evenOut();
    while (this.refill(taken) > 0);
  }

  /**
   * Moves a household wherever another helper of its pool has two fewer. Each move lowers the sum
   * of squared loads, so the loop ends.
   */
  private evenOut(): void {
    for (let moved = 1; moved > 0; ) {
      moved = 0;
      for (const placement of this.placements) {
        const q = placement.pool.heap.top()!;
        if (this.loads[q]! <= this.loads[placement.helper]! - 2) {
          this.move(placement, q, placement.pool);
          moved++;
        }
      }
    }
  }

  /** A cadre keeps a poor village's household only while the units' staff are all at the cap. */
  private refill(taken: Set<Placement>): number {
    let refilled = 0;
    for (const placement of this.fallbacks) {
      if (taken.has(placement)) continue;
      const pool = this.pools.get("staff", placement.village);
      const q = pool.heap.top();
      if (q !== undefined && this.loads[q]! < this.cap) {
        this.move(placement, q, pool);
        taken.add(placement);
        refilled++;
      }
    }
    return refilled;
  }

  /**
   * household.unit-staff-first: a household of a poor village that a township or village cadre
   * already helps, while a unit of the village (contracting now or in this plan) still has a staff
   * member who helps no household once the plan is applied — e.g. a village this plan gives its
   * first unit. The plan only adds rows and cannot hand the household over: it lists it.
   */
  listHandOvers(): void {
    const { ctx, index } = this;
    const listed = new Set(this.unresolved.map((u) => u.id));
    for (const { household: h, person: p, village: v } of localCadreHelps(index, ctx)) {
      if (listed.has(h.id)) continue;
      const free = this.freeStaff(this.unitsOf(v));
      if (free.length === 0) continue;
      this.fail(h, this.say.handOver(h, p, v, free));
      listed.add(h.id);
    }
  }

  /** The units with staff who help no household once the plan is applied, and how many. */
  private freeStaff(units: readonly Unit[]): { unit: Unit; free: number }[] {
    const people = this.index.tables.people;
    return units
      .map((unit) => ({
        unit,
        free: this.index.staffOfUnit(unit.id).filter((p) => {
          const i = people.byId.get(p.id);
          return i !== undefined && this.loads[i] === 0;
        }).length,
      }))
      .filter((x) => x.free > 0);
  }

  /** The proposed rows, in placement order, each with its reason (one per kind, village and helper). */
  proposals(): Proposed<HouseholdAssignment>[] {
    const { ctx, say } = this;
    const people = this.index.tables.people;
    const reasons = new Map<string, Because>();
    return this.placements.map(({ household, village: v, pool, helper }) => {
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
                ? this.fallbackReason(p, v)
                : say.local(p, v);
        because = { clause: HELPER_CLAUSE, ...message };
        reasons.set(key, because);
      }
      return {
        householdId: household.id,
        personId: people.rows[helper]!.id,
        startDate: ctx.asOf,
        recordedInRegister: false,
        recordedInHandbook: false,
        because,
      };
    });
  }

  /** Why a poor village's household went to a local cadre: its units' staff were all at the cap. */
  private fallbackReason(p: Person, v: Village) {
    const pool = this.pools.get("staff", v);
    return this.say.fallback(p, v, pool.units, pool.heap.top() !== undefined);
  }
}
