/**
 * Which units contract which poor villages (二(二)): in a key county some villages go to
 * province units (designated to that county, one of them leading), the rest to city units of its
 * city and county units of the county; a non-key county's villages go to its own county's units
 * and, where the city has no key county, to city units. A village has one unit with staff to
 * spare, or two small ones (at most 10 posts each) sharing it.
 */
import type { Plan, PlannedCounty, PlannedUnit, PlannedVillage } from "./model.js";
import { Random } from "./random.js";
import {
  LOCAL_BIG_UNITS,
  LOCAL_SMALL_UNITS,
  localName,
  PROVINCE_UNITS,
  type UnitKind,
} from "./unit-names.js";

interface Indexed {
  kind: UnitKind;
  index: number;
}

const indexed = (kinds: readonly UnitKind[]): Indexed[] =>
  kinds.map((kind, index) => ({ kind, index }));
const pad = (n: number, width: number) => String(n).padStart(width, "0");

function unitOf(
  kind: UnitKind,
  base: Omit<PlannedUnit, "category" | "staffSize" | "people">,
  random: Random,
): PlannedUnit {
  return {
    ...base,
    category: kind.category,
    staffSize: random.int(kind.staff[0], kind.staff[1]),
    ...(kind.civilServantManaged ? { civilServantManaged: true } : {}),
    ...(kind.verticalManagement ? { verticalManagement: true } : {}),
    people: 0,
  };
}

/** Splits `total` over weights by largest remainder (deterministic, sums exactly). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i]!++;
  }
  return out;
}

/** The city units still free in each city, drawn in county code order. */
class CityKinds {
  private readonly left = new Map<string, { big: Indexed[]; small: Indexed[]; next: number }>();
  constructor(private readonly seed: number | string) {}
  of(cityId: string) {
    let entry = this.left.get(cityId);
    if (!entry) {
      const r = new Random(this.seed, `city-units:${cityId}`);
      entry = {
        big: r.shuffled(indexed(LOCAL_BIG_UNITS)),
        small: r.shuffled(indexed(LOCAL_SMALL_UNITS)),
        next: 1,
      };
      this.left.set(cityId, entry);
    }
    return entry;
  }
}

/** The share of a county's poor villages shared by two small units, where names allow. */
const POOLED = 0.72;

/** How many staff people a unit engages in one village. */
function peopleOf(
  unit: PlannedUnit,
  village: PlannedVillage,
  pooled: boolean,
  random: Random,
): number {
  const cap = Math.floor((village.households * 0.45) / (pooled ? 2 : 1));
  const wanted = pooled
    ? unit.staffSize - random.int(0, 2)
    : Math.round(unit.staffSize * (0.3 + random.next() * 0.3));
  return Math.max(3, Math.min(wanted, cap, 60, unit.staffSize));
}

function allocateCounty(
  plan: Plan,
  pc: PlannedCounty,
  provinceKinds: Indexed[],
  cityKinds: CityKinds,
  cityEligible: boolean,
): void {
  const random = new Random(plan.seed, `units:${pc.county.id}`);
  const p = pc.poor.length;
  const k = provinceKinds.length;
  let t = Math.round(p * POOLED);
  let s = p - t;
  if (s < k) [s, t] = [k, p - k];
  const city = cityKinds.of(pc.city.id);
  const quota = cityEligible ? Math.round(p * 0.22) : 0;
  const cityBig = Math.min(Math.round(quota * 0.4), s - k, city.big.length);
  let citySmall = Math.min(quota - cityBig, 2 * t, city.small.length);
  while (2 * t - citySmall > LOCAL_SMALL_UNITS.length) {
    t--;
    s++;
    citySmall = Math.min(citySmall, 2 * t);
  }
  const countyBig = s - k - cityBig;
  if (countyBig > LOCAL_BIG_UNITS.length)
    throw new Error(`sample plan: ${pc.county.name} needs ${countyBig} county units`);

  const villages = random.shuffled(pc.poor);
  const countyBigKinds = random.shuffled(indexed(LOCAL_BIG_UNITS));
  const countySmallKinds = random.shuffled(indexed(LOCAL_SMALL_UNITS));
  let countyNext = 1;
  const local = (
    entry: Indexed,
    level: "city" | "county",
  ): Omit<PlannedUnit, "category" | "staffSize" | "people"> => {
    const region = level === "city" ? pc.city : pc.county;
    const id =
      level === "city"
        ? `U${pc.city.id}-${pad(city.next++, 3)}`
        : `U${pc.county.id}-${pad(countyNext++, 3)}`;
    return {
      id,
      name: localName(entry.kind, region.name, level),
      level,
      cityId: pc.city.id,
      ...(level === "county" ? { countyId: pc.county.id } : {}),
      template: entry.kind.name,
      villageId: "",
    };
  };
  const singles = villages.slice(0, s);
  singles.forEach((v, i) => {
    let unit: PlannedUnit;
    if (i < k) {
      const { kind, index } = provinceKinds[i]!;
      unit = unitOf(
        kind,
        {
          id: `U34-${pad(index + 1, 3)}`,
          name: kind.name,
          level: "province",
          designatedCountyId: pc.county.id,
          ...(i === 0 ? { leadCountyId: pc.county.id } : {}),
          ...(random.chance(0.5) ? { pairedVillageId: v.village.id } : {}),
          villageId: v.village.id,
        },
        random,
      );
      plan.provinceUnits.push(unit);
    } else {
      const entry = i < k + cityBig ? city.big.shift()! : countyBigKinds.shift()!;
      unit = unitOf(
        entry.kind,
        { ...local(entry, i < k + cityBig ? "city" : "county"), villageId: v.village.id },
        random,
      );
    }
    v.units = [unit];
  });
  const smallSlots = random.shuffled([
    ...Array.from({ length: citySmall }, () => "city" as const),
    ...Array.from({ length: 2 * t - citySmall }, () => "county" as const),
  ]);
  villages.slice(s).forEach((v, i) => {
    v.units = [smallSlots[2 * i]!, smallSlots[2 * i + 1]!].map((level) => {
      const entry = level === "city" ? city.small.shift()! : countySmallKinds.shift()!;
      return unitOf(entry.kind, { ...local(entry, level), villageId: v.village.id }, random);
    });
  });
  for (const v of pc.poor) {
    const pooled = v.units.length > 1;
    for (const u of v.units) u.people = peopleOf(u, v, pooled, random);
    const cadreUnit = v.units[0]!;
    if (v.rotation && cadreUnit.people < 4) {
      if (cadreUnit.staffSize >= 4) cadreUnit.people = 4;
      else delete v.rotation;
    }
    const c = cadreUnit.category;
    v.selected =
      c === "party_government_organ" ||
      c === "peoples_organization" ||
      (c === "public_institution" && cadreUnit.civilServantManaged === true) ||
      random.chance(c === "central_unit_in_anhui" ? 0.5 : 0.3);
  }
}

/**
 * Allocates the units of every task county (mutates the plan's villages and province units).
 * @example allocateUnits(plan, new Random(1, "plan"))
 */
export function allocateUnits(plan: Plan, random: Random): void {
  const keyCounties = plan.taskCounties.filter((c) => c.county.isKeyCounty);
  const kinds = random.shuffled(indexed(PROVINCE_UNITS));
  const perCounty =
    plan.scale === "province"
      ? apportion(
          PROVINCE_UNITS.length,
          keyCounties.map((c) => c.poor.length),
        )
      : // The county and city scales: four to six province units for each key county.
        keyCounties.map(() => random.int(4, 6));
  const provinceOf = new Map<string, Indexed[]>();
  let next = 0;
  keyCounties.forEach((c, i) => {
    provinceOf.set(c.county.id, kinds.slice(next, next + perCounty[i]!));
    next += perCounty[i]!;
  });
  const citiesWithKey = new Set(plan.counties.filter((c) => c.isKeyCounty).map((c) => c.cityId));
  const cityKinds = new CityKinds(plan.seed);
  for (const pc of plan.taskCounties) {
    const eligible = citiesWithKey.has(pc.city.id) ? pc.county.isKeyCounty : true;
    allocateCounty(plan, pc, provinceOf.get(pc.county.id) ?? [], cityKinds, eligible);
  }
  plan.provinceUnits.sort((a, b) => a.id.localeCompare(b.id));
}
