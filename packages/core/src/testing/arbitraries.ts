/**
 * fast-check generators of datasets for property tests: cities of counties (key or not) of
 * townships of villages (poor or not, some exited) with households (general, dibao, wubao; some
 * exited), units of every level (a few of an ineligible category or level, sizes around
 * `smallUnitMaxStaff`) with their staff, township cadres, civil-affairs officers and village cadres.
 *
 * Some units already contract a village and some households already have a helper (paired on or
 * after their first verification, `verifiedOn`, which may also lie after `ARBITRARY_AS_OF`: a
 * data error the rules read as absent), always in a way that breaks none of the planning rules
 * (`PLANNING_RULE_IDS`, rules.md v2): what is missing is left for a planner to find. A shape is generated first and built into a dataset, so failures shrink well.
 */
import fc from "fast-check";
import {
  type Dataset,
  emptyDataset,
  type Person,
  type Rows,
  type Unit,
  type Village,
} from "../schema/collections.js";
import {
  ELIGIBLE_UNIT_CATEGORIES,
  type HouseholdAttribute,
  type UnitCategory,
  type UnitLevel,
} from "../vocabulary/enums.js";

/** The date generated datasets are planned and audited at. */
export const ARBITRARY_AS_OF = "2015-06-30";
const START = "2014-07-15";
const EXITED_ON = "2015-01-10";
/**
 * The days a household is first verified on: before the existing rows start, on their start,
 * between it and `ARBITRARY_AS_OF`, on it, and after it (a `data.date-order` error: absent).
 */
const VERIFIED_ON = ["2014-07-01", START, "2015-03-01", ARBITRARY_AS_OF, "2015-07-01"] as const;

interface HouseholdShape {
  attribute: HouseholdAttribute;
  labor: boolean;
  exited: boolean;
  helped: boolean;
  /** Index into `VERIFIED_ON`; `null`: not verified. */
  verified: number | null;
}
interface VillageShape {
  poor: boolean;
  exited: boolean;
  cadres: number;
  official: boolean;
  households: HouseholdShape[];
}
interface TownshipShape {
  cadres: number;
  civilAffairs: boolean;
  villages: VillageShape[];
}
interface CountyShape {
  key: boolean;
  townships: TownshipShape[];
}
interface UnitShape {
  level: UnitLevel;
  category: UnitCategory;
  staffSize: number;
  staff: number;
  place: number;
  designated: number | null;
  lead: number | null;
  paired: number | null;
  contracted: boolean;
}
/** What a generated dataset is built from. */
export interface DatasetShape {
  cities: CountyShape[][];
  units: UnitShape[];
}

/** True about once in `n` draws. */
const rarely = (n: number) => fc.integer({ min: 1, max: n }).map((x) => x === 1);

const householdShape: fc.Arbitrary<HouseholdShape> = fc.record({
  attribute: fc.constantFrom<HouseholdAttribute>("general", "general", "dibao", "wubao"),
  labor: fc.boolean(),
  exited: rarely(8),
  helped: fc.boolean(),
  verified: fc.option(fc.integer({ min: 0, max: VERIFIED_ON.length - 1 })),
});
const villageShape: fc.Arbitrary<VillageShape> = fc.record({
  poor: fc.boolean(),
  exited: rarely(8),
  cadres: fc.integer({ min: 0, max: 2 }),
  official: rarely(3),
  households: fc.array(householdShape, { maxLength: 8 }),
});
const townshipShape: fc.Arbitrary<TownshipShape> = fc.record({
  cadres: fc.integer({ min: 0, max: 2 }),
  civilAffairs: fc.boolean(),
  villages: fc.array(villageShape, { minLength: 1, maxLength: 3 }),
});
const countyShape: fc.Arbitrary<CountyShape> = fc.record({
  key: fc.boolean(),
  townships: fc.array(townshipShape, { minLength: 1, maxLength: 2 }),
});
const unitShape: fc.Arbitrary<UnitShape> = fc.record({
  level: fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom<UnitLevel>("province", "city") },
    { weight: 7, arbitrary: fc.constant<UnitLevel>("county") },
    { weight: 1, arbitrary: fc.constant<UnitLevel>("other") },
  ),
  category: fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...ELIGIBLE_UNIT_CATEGORIES) },
    { weight: 1, arbitrary: fc.constant<UnitCategory>("other") },
  ),
  // Around the default smallUnitMaxStaff (10): 10 is small, 11 is not.
  staffSize: fc.constantFrom(0, 3, 10, 11, 40),
  staff: fc.integer({ min: 0, max: 4 }),
  place: fc.nat(),
  designated: fc.option(fc.nat()),
  lead: fc.option(fc.nat()),
  paired: fc.option(fc.nat()),
  contracted: fc.boolean(),
});

/** The shape of a dataset: 1–2 cities of 1–3 counties, up to 30 units. */
export const datasetShape: fc.Arbitrary<DatasetShape> = fc.record({
  cities: fc.array(fc.array(countyShape, { minLength: 1, maxLength: 3 }), {
    minLength: 1,
    maxLength: 2,
  }),
  units: fc.array(unitShape, { maxLength: 30 }),
});

/**
 * Generated datasets (see the file's comment), to plan or audit at `ARBITRARY_AS_OF`.
 * @example fc.assert(fc.property(arbitraryDataset(), (d) => { audit(d, { asOf: ARBITRARY_AS_OF }); }));
 */
export function arbitraryDataset(): fc.Arbitrary<Dataset> {
  return datasetShape.map(buildDataset);
}

/** Builds the dataset of a shape (deterministic). */
export function buildDataset(shape: DatasetShape): Dataset {
  const d = emptyDataset();

  const person = (p: Omit<Person, "id" | "name">): Person => {
    const id = `p${d.people.length + 1}`;
    const row = { id, name: `人员${d.people.length + 1}`, ...p };
    d.people.push(row);
    return row;
  };
  const countyVillages = new Map<string, Village[]>();
  shape.cities.forEach((counties, ci) => {
    const cityId = `c${ci + 1}`;
    d.cities.push({ id: cityId, name: `市${ci + 1}` });
    counties.forEach((county, ki) => {
      const countyId = `${cityId}k${ki + 1}`;
      d.counties.push({ id: countyId, name: `县${countyId}`, cityId, isKeyCounty: county.key });
      const villages: Village[] = [];
      countyVillages.set(countyId, villages);
      county.townships.forEach((township, ti) => {
        const townshipId = `${countyId}t${ti + 1}`;
        d.townships.push({ id: townshipId, name: `镇${townshipId}`, countyId });
        for (let i = 0; i < township.cadres; i++) person({ role: "township_cadre", townshipId });
        if (township.civilAffairs) person({ role: "civil_affairs_officer", townshipId });
        township.villages.forEach((v, vi) => {
          const villageId = `${townshipId}v${vi + 1}`;
          const village: Village = {
            id: villageId,
            name: `村${villageId}`,
            townshipId,
            isPoor: v.poor,
            ...(v.exited ? { exitedPovertyOn: EXITED_ON } : {}),
          };
          d.villages.push(village);
          villages.push(village);
          for (let i = 0; i < v.cadres; i++) person({ role: "village_cadre", villageId });
          if (v.official) person({ role: "college_village_official", villageId });
          for (const h of v.households) {
            const n = d.households.length + 1;
            d.households.push({
              id: `h${n}`,
              villageId,
              headName: `户主${n}`,
              size: 3,
              attribute: h.attribute,
              hasLaborCapacity: h.labor,
              ...(h.verified === null ? {} : { verifiedOn: VERIFIED_ON[h.verified]! }),
              ...(h.exited ? { exitedPovertyOn: EXITED_ON } : {}),
            });
          }
        });
      });
    });
  });
  const pick = <T>(list: readonly T[], n: number | null): T | undefined =>
    n === null || list.length === 0 ? undefined : list[n % list.length];

  shape.units.forEach((s, ui) => {
    const id = `u${ui + 1}`;
    const unit: Unit = {
      id,
      name: `单位${ui + 1}`,
      category: s.category,
      level: s.level,
      staffSize: s.staffSize,
    };
    if (s.level === "city") unit.cityId = pick(d.cities, s.place)!.id;
    if (s.level === "county") {
      const county = pick(d.counties, s.place)!;
      unit.countyId = county.id;
      unit.cityId = county.cityId;
    }
    if (s.level === "province") {
      const designated = pick(d.counties, s.designated);
      const lead = pick(d.counties, s.lead);
      const paired = pick(d.villages, s.paired);
      if (designated) unit.designatedCountyId = designated.id;
      if (lead) unit.leadCountyId = lead.id;
      if (paired) unit.pairedVillageId = paired.id;
    }
    d.units.push(unit);
    for (let i = 0; i < s.staff; i++) person({ role: "unit_staff", unitId: id });
  });
  addExistingRows(d, shape, countyVillages);
  return d;
}

/** Contracts and helpers that break no planning rule, for the shape's `contracted` and `helped`. */
function addExistingRows(d: Dataset, shape: DatasetShape, byCounty: Map<string, Village[]>): void {
  const contractOf = new Map<string, string>();
  const county = (id: string | undefined) => d.counties.find((c) => c.id === id);
  const free = (countyIds: readonly string[]) =>
    countyIds
      .flatMap((c) => byCounty.get(c) ?? [])
      .find((v) => v.isPoor && !v.exitedPovertyOn && !contractOf.has(v.id));
  d.units.forEach((unit, ui) => {
    if (!shape.units[ui]!.contracted || unit.category === "other") return;
    let village: Village | undefined;
    if (unit.level === "county" && unit.countyId) village = free([unit.countyId]);
    if (unit.level === "city") {
      // city-unit.in-key-county: in a key county of the city that has poor villages, if any.
      const counties = d.counties.filter((c) => c.cityId === unit.cityId);
      const keys = counties.filter(
        (c) =>
          c.isKeyCounty && (byCounty.get(c.id) ?? []).some((v) => v.isPoor && !v.exitedPovertyOn),
      );
      village = free((keys.length > 0 ? keys : counties).map((c) => c.id));
    }
    if (unit.level === "province" && county(unit.designatedCountyId)?.isKeyCounty)
      village = free([unit.designatedCountyId!]);
    if (!village) return;
    contractOf.set(village.id, unit.id);
    d.villageAssignments.push({ villageId: village.id, unitId: unit.id, startDate: START });
  });

  const villages = new Map(d.villages.map((v) => [v.id, v]));
  const byRole = (role: Person["role"], where: (p: Person) => boolean) =>
    d.people.filter((p) => p.role === role && where(p));
  const householdShapes = shape.cities
    .flat()
    .flatMap((c) => c.townships)
    .flatMap((t) => t.villages)
    .flatMap((v) => v.households);
  d.households.forEach((h, i) => {
    if (!householdShapes[i]!.helped || h.exitedPovertyOn) return;
    const village = villages.get(h.villageId)!;
    const villageCadres = byRole("village_cadre", (p) => p.villageId === village.id);
    const welfare = h.attribute === "wubao" || (h.attribute === "dibao" && !h.hasLaborCapacity);
    let helper: Person | undefined;
    if (welfare) {
      helper =
        byRole("civil_affairs_officer", (p) => p.townshipId === village.townshipId)[0] ??
        villageCadres[0];
    } else if (village.isPoor && contractOf.has(village.id)) {
      // household.helper-eligible: the staff of the village's unit.
      const unitId = contractOf.get(village.id);
      const staff = byRole("unit_staff", (p) => p.unitId === unitId);
      helper = staff[i % Math.max(staff.length, 1)];
    } else {
      // A non-poor village's household, or a poor village's without a unit (no unit, so
      // household.unit-staff-first has no free staff to point to): a local cadre.
      helper =
        villageCadres[0] ?? byRole("township_cadre", (p) => p.townshipId === village.townshipId)[0];
    }
    if (!helper) return;
    // household.verified-before-pairing: paired on or after the first verification.
    const verified = h.verifiedOn !== undefined && h.verifiedOn <= ARBITRARY_AS_OF;
    const row: Rows["householdAssignments"] = {
      householdId: h.id,
      personId: helper.id,
      startDate: verified && h.verifiedOn! > START ? h.verifiedOn! : START,
      recordedInRegister: true,
      recordedInHandbook: true,
    };
    d.householdAssignments.push(row);
  });
}
