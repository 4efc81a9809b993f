/**
 * The index over a loaded dataset, built once in linear time: rows by id, the region chain, and
 * every relation a rule follows (contracts by village and by unit, resident cadres, work teams,
 * helpers, staff, cadres, plans, meetings, assessments, acceptances, reports, visits). No rule
 * scans a whole collection per entity. The relations are the groupings each collection declares
 * (`indexBy` in `schema/collections.ts`), built here by one generic pass.
 */

import { fromDay } from "../calendar/calendar.js";
import {
  type Acceptance,
  type Assessment,
  type City,
  COLLECTIONS,
  type County,
  type Dataset,
  type Household,
  type HouseholdAssignment,
  type Meeting,
  type Person,
  type Report,
  type ResidentCadre,
  type Rows,
  type Township,
  type Unit,
  type Village,
  type VillageAssignment,
  type VillagePlan,
  type Visit,
  type WorkTeamMember,
} from "../schema/collections.js";
import { type CollectionName, type IndexSpec, indexName } from "../schema/fields.js";
import type { Finding, Source } from "./findings.js";
import type { Table } from "./table.js";
import type { Tables } from "./tables.js";
import type { VisitStore } from "./visits.js";

/**
 * The key of a grouping by several fields: their values joined by U+0000; none when one is
 * missing.
 */
function compoundKey(values: readonly unknown[]): string | undefined {
  return values.includes(undefined) ? undefined : values.join("\u0000");
}

/**
 * The rows of a table grouped as an `indexBy` entry says, each group in row order. A grouping by
 * one field of every row has a loop of its own, reading the field straight off the row: it runs
 * over millions of households.
 */
function group<T extends object>(rows: readonly T[], spec: IndexSpec): Map<string, T[]> {
  const { fields, when } = spec;
  if (fields.length === 1 && when === undefined) return groupByField(rows, fields[0]!);
  const field = fields.length === 1 ? fields[0]! : undefined;
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    if (when !== undefined && !when(r)) continue;
    const key = field !== undefined ? r[field] : compoundKey(fields.map((f) => r[f]));
    add(map, key as string | undefined, row);
  }
  return map;
}

/** The rows grouped by one field's value (a row without it in no group). */
function groupByField<T extends object>(rows: readonly T[], field: string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows)
    add(map, (row as Record<string, unknown>)[field] as string | undefined, row);
  return map;
}

/** Adds a row to its key's group; a row without a key is in none. */
function add<T>(map: Map<string, T[]>, key: string | undefined, row: T): void {
  if (key === undefined) return;
  const list = map.get(key);
  if (list) list.push(row);
  else map.set(key, [row]);
}

/**
 * A collection's grouping by `fields`, as its `indexBy` declares it (an index reading one the
 * schema does not declare is a programming error: it throws on every load).
 */
function grouping<C extends CollectionName>(
  tables: Tables,
  collection: C,
  ...fields: (keyof Rows[C] & string)[]
): Map<string, Rows[C][]> {
  return group((tables[collection] as Table<Rows[C]>).rows, declaredIndex(collection, fields));
}

/** The `indexBy` entry of a collection by `fields` (a programming error, thrown, when absent). */
function declaredIndex(collection: CollectionName, fields: readonly string[]): IndexSpec {
  const name = indexName(fields);
  const spec = COLLECTIONS[collection].indexBy.find((s) => s.name === name);
  if (!spec) throw new Error(`${collection} declares no indexBy ${name} (schema/collections.ts)`);
  return spec;
}

/**
 * A collection's grouping by one field (as its `indexBy` declares it) kept on the rows of the
 * table the field names: each group rides on its row as the hidden property `key`; the groups
 * whose id names no row are returned by id.
 */
function groupOnto<C extends CollectionName>(
  tables: Tables,
  collection: C,
  field: keyof Rows[C] & string,
  target: Table<object>,
  key: symbol,
): Map<string, Rows[C][]> {
  if (declaredIndex(collection, [field]).when)
    throw new Error(
      `${collection}'s indexBy ${field} keeps some rows only: not one to ride on rows`,
    );
  const orphans = new Map<string, Rows[C][]>();
  for (const row of (tables[collection] as Table<Rows[C]>).rows) {
    const id = (row as Record<string, unknown>)[field] as string | undefined;
    if (id === undefined) continue;
    const on = target.get(id) as Record<symbol, Rows[C][]> | undefined;
    if (!on) add(orphans, id, row);
    else if (on[key]) on[key].push(row);
    else Object.defineProperty(on, key, { value: [row], enumerable: false });
  }
  return orphans;
}

const EMPTY: readonly never[] = Object.freeze([]);

/** The hidden property of a household row that holds its helpers' rows. */
const HELPERS = Symbol("helpers");

/** A loaded, validated and indexed dataset: what rules read. */
export class DatasetIndex {
  readonly tables: Tables;
  readonly visits: VisitStore;
  /** The data findings of loading (asOf-independent). */
  readonly loadFindings: readonly Finding[];
  /** Flat parameter overrides the dataset itself carried. */
  readonly parameterOverrides: Readonly<Record<string, unknown>>;
  /** Fields loading found broken, for every row that has any (rows are distinct objects). */
  readonly broken: ReadonlyMap<object, ReadonlySet<string>>;

  private readonly contractsByVillage: Map<string, VillageAssignment[]>;
  private readonly contractsByUnit: Map<string, VillageAssignment[]>;
  private readonly cadresByVillage: Map<string, ResidentCadre[]>;
  private readonly cadresByPerson: Map<string, ResidentCadre[]>;
  private readonly teamByVillage: Map<string, WorkTeamMember[]>;
  private readonly householdsByVillage: Map<string, Household[]>;
  /** Helpers' rows that name no household row, by the id they name (the rest ride on the rows). */
  private readonly orphanHelpers: Map<string, HouseholdAssignment[]>;
  private readonly helpsByPerson: Map<string, HouseholdAssignment[]>;
  private readonly staffByUnit: Map<string, Person[]>;
  private readonly townshipCadresByTownship: Map<string, Person[]>;
  private readonly peopleByVillage: Map<string, Person[]>;
  private readonly plansByVillage: Map<string, VillagePlan[]>;
  private readonly meetingsByUnit: Map<string, Meeting[]>;
  private readonly assessmentsByUnit: Map<string, Assessment[]>;
  private readonly acceptancesByPair: Map<string, Acceptance[]>;
  private readonly reportsByRegion: Map<string, Report[]>;
  private readonly villagesByTownship: Map<string, Village[]>;
  private readonly townshipsByCounty: Map<string, Township[]>;
  private readonly countiesByCity: Map<string, County[]>;
  private readonly unitsByCity: Map<string, Unit[]>;

  constructor(
    tables: Tables,
    visits: VisitStore,
    findings: Finding[],
    parameterOverrides: Record<string, unknown>,
  ) {
    this.tables = tables;
    this.visits = visits;
    this.loadFindings = findings;
    this.parameterOverrides = parameterOverrides;
    const t = tables;
    const broken = new Map<object, ReadonlySet<string>>();
    for (const table of Object.values(tables) as Table<object>[]) {
      for (const [row, fields] of table.broken) broken.set(row, fields);
    }
    this.broken = broken;
    this.contractsByVillage = grouping(t, "villageAssignments", "villageId");
    this.contractsByUnit = grouping(t, "villageAssignments", "unitId");
    this.cadresByVillage = grouping(t, "residentCadres", "villageId");
    this.cadresByPerson = grouping(t, "residentCadres", "personId");
    this.teamByVillage = grouping(t, "workTeamMembers", "villageId");
    this.householdsByVillage = grouping(t, "households", "villageId");
    // Rules visit every household and ask for its helpers: the list rides on the row itself (a
    // hidden property), as a look-up among millions of ids costs more than the rule's own work,
    // and a map of millions of lists would cost 60 MB on a province. Only the rows that name no
    // household are kept by id.
    this.orphanHelpers = groupOnto(t, "householdAssignments", "householdId", t.households, HELPERS);
    this.helpsByPerson = grouping(t, "householdAssignments", "personId");
    this.staffByUnit = grouping(t, "people", "unitId");
    this.townshipCadresByTownship = grouping(t, "people", "townshipId");
    this.peopleByVillage = grouping(t, "people", "villageId");
    this.plansByVillage = grouping(t, "villagePlans", "villageId");
    this.meetingsByUnit = grouping(t, "meetings", "unitId");
    this.assessmentsByUnit = grouping(t, "assessments", "unitId");
    this.acceptancesByPair = grouping(t, "acceptances", "villageId", "unitId");
    this.reportsByRegion = grouping(t, "reports", "regionId");
    this.villagesByTownship = grouping(t, "villages", "townshipId");
    this.townshipsByCounty = grouping(t, "townships", "countyId");
    this.countiesByCity = grouping(t, "counties", "cityId");
    this.unitsByCity = grouping(t, "units", "cityId");
  }

  /** The rows of a collection (valid rows; broken fields removed). */
  rows<C extends CollectionName>(collection: C): readonly Rows[C][] {
    return (this.tables[collection] as Table<Rows[C]>).rows;
  }

  /**
   * A row of an id collection by id. Methods, not arrow-function fields: a field would be a new
   * function per index, and code optimised for one dataset's look-ups thrown away with it (a
   * server audits one dataset per request).
   */
  city(id: string | undefined): City | undefined {
    return id ? this.tables.cities.get(id) : undefined;
  }
  county(id: string | undefined): County | undefined {
    return id ? this.tables.counties.get(id) : undefined;
  }
  township(id: string | undefined): Township | undefined {
    return id ? this.tables.townships.get(id) : undefined;
  }
  village(id: string | undefined): Village | undefined {
    return id ? this.tables.villages.get(id) : undefined;
  }
  household(id: string | undefined): Household | undefined {
    return id ? this.tables.households.get(id) : undefined;
  }
  unit(id: string | undefined): Unit | undefined {
    return id ? this.tables.units.get(id) : undefined;
  }
  person(id: string | undefined): Person | undefined {
    return id ? this.tables.people.get(id) : undefined;
  }

  /** The county a village lies in (via its township). */
  countyOfVillage(village: Village): County | undefined {
    return this.county(this.township(village.townshipId)?.countyId);
  }
  /** The city a village lies in. */
  cityOfVillage(village: Village): City | undefined {
    return this.city(this.countyOfVillage(village)?.cityId);
  }

  /** Every `villageAssignments` row of a village (current or not). */
  contractsOfVillage(villageId: string): readonly VillageAssignment[] {
    return this.contractsByVillage.get(villageId) ?? EMPTY;
  }
  /** Every `villageAssignments` row of a unit. */
  contractsOfUnit(unitId: string): readonly VillageAssignment[] {
    return this.contractsByUnit.get(unitId) ?? EMPTY;
  }
  residentCadresOfVillage(villageId: string): readonly ResidentCadre[] {
    return this.cadresByVillage.get(villageId) ?? EMPTY;
  }
  residentCadresOfPerson(personId: string): readonly ResidentCadre[] {
    return this.cadresByPerson.get(personId) ?? EMPTY;
  }
  workTeamOfVillage(villageId: string): readonly WorkTeamMember[] {
    return this.teamByVillage.get(villageId) ?? EMPTY;
  }
  householdsOfVillage(villageId: string): readonly Household[] {
    return this.householdsByVillage.get(villageId) ?? EMPTY;
  }
  /**
   * Every `householdAssignments` row of a household (current or not): by its row without a
   * look-up (the list rides on the row), or by its id.
   */
  helpersOf(household: Household | string): readonly HouseholdAssignment[] {
    if (typeof household === "string") {
      const row = this.tables.households.get(household);
      if (!row) return this.orphanHelpers.get(household) ?? EMPTY;
      household = row;
    }
    return (household as { [HELPERS]?: HouseholdAssignment[] })[HELPERS] ?? EMPTY;
  }
  householdsHelpedBy(personId: string): readonly HouseholdAssignment[] {
    return this.helpsByPerson.get(personId) ?? EMPTY;
  }
  /** People with role `unit_staff` and this `unitId`. */
  staffOfUnit(unitId: string): readonly Person[] {
    return this.staffByUnit.get(unitId) ?? EMPTY;
  }
  /** Township cadres: role `township_cadre` or `civil_affairs_officer` of the township. */
  townshipCadres(townshipId: string): readonly Person[] {
    return this.townshipCadresByTownship.get(townshipId) ?? EMPTY;
  }
  /** Village cadres: role `village_cadre` of the village. */
  villageCadres(villageId: string): readonly Person[] {
    return (this.peopleByVillage.get(villageId) ?? EMPTY).filter((p) => p.role === "village_cadre");
  }
  /** College-graduate village officials (大学生村官) of the village. */
  collegeOfficials(villageId: string): readonly Person[] {
    return (this.peopleByVillage.get(villageId) ?? EMPTY).filter(
      (p) => p.role === "college_village_official",
    );
  }
  plansOfVillage(villageId: string): readonly VillagePlan[] {
    return this.plansByVillage.get(villageId) ?? EMPTY;
  }
  meetingsOfUnit(unitId: string): readonly Meeting[] {
    return this.meetingsByUnit.get(unitId) ?? EMPTY;
  }
  assessmentsOfUnit(unitId: string): readonly Assessment[] {
    return this.assessmentsByUnit.get(unitId) ?? EMPTY;
  }
  acceptancesOf(villageId: string, unitId: string): readonly Acceptance[] {
    const key = compoundKey([villageId, unitId]);
    return (key === undefined ? undefined : this.acceptancesByPair.get(key)) ?? EMPTY;
  }
  reportsOfRegion(regionId: string): readonly Report[] {
    return this.reportsByRegion.get(regionId) ?? EMPTY;
  }
  villagesOfTownship(townshipId: string): readonly Village[] {
    return this.villagesByTownship.get(townshipId) ?? EMPTY;
  }
  townshipsOfCounty(countyId: string): readonly Township[] {
    return this.townshipsByCounty.get(countyId) ?? EMPTY;
  }
  countiesOfCity(cityId: string): readonly County[] {
    return this.countiesByCity.get(cityId) ?? EMPTY;
  }
  /** Units whose `cityId` is this city. */
  unitsOfCity(cityId: string): readonly Unit[] {
    return this.unitsByCity.get(cityId) ?? EMPTY;
  }

  /** Where a row of an id collection came from. */
  sourceOf(collection: string, id: string): Source | undefined {
    const table = (this.tables as Record<string, Table<object>>)[collection];
    return table?.sourceOf(id);
  }

  /** Fields of a row that loading found broken. */
  brokenFields(collection: CollectionName, row: object): ReadonlySet<string> | undefined {
    return (this.tables[collection] as Table<object>).broken.get(row);
  }

  /**
   * The loaded dataset as plain rows (valid rows, broken fields left out), e.g. to write it back
   * or complete it with a plan. Visits are rebuilt from the compact store; a household visit's
   * `villageId` is its household's village (the store keeps the household, not both).
   * `visits: false` leaves them out (a province has tens of millions).
   */
  toDataset(options: { visits?: boolean } = {}): Dataset {
    const out = {} as Record<CollectionName, unknown[]>;
    for (const c of Object.keys(this.tables) as CollectionName[]) {
      if (c !== "visits") out[c] = [...this.rows(c)];
    }
    const visits: Visit[] = [];
    out.visits = visits;
    if (options.visits === false) return out as unknown as Dataset;
    const kinds = ["principal_research", "household_visit", "staff_visit"] as const;
    for (const i of this.visits.indices()) {
      const v = this.visits.visit(i);
      const date = fromDay(v.day);
      if (v.householdVisit) {
        visits.push({
          personId: v.personId,
          date,
          kind: "household_visit",
          villageId: v.villageId,
          householdId: v.targetId,
        });
      } else
        visits.push({ personId: v.personId, date, kind: kinds[v.kind], villageId: v.targetId });
    }
    return out as unknown as Dataset;
  }

  /** "name(id)" of a row, for tables; the id alone when the row is unknown. */
  label(collection: CollectionName, id: string | undefined): string {
    if (id === undefined) return "?";
    const table = this.tables[collection] as
      | Table<{ name?: string; headName?: string }>
      | undefined;
    const row = table?.get(id);
    const name = row?.name ?? row?.headName;
    return name ? `${name}(${id})` : id;
  }

  /**
   * A row's name in both languages ("Words in Chinese output"): `天堂村（340828100201）` and
   * `天堂村 (340828100201)`; a household is named with its place,
   * `天堂镇天堂村贫困户张一（户编号：H-1）`. The id alone when the row is unknown.
   */
  labels(collection: CollectionName, id: string | undefined): { zh: string; en: string } {
    if (id === undefined) return { zh: "？", en: "?" };
    const table = this.tables[collection] as
      | Table<{ name?: string; headName?: string; villageId?: string }>
      | undefined;
    const row = table?.get(id);
    if (collection === "households" && row?.headName) {
      const village = row.villageId === undefined ? undefined : this.village(row.villageId);
      const township = village ? this.township(village.townshipId) : undefined;
      const place = `${township?.name ?? ""}${village?.name ?? ""}`;
      return {
        zh: `${place}贫困户${row.headName}（户编号：${id}）`,
        en: `household ${row.headName} (${id})${village ? ` of ${village.name}` : ""}`,
      };
    }
    const name = row?.name ?? row?.headName;
    return name ? { zh: `${name}（${id}）`, en: `${name} (${id})` } : { zh: id, en: id };
  }
}
