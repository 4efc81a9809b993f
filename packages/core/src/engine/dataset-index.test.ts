/**
 * The index's relations are the groupings the schema declares (`indexBy`): each look-up returns
 * what a scan of the collection finds, in row order, for generated datasets and for people whose
 * other fields name places their role does not (a village cadre with a unit is no unit's staff).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Dataset, Person } from "../schema/collections.js";
import { arbitraryDataset } from "../testing/arbitraries.js";
import { compliantCounty } from "../testing/fixture.js";
import type { DatasetIndex } from "./dataset-index.js";
import { loadDataset } from "./loader.js";

type Row = Record<string, unknown>;

/** A look-up of the index, and the scan that must find the same rows. */
interface Relation {
  name: string;
  /** The collection whose ids are the look-up's keys (and an id no row has). */
  keys: "cities" | "counties" | "townships" | "villages" | "households" | "units" | "people";
  lookUp: (index: DatasetIndex, key: string) => readonly object[];
  scan: (index: DatasetIndex, key: string) => readonly object[];
}

const where =
  (collection: keyof Dataset, test: (row: Row, key: string) => boolean) =>
  (index: DatasetIndex, key: string) =>
    (index.rows(collection) as readonly Row[]).filter((r) => test(r, key));
const role =
  (...roles: Person["role"][]) =>
  (r: Row) =>
    roles.includes(r.role as Person["role"]);

const RELATIONS: Relation[] = [
  {
    name: "contractsOfVillage",
    keys: "villages",
    lookUp: (i, k) => i.contractsOfVillage(k),
    scan: where("villageAssignments", (r, k) => r.villageId === k),
  },
  {
    name: "contractsOfUnit",
    keys: "units",
    lookUp: (i, k) => i.contractsOfUnit(k),
    scan: where("villageAssignments", (r, k) => r.unitId === k),
  },
  {
    name: "residentCadresOfVillage",
    keys: "villages",
    lookUp: (i, k) => i.residentCadresOfVillage(k),
    scan: where("residentCadres", (r, k) => r.villageId === k),
  },
  {
    name: "residentCadresOfPerson",
    keys: "people",
    lookUp: (i, k) => i.residentCadresOfPerson(k),
    scan: where("residentCadres", (r, k) => r.personId === k),
  },
  {
    name: "workTeamOfVillage",
    keys: "villages",
    lookUp: (i, k) => i.workTeamOfVillage(k),
    scan: where("workTeamMembers", (r, k) => r.villageId === k),
  },
  {
    name: "householdsOfVillage",
    keys: "villages",
    lookUp: (i, k) => i.householdsOfVillage(k),
    scan: where("households", (r, k) => r.villageId === k),
  },
  {
    name: "helpersOf (id)",
    keys: "households",
    lookUp: (i, k) => i.helpersOf(k),
    scan: where("householdAssignments", (r, k) => r.householdId === k),
  },
  {
    name: "helpersOf (row)",
    keys: "households",
    lookUp: (i, k) => {
      const h = i.household(k);
      return h ? i.helpersOf(h) : [];
    },
    scan: (i, k) =>
      i.household(k) ? where("householdAssignments", (r) => r.householdId === k)(i, k) : [],
  },
  {
    name: "householdsHelpedBy",
    keys: "people",
    lookUp: (i, k) => i.householdsHelpedBy(k),
    scan: where("householdAssignments", (r, k) => r.personId === k),
  },
  {
    name: "staffOfUnit",
    keys: "units",
    lookUp: (i, k) => i.staffOfUnit(k),
    scan: where("people", (r, k) => role("unit_staff")(r) && r.unitId === k),
  },
  {
    name: "townshipCadres",
    keys: "townships",
    lookUp: (i, k) => i.townshipCadres(k),
    scan: where(
      "people",
      (r, k) => role("township_cadre", "civil_affairs_officer")(r) && r.townshipId === k,
    ),
  },
  {
    name: "villageCadres",
    keys: "villages",
    lookUp: (i, k) => i.villageCadres(k),
    scan: where("people", (r, k) => role("village_cadre")(r) && r.villageId === k),
  },
  {
    name: "collegeOfficials",
    keys: "villages",
    lookUp: (i, k) => i.collegeOfficials(k),
    scan: where("people", (r, k) => role("college_village_official")(r) && r.villageId === k),
  },
  {
    name: "plansOfVillage",
    keys: "villages",
    lookUp: (i, k) => i.plansOfVillage(k),
    scan: where("villagePlans", (r, k) => r.villageId === k),
  },
  {
    name: "meetingsOfUnit",
    keys: "units",
    lookUp: (i, k) => i.meetingsOfUnit(k),
    scan: where("meetings", (r, k) => r.unitId === k),
  },
  {
    name: "assessmentsOfUnit",
    keys: "units",
    lookUp: (i, k) => i.assessmentsOfUnit(k),
    scan: where("assessments", (r, k) => r.unitId === k),
  },
  {
    name: "reportsOfRegion (counties)",
    keys: "counties",
    lookUp: (i, k) => i.reportsOfRegion(k),
    scan: where("reports", (r, k) => r.regionId === k),
  },
  {
    name: "reportsOfRegion (cities)",
    keys: "cities",
    lookUp: (i, k) => i.reportsOfRegion(k),
    scan: where("reports", (r, k) => r.regionId === k),
  },
  {
    name: "villagesOfTownship",
    keys: "townships",
    lookUp: (i, k) => i.villagesOfTownship(k),
    scan: where("villages", (r, k) => r.townshipId === k),
  },
  {
    name: "townshipsOfCounty",
    keys: "counties",
    lookUp: (i, k) => i.townshipsOfCounty(k),
    scan: where("townships", (r, k) => r.countyId === k),
  },
  {
    name: "countiesOfCity",
    keys: "cities",
    lookUp: (i, k) => i.countiesOfCity(k),
    scan: where("counties", (r, k) => r.cityId === k),
  },
  {
    name: "unitsOfCity",
    keys: "cities",
    lookUp: (i, k) => i.unitsOfCity(k),
    scan: where("units", (r, k) => r.cityId === k),
  },
];

/** Every relation's look-up equals its scan for every key (and a key no row has). */
function expectLookUpsAreScans(index: DatasetIndex): void {
  for (const relation of RELATIONS) {
    const keys = [...index.rows(relation.keys).map((r) => r.id), "NO-SUCH-ROW"];
    for (const key of keys) {
      expect(relation.lookUp(index, key), `${relation.name}(${key})`).toEqual(
        relation.scan(index, key),
      );
    }
  }
  for (const a of index.rows("acceptances")) {
    expect(index.acceptancesOf(a.villageId, a.unitId)).toEqual(
      index.rows("acceptances").filter((r) => r.villageId === a.villageId && r.unitId === a.unitId),
    );
  }
  expect(index.acceptancesOf("NO-SUCH-ROW", "NO-SUCH-ROW")).toEqual([]);
}

/** People whose places are not their role's: each index leaves them out of the others. */
function withStrayPeople(d: Dataset): Dataset {
  const unitId = d.units[0]?.id;
  const village = d.villages[0];
  const townshipId = village?.townshipId;
  const villageId = village?.id;
  const stray = (id: string, role: Person["role"]): Person => ({
    id,
    name: id,
    role,
    ...(unitId ? { unitId } : {}),
    ...(townshipId ? { townshipId } : {}),
    ...(villageId ? { villageId } : {}),
  });
  d.people.push(
    stray("STRAY-UNIT-STAFF", "unit_staff"),
    stray("STRAY-TOWNSHIP", "township_cadre"),
    stray("STRAY-CIVIL", "civil_affairs_officer"),
    stray("STRAY-VILLAGE", "village_cadre"),
    stray("STRAY-COLLEGE", "college_village_official"),
  );
  return d;
}

describe("DatasetIndex", () => {
  it("finds what a scan finds, in row order, in the compliant county", () => {
    const index = loadDataset(withStrayPeople(compliantCounty()));
    expect(index.staffOfUnit(index.rows("units")[0]!.id).map((p) => p.id)).toContain(
      "STRAY-UNIT-STAFF",
    );
    expect(index.staffOfUnit(index.rows("units")[0]!.id).map((p) => p.id)).not.toContain(
      "STRAY-VILLAGE",
    );
    expectLookUpsAreScans(index);
  });

  it("finds what a scan finds in generated datasets", () => {
    fc.assert(
      fc.property(arbitraryDataset(), (d) => {
        expectLookUpsAreScans(loadDataset(withStrayPeople(d)));
      }),
      { numRuns: 40 },
    );
  });
});
