/**
 * The village planner (二(二) 单位包村的安排): a unit for every poor village without one.
 *
 * In the order of the text: province units first (a village in the designated county, their
 * paired village when it lies there and is free), then city units (one village each, in a key
 * county of their city that has poor villages), then province lead units (a village in the county they lead, where that
 * is another county), then county units for the rest of their own county. Existing rows are kept.
 * Linear in the dataset: one pass over villages and units with the index.
 */
import type { DatasetIndex } from "../engine/dataset-index.js";
import type { RuleContext } from "../engine/rule-context.js";
import type {
  County,
  DatasetInput,
  Unit,
  Village,
  VillageAssignment,
} from "../schema/collections.js";
import { ELIGIBLE_UNIT_CATEGORIES } from "../vocabulary/enums.js";
import { CONTRACT_CLAUSE, contractReasons } from "./contract-reasons.js";
import { OpenVillages } from "./open-villages.js";
import {
  type Because,
  type PlanOptions,
  type Proposed,
  planningContext,
  type Unresolved,
} from "./planning.js";

/**
 * What the village planner proposes.
 * @example const { villageAssignments, unresolved } = planVillageContracts(d, { asOf });
 */
export interface VillageContractPlan {
  villageAssignments: Proposed<VillageAssignment>[];
  unresolved: Unresolved[];
}

const LEVELS = new Set(["province", "city", "county"]);

/**
 * Proposes `villageAssignments` for every poor village without a current unit (二(二)).
 * @example
 * const { villageAssignments, unresolved } = planVillageContracts(dataset, { asOf: "2014-07-20" });
 */
export function planVillageContracts(
  dataset: DatasetIndex | DatasetInput,
  options: PlanOptions,
): VillageContractPlan {
  return proposeContracts(planningContext(dataset, options));
}

/** A unit that needs a village in a county. */
interface Need {
  unit: Unit;
  county: County;
}

/**
 * The village plan on a rule context (`planAssignments` reuses the context for households): the
 * steps of 二(二) in the order of the text.
 */
export function proposeContracts(ctx: RuleContext): VillageContractPlan {
  const plan = new ContractPlan(ctx);
  plan.provinceUnitsInDesignatedCounties();
  plan.cityUnits();
  plan.provinceUnitsInLedCounties();
  plan.countyUnits();
  return { villageAssignments: plan.villageAssignments, unresolved: plan.unresolved };
}

/** One village plan in the making: the open villages, the free county units, what is proposed. */
class ContractPlan {
  readonly villageAssignments: Proposed<VillageAssignment>[] = [];
  readonly unresolved: Unresolved[] = [];
  private readonly ctx: RuleContext;
  private readonly index: DatasetIndex;
  private readonly say: ReturnType<typeof contractReasons>;
  /** The poor villages without a unit, by county. */
  private readonly open = new OpenVillages();
  private readonly provinceUnits: Unit[];
  /** County units with no current contract, by county: the units a county can still arrange. */
  private readonly freeCountyUnits = new Map<string, Unit[]>();
  /** The counties a unit contracts in by this plan. */
  private readonly plannedCounties = new Map<string, Set<string>>();

  constructor(ctx: RuleContext) {
    this.ctx = ctx;
    this.index = ctx.index;
    this.say = contractReasons(ctx.index, ctx.params.smallUnitMaxStaff);
    const { index } = ctx;
    for (const v of index.rows("villages")) {
      if (!ctx.ok(v, "isPoor") || !ctx.isPoorVillage(v) || ctx.isContracted(v.id)) continue;
      const county = ctx.ok(v, "townshipId") ? index.countyOfVillage(v) : undefined;
      if (county) this.open.add(county.id, v);
      else this.fail("villages", v.id, this.say.noCounty());
    }
    const units = index.rows("units");
    this.provinceUnits = units.filter((u) => ctx.ok(u, "level") && u.level === "province");
    for (const u of units) {
      if (!ctx.ok(u, "level", "countyId") || u.level !== "county" || u.countyId === undefined)
        continue;
      if (!this.eligible(u) || ctx.contractedVillages(u.id).length > 0) continue;
      const list = this.freeCountyUnits.get(u.countyId);
      if (list) list.push(u);
      else this.freeCountyUnits.set(u.countyId, [u]);
    }
  }

  /** 二(一): a unit of one of the ten categories and of level province, city or county. */
  private eligible(u: Unit): boolean {
    return (
      this.ctx.ok(u, "category", "level") &&
      ELIGIBLE_UNIT_CATEGORIES.includes(u.category) &&
      LEVELS.has(u.level)
    );
  }

  private isKey(c: County): boolean {
    return this.ctx.ok(c, "isKeyCounty") && c.isKeyCounty === true;
  }

  private isNonKey(c: County): boolean {
    return this.ctx.ok(c, "isKeyCounty") && c.isKeyCounty === false;
  }

  private small(u: Unit): boolean {
    return this.ctx.ok(u, "staffSize") && this.ctx.isSmall(u);
  }

  private fail(collection: "villages" | "units", id: string, reason: Unresolved["reason"]): void {
    this.unresolved.push({ collection, id, reason, clause: CONTRACT_CLAUSE });
  }

  private propose(
    village: Village,
    unit: Unit,
    county: County,
    reason: Omit<Because, "clause">,
  ): void {
    this.villageAssignments.push({
      villageId: village.id,
      unitId: unit.id,
      startDate: this.ctx.asOf,
      because: { clause: CONTRACT_CLAUSE, ...reason },
    });
    const set = this.plannedCounties.get(unit.id) ?? new Set<string>();
    set.add(county.id);
    this.plannedCounties.set(unit.id, set);
  }

  /** Each need gets its paired village where it is free in that county, then the next free one. */
  private fill(
    needs: Need[],
    reason: ReturnType<typeof contractReasons>["designated"],
    onFail: (n: Need) => void,
  ): void {
    const rest: Need[] = [];
    for (const n of needs) {
      const u = n.unit;
      const v =
        this.ctx.ok(u, "pairedVillageId") && u.pairedVillageId !== undefined
          ? this.open.takeId(n.county.id, u.pairedVillageId)
          : undefined;
      if (v) this.propose(v, u, n.county, reason(u, v, n.county, true));
      else rest.push(n);
    }
    for (const n of rest) {
      const v = this.open.take(n.county.id);
      if (v) this.propose(v, n.unit, n.county, reason(n.unit, v, n.county, false));
      else onFail(n);
    }
  }

  /** 1. Province units: at least one poor village in the designated county (an error if not). */
  provinceUnitsInDesignatedCounties(): void {
    const { ctx, index, say } = this;
    const designated: Need[] = [];
    for (const u of this.provinceUnits) {
      if (!ctx.ok(u, "designatedCountyId") || u.designatedCountyId === undefined) continue;
      const county = index.county(u.designatedCountyId);
      if (!county) continue;
      const covered = ctx
        .contractedVillages(u.id)
        .some(
          (v) => ctx.ok(v, "isPoor") && v.isPoor === true && index.countyOfVillage(v) === county,
        );
      if (covered) continue;
      if (!this.eligible(u)) this.fail("units", u.id, say.ineligible(u));
      // A province unit in a non-key county would break village.non-key-county-local.
      else if (this.isNonKey(county)) this.fail("units", u.id, say.designatedNotKey(county));
      else designated.push({ unit: u, county });
    }
    this.fill(designated, say.designated, (n) =>
      this.fail("units", n.unit.id, say.noVillageInDesignated(n.county)),
    );
  }

  /**
   * 2. City units (city-unit.has-village, city-unit.in-key-county): a unit that contracts no poor
   * village, or, where its city has key counties with poor villages, none of those, gets one poor
   * village: in such a key county, else (no key county with a poor village) in any county of its
   * city; from the county that is shortest of its own units.
   */
  cityUnits(): void {
    const { ctx, index, say } = this;
    const cityNeeds = new Map<string, { hasPoor: boolean; keys: County[] }>();
    const cityOf = (cityId: string) => {
      let need = cityNeeds.get(cityId);
      if (!need) {
        need = {
          hasPoor: hasPoorVillage(index, ctx, cityId),
          keys: keyCountiesWithPoorVillages(index, ctx, cityId, (c) => this.isKey(c)),
        };
        cityNeeds.set(cityId, need);
      }
      return need;
    };
    for (const u of index.rows("units")) {
      if (!ctx.ok(u, "level", "cityId") || u.level !== "city" || u.cityId === undefined) continue;
      const cityId = u.cityId;
      // city-unit.has-village does not apply where the city has no poor village.
      const { hasPoor, keys } = cityOf(cityId);
      if (!hasPoor || this.hasCityVillage(u, cityId, keys)) continue;
      if (!this.eligible(u)) {
        this.fail("units", u.id, say.ineligible(u));
        continue;
      }
      const best = this.shortestCounty(keys.length > 0 ? keys : index.countiesOfCity(cityId));
      const v = best && this.open.take(best.id);
      if (best && v) this.propose(v, u, best, say.city(u, v, best, keys.length > 0));
      else {
        const city = index.city(cityId) ?? { id: cityId, name: cityId };
        this.fail("units", u.id, say.noVillageInCity(city, keys.length > 0));
      }
    }
  }

  /**
   * Whether a city unit already contracts the poor village it owes: any poor village, and where
   * its city has key counties with poor villages (`keys`), one in such a county.
   */
  private hasCityVillage(u: Unit, cityId: string, keys: readonly County[]): boolean {
    const { ctx, index } = this;
    const poor = ctx
      .contractedVillages(u.id)
      .filter((v) => ctx.ok(v, "isPoor") && v.isPoor === true);
    if (poor.length === 0) return false;
    if (keys.length === 0) return true;
    return poor.some((v) => {
      const c = index.countyOfVillage(v);
      return c !== undefined && c.cityId === cityId && this.isKey(c);
    });
  }

  /** The county with open villages that is shortest of its own free units (the first of a tie). */
  private shortestCounty(counties: readonly County[]): County | undefined {
    let best: County | undefined;
    let bestShort = Number.NEGATIVE_INFINITY;
    for (const c of counties) {
      const left = this.open.count(c.id);
      const short = left - (this.freeCountyUnits.get(c.id)?.length ?? 0);
      if (left > 0 && short > bestShort) {
        best = c;
        bestShort = short;
      }
    }
    return best;
  }

  /**
   * 3. Province lead units: a village in the county they lead, where that is another key county
   * (a warning rule: nothing is unresolved when no village is left there).
   */
  provinceUnitsInLedCounties(): void {
    const { ctx, index } = this;
    const lead: Need[] = [];
    for (const u of this.provinceUnits) {
      if (!ctx.ok(u, "leadCountyId", "designatedCountyId") || !this.eligible(u)) continue;
      const countyId = u.leadCountyId;
      if (countyId === undefined || u.designatedCountyId === undefined) continue;
      if (countyId === u.designatedCountyId || this.plannedCounties.get(u.id)?.has(countyId))
        continue;
      const county = index.county(countyId);
      if (!county || !this.isKey(county)) continue;
      if (ctx.contractedVillages(u.id).some((v) => index.countyOfVillage(v) === county)) continue;
      lead.push({ unit: u, county });
    }
    this.fill(lead, this.say.lead, () => {});
  }

  /**
   * 4. County units for the rest of their own county: large units one village each, the largest
   * villages first; when the large units run out, small units two to a village while there are
   * enough for every village left to get two, otherwise pairs for as many as leave every village
   * one unit.
   */
  countyUnits(): void {
    const { index, say } = this;
    for (const county of index.rows("counties")) {
      const villages = this.open.takeAll(county.id);
      if (villages.length === 0) continue;
      const size = (v: Village) => index.householdsOfVillage(v.id).length;
      villages.sort((a, b) => size(b) - size(a));
      const free = [...(this.freeCountyUnits.get(county.id) ?? [])].sort(
        (a, b) => (b.staffSize ?? 0) - (a.staffSize ?? 0),
      );
      const large = free.filter((u) => !this.small(u));
      const smalls = free.filter((u) => this.small(u));
      let vi = 0;
      for (; vi < villages.length && vi < large.length; vi++)
        this.propose(
          villages[vi]!,
          large[vi]!,
          county,
          say.county(large[vi]!, villages[vi]!, county),
        );
      const k = villages.length - vi;
      const s = smalls.length;
      const pairs = s >= 2 * k ? k : s >= k ? s - k : 0;
      const singles = s >= 2 * k ? 0 : s >= k ? k - pairs : s;
      let si = 0;
      for (let j = 0; j < pairs; j++, vi++) {
        const v = villages[vi]!;
        const pool = [smalls[si++]!, smalls[si++]!];
        for (const u of pool) this.propose(v, u, county, say.pooled(pool, v, county));
      }
      for (let j = 0; j < singles; j++, vi++) {
        const u = smalls[si++]!;
        this.propose(villages[vi]!, u, county, say.county(u, villages[vi]!, county));
      }
      for (; vi < villages.length; vi++)
        this.fail("villages", villages[vi]!.id, say.noCountyUnit(county));
    }
  }
}

/**
 * A city's key counties that hold a poor village that has not exited: where
 * `city-unit.in-key-county` wants its city units to contract.
 */
function keyCountiesWithPoorVillages(
  index: DatasetIndex,
  ctx: RuleContext,
  cityId: string,
  isKey: (c: County) => boolean,
): County[] {
  return index
    .countiesOfCity(cityId)
    .filter(
      (county) =>
        isKey(county) &&
        index
          .townshipsOfCounty(county.id)
          .some((t) =>
            index.villagesOfTownship(t.id).some((v) => ctx.ok(v, "isPoor") && ctx.isPoorVillage(v)),
          ),
    );
}

/** Whether a city has a poor village that has not exited (as `city-unit.has-village` reads it). */
function hasPoorVillage(index: DatasetIndex, ctx: RuleContext, cityId: string): boolean {
  for (const county of index.countiesOfCity(cityId))
    for (const township of index.townshipsOfCounty(county.id))
      for (const village of index.villagesOfTownship(township.id))
        if (ctx.ok(village, "isPoor") && ctx.isPoorVillage(village)) return true;
  return false;
}
