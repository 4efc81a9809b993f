/**
 * The generator's types: the options, what it returns (a dataset, or partitions of one, and the
 * faults it planted), and the plan it draws first — which villages are poor, which units contract
 * them, how many households each has — before any row is written.
 */
import type { City, County, Dataset, Township, UnitCategory, Visit } from "@shuangbao/core";
import type { RegionVillage } from "./regions.js";

/**
 * `county`: 岳西县 alone, in memory. `city`: 安庆市's counties with poverty tasks as the province
 * has them (about 200,000 households), partition by partition. `province`: 70 counties, partition
 * by partition.
 */
export type SampleScale = "county" | "city" | "province";

export interface SampleOptions {
  scale: SampleScale;
  /** Any number or string: the same seed gives the same data, byte for byte. */
  seed: number | string;
  /**
   * The share (0–1) of realistic faults to plant. 0 plants none; above 0 every fault kind is
   * planted at least once where it has a candidate, about `violations` × the size of its group
   * (households, villages, units) spread over the group's kinds.
   */
  violations: number;
  /** The audit date the data is complete at (default `SAMPLE_AS_OF`): nothing is dated later. */
  asOf?: string;
}

/** One planted fault: the rule it breaks and the row the finding names (`rules.md`). */
export interface SeededFault {
  ruleId: string;
  collection: string;
  id: string;
  /** What was done, in words (for READMEs and test messages). */
  fault: string;
}

/**
 * A dataset whose `visits` may be a re-iterable (each iteration regenerates the same rows), so
 * that a province's tens of millions of visits are never held in memory at once.
 */
export type PartitionDataset = Omit<Dataset, "visits"> & { visits: Iterable<Visit> };

/**
 * One partition of the sample. The first (`county` null) holds the regions, the province-level
 * units and their people, the people villages name as coordinators, and the cities' cadre lists;
 * every other partition is one county with poverty tasks and refers only to its own rows and to
 * those of the first.
 */
export interface Partition {
  county: County | null;
  dataset: PartitionDataset;
  /** The faults planted in this partition's rows. */
  seeded: SeededFault[];
}

/** A unit as planned: what it is and the one village it contracts. */
export interface PlannedUnit {
  id: string;
  name: string;
  category: UnitCategory;
  level: "province" | "city" | "county";
  cityId?: string;
  countyId?: string;
  staffSize: number;
  civilServantManaged?: boolean;
  verticalManagement?: boolean;
  designatedCountyId?: string;
  leadCountyId?: string;
  pairedVillageId?: string;
  /** The name's template (local units), to rename the unit for a wrong-county fault. */
  template?: string;
  villageId: string;
  /** The people rows of its staff engaged in the work (principal, deputy, cadres, helpers). */
  people: number;
}

/** A poor village as planned. */
export interface PlannedVillage {
  village: RegionVillage;
  countyId: string;
  households: number;
  /** The contracts' start. */
  start: string;
  /** The day the (first) resident cadre was selected. */
  selectedOn: string;
  exitedOn?: string;
  /** The day the resident cadre hands over to a successor of the same unit. */
  rotation?: string;
  /** The contracting units; the first sends the resident cadre. */
  units: PlannedUnit[];
  collegeOfficial: boolean;
  /** Whether the resident cadre counts as selected (`residentCadres.selected`). */
  selected: boolean;
}

/** A county with poverty tasks as planned. */
export interface PlannedCounty {
  county: County;
  city: City;
  poor: PlannedVillage[];
  /** Villages that are not poor but have registered poor households, and how many. */
  nonPoor: { village: RegionVillage; households: number }[];
  /** Townships with households, in code order. */
  townships: Township[];
}

/** Faults the plan planted in the first partition, by the row they change. */
export interface FirstPartitionFaults {
  noDeputy: Set<string>;
  noDesignatedCounty: Set<string>;
  /** Unit id → the paired village it does not contract. */
  pairedElsewhere: Map<string, string>;
  /** Unit id → the calendar year without an assessment. */
  missingAssessment: Map<string, number>;
  /** Unit id → the calendar year with one topic meeting fewer than required. */
  fewMeetings: Map<string, number>;
  /**
   * Village id → the coordinator field left empty, or (`wrong`) naming someone who is not the
   * village's (the township's poverty lead) or not the township's (the village's party secretary).
   */
  noCoordinator: Map<string, { field: "coordinatorId" | "townshipCoordinatorId"; wrong: boolean }>;
  /** Cities whose cadre list was late. */
  lateCadreList: Set<string>;
  /** Counties whose unit list was late (planted in their own partitions). */
  lateUnitList: Set<string>;
}

/** Everything drawn before rows are written. */
export interface Plan {
  seed: number | string;
  violations: number;
  asOf: string;
  scale: SampleScale;
  cities: City[];
  counties: County[];
  townships: Township[];
  villages: RegionVillage[];
  taskCounties: PlannedCounty[];
  provinceUnits: PlannedUnit[];
  /** Poor villages by id. */
  poorVillage: Map<string, PlannedVillage>;
  faults: FirstPartitionFaults;
  seeded: SeededFault[];
}
