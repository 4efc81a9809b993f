/**
 * The plan: which counties have poverty tasks, which of their real villages are poor, how many
 * households each has, when contracts start, which villages exit and when resident cadres hand
 * over. Drawn first and cheaply (no rows), so the first partition can hold the province's units
 * and the villages' coordinators before any county is generated.
 */
import { isIsoDate } from "@shuangbao/core";
import { addDays, dateBetween } from "./dates.js";
import type { Plan, PlannedCounty, PlannedVillage, SampleOptions } from "./model.js";
import { planFirstPartitionFaults } from "./plan-faults.js";
import { allocateUnits, apportion } from "./plan-units.js";
import { Random } from "./random.js";
import { isDevelopmentZone, isRuralVillage, type RegionVillage, regionLookup } from "./regions.js";

/** The audit date the sample is complete at: four contract years after July 2014. */
export const SAMPLE_AS_OF = "2018-07-20";
/** The earliest `asOf` the generator accepts: every helper has started by then. */
export const MIN_AS_OF = "2014-10-01";

/** 岳西县, the county of the `county` scale. */
export const YUEXI = "340828";
/** 安庆市, the city of the `city` scale (and 岳西县's). */
export const ANQING = "3408";

/** Anhui 2014: 3,000 poor villages (more in the 31 key counties), 70 counties with tasks. */
const PROVINCE = { keyVillages: 2040, otherVillages: 960, otherCounties: 39, households: 618 };
const COUNTY = { households: 150 };

function checkOptions(options: SampleOptions): string {
  const asOf = options.asOf ?? SAMPLE_AS_OF;
  if (!isIsoDate(asOf) || asOf < MIN_AS_OF)
    throw new RangeError(`asOf must be a YYYY-MM-DD date on or after ${MIN_AS_OF}: ${asOf}`);
  if (!(options.violations >= 0 && options.violations <= 1))
    throw new RangeError(`violations must be between 0 and 1: ${options.violations}`);
  if (!["county", "city", "province"].includes(options.scale))
    throw new RangeError(`scale must be "county", "city" or "province": ${String(options.scale)}`);
  return asOf;
}

function ruralVillagesOf(countyId: string): RegionVillage[] {
  const { townshipsOf, villagesOf } = regionLookup();
  return (townshipsOf.get(countyId) ?? []).flatMap((t) =>
    (villagesOf.get(t.id) ?? []).filter(isRuralVillage),
  );
}

/** The counties with tasks and their number of poor villages. */
function chooseCounties(options: SampleOptions, random: Random): [string, number][] {
  const { regions } = regionLookup();
  if (options.scale === "county") return [[YUEXI, random.int(22, 27)]];
  const rural = new Map(regions.counties.map((c) => [c.id, ruralVillagesOf(c.id).length]));
  const key = regions.counties.filter((c) => c.isKeyCounty);
  // The 39 others: the non-key counties with the most rural villages (deterministic, not seeded).
  const others = regions.counties
    .filter((c) => !c.isKeyCounty && !isDevelopmentZone(c.id))
    .sort((a, b) => rural.get(b.id)! - rural.get(a.id)! || a.id.localeCompare(b.id))
    .slice(0, PROVINCE.otherCounties);
  const share = (list: typeof key, total: number) =>
    apportion(
      total,
      list.map((c) => rural.get(c.id)!),
    ).map((n, i) => [list[i]!.id, n] as [string, number]);
  const all = [...share(key, PROVINCE.keyVillages), ...share(others, PROVINCE.otherVillages)];
  // The city scale: the province's counties of 安庆市, each as the province has it.
  const chosen = options.scale === "city" ? all.filter(([id]) => id.startsWith(ANQING)) : all;
  return chosen.sort((a, b) => a[0].localeCompare(b[0]));
}

function planCounty(
  plan: Pick<Plan, "seed" | "asOf" | "scale">,
  countyId: string,
  poorCount: number,
): PlannedCounty {
  const { county, city, townshipsOf } = regionLookup();
  const random = new Random(plan.seed, `plan:${countyId}`);
  const c = county.get(countyId)!;
  const rural = ruralVillagesOf(countyId);
  const poorIds = new Set(random.sample(rural, poorCount).map((v) => v.id));
  const mean = plan.scale === "county" ? COUNTY.households : PROVINCE.households;
  const poor: PlannedVillage[] = rural
    .filter((v) => poorIds.has(v.id))
    .map((village) => {
      const start = dateBetween(random, "2014-07-10", "2014-07-25");
      const exit = random.weighted([
        [undefined, 65],
        ["2016", 20],
        ["2017", 15],
      ] as const);
      const exitedOn = exit && dateBetween(random, `${exit}-11-20`, `${exit}-12-28`);
      const rotation = random.chance(0.45)
        ? dateBetween(random, "2016-07-01", "2016-07-31")
        : undefined;
      return {
        village,
        countyId,
        households: random.around(mean, mean * 0.3, Math.round(mean * 0.4), mean * 2),
        start,
        selectedOn: addDays(start, random.int(3, 10)),
        ...(exitedOn && exitedOn <= plan.asOf ? { exitedOn } : {}),
        ...(rotation && rotation <= plan.asOf ? { rotation } : {}),
        units: [],
        collegeOfficial: random.chance(0.35),
        selected: true,
      };
    });
  const rest = rural.filter((v) => !poorIds.has(v.id));
  const small = plan.scale === "county";
  const nonPoor = random
    .sample(rest, Math.round(rest.length * (small ? 0.08 : 0.1)))
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((village) => ({
      village,
      households: small ? random.int(5, 20) : random.int(10, 60),
    }));
  const used = new Set([...poor, ...nonPoor].map((v) => v.village.townshipId));
  return {
    county: c,
    city: city.get(c.cityId)!,
    poor,
    nonPoor,
    townships: (townshipsOf.get(countyId) ?? []).filter((t) => used.has(t.id)),
  };
}

/**
 * Draws the plan of a sample.
 * @example buildPlan({ scale: "county", seed: 1, violations: 0 }).taskCounties[0]!.county.name // "岳西县"
 */
export function buildPlan(options: SampleOptions): Plan {
  const asOf = checkOptions(options);
  const random = new Random(options.seed, "plan");
  const { regions, townshipsOf, villagesOf } = regionLookup();
  const base = { seed: options.seed, asOf, scale: options.scale };
  const taskCounties = chooseCounties(options, random).map(([id, n]) => planCounty(base, id, n));

  let cities = regions.cities;
  let counties = regions.counties;
  let townships = regions.townships;
  let villages = regions.villages;
  if (options.scale !== "province") {
    // 安庆市 and its counties; the townships and villages of 岳西县 only, or of the whole city.
    const cityId = taskCounties[0]!.city.id;
    cities = cities.filter((c) => c.id === cityId);
    counties = counties.filter((c) => c.cityId === cityId);
    townships =
      options.scale === "county"
        ? (townshipsOf.get(YUEXI) ?? [])
        : counties.flatMap((c) => townshipsOf.get(c.id) ?? []);
    villages = townships.flatMap((t) => villagesOf.get(t.id) ?? []);
  }
  const plan: Plan = {
    ...base,
    violations: options.violations,
    cities,
    counties,
    townships,
    villages,
    taskCounties,
    provinceUnits: [],
    poorVillage: new Map(taskCounties.flatMap((c) => c.poor.map((v) => [v.village.id, v]))),
    faults: {
      noDeputy: new Set(),
      noDesignatedCounty: new Set(),
      pairedElsewhere: new Map(),
      missingAssessment: new Map(),
      fewMeetings: new Map(),
      noCoordinator: new Map(),
      lateCadreList: new Set(),
      lateUnitList: new Set(),
    },
    seeded: [],
  };
  allocateUnits(plan, random);
  planFirstPartitionFaults(plan);
  return plan;
}
