/**
 * What a county partition's builder, its fault planters and its visit generator share: the draft
 * of the partition before its visits exist, the faults' context, and the visits the faults leave
 * out. A module of its own, below all three, so that they import it and not each other.
 */
import type { Dataset, HouseholdAssignment, Person, ResidentCadre } from "@shuangbao/core";
import type { Plan, PlannedCounty, PlannedUnit, PlannedVillage } from "./model.js";
import type { Random } from "./random.js";

/** Visits left out by planted faults, each in one due calendar year. */
export interface VisitFaults {
  /** Household id → the calendar year in which its helper made half the visits required. */
  fewHouseholdVisits: Map<string, number>;
  /** Unit id → the calendar year in which its principal made one research visit too few. */
  fewPrincipalVisits: Map<string, number>;
  /** Unit id → the calendar year without staff visits. */
  noStaffVisits: Map<string, number>;
}

/** What a planted household-visit fault keeps of a year's required visits. */
export const halfOf = (required: number): number => Math.floor(required / 2);

/** A county partition before its visits exist: rows, and what faults and visits need to know. */
export interface CountyDraft {
  plan: Plan;
  pc: PlannedCounty;
  rows: Omit<Dataset, "visits">;
  person: Map<string, Person>;
  /** Each contract with its unit and village. */
  contracts: { unit: PlannedUnit; village: PlannedVillage }[];
  /** A poor village's current resident-cadre row. */
  currentCadre: Map<string, ResidentCadre>;
  villageCadres: Map<string, string[]>;
  townshipCadres: Map<string, string[]>;
  civilAffairs: Map<string, string[]>;
  visitFaults: VisitFaults;
}

/** A kind of fault: the rule it breaks and how to plant it on a candidate (false: not here). */
export interface FaultKind<T> {
  ruleId: string;
  plant: (candidate: T) => boolean;
}

/** Helpers shared by the fault kinds of a county. */
export interface FaultContext {
  draft: CountyDraft;
  random: Random;
  seed: (ruleId: string, collection: string, id: string, fault: string) => void;
  rowsOf: Map<string, HouseholdAssignment[]>;
  load: Map<string, number>;
  /** Households that carry a fault already (a later fault leaves their helper alone). */
  touched: Set<string>;
  /** Village id → the unit staff member left without a household (`household.unit-staff-first`). */
  freeStaff: Map<string, string>;
}
