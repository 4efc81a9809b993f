/**
 * Contracting units (包村帮扶单位, rules.md "Who is who"): the units with a current
 * `villageAssignments` row for a village ("对全省每个建档立卡的贫困村…都确定一个定点帮扶责任单位").
 * For the helpers of an exited village (`household.helper-eligible`, `household.unit-staff-first`
 * and the household planner) they also include the units whose row ended on or after the exit:
 * their staff may go on helping its households until their contract ended.
 */
import type { Unit, Village, VillageAssignment } from "../schema/collections.js";
import type { RowsById } from "./readable.js";

/**
 * The "Time" reading a contract needs (rules.md "Time"), with the audit's date checks:
 * `RuleContext` is one.
 */
export interface ContractTime {
  /** In force at `asOf`. */
  isCurrent(row: VillageAssignment): boolean;
  /** Started on or before `asOf`, with readable dates. */
  hasStarted(row: VillageAssignment): boolean;
  /** Exited poverty on or before `asOf`. */
  exited(village: Village): boolean;
}

/**
 * The units of the current rows among a village's `contracts`, each once, in row order.
 * @example contractingUnitsOf(index.contractsOfVillage(v.id), ctx, index)
 */
export function contractingUnitsOf(
  contracts: readonly VillageAssignment[],
  time: Pick<ContractTime, "isCurrent">,
  index: Pick<RowsById, "unit">,
): Unit[] {
  const units: Unit[] = [];
  const seen = new Set<string>();
  for (const r of contracts) {
    if (!time.isCurrent(r)) continue;
    const u = index.unit(r.unitId);
    if (u && !seen.has(u.id)) {
      seen.add(u.id);
      units.push(u);
    }
  }
  return units;
}

/**
 * The contracting units whose staff may help a village's households: the current ones, and for an
 * exited village also those with a started row that ended on or after the exit.
 * @example helperUnitsOf(village, index.contractsOfVillage(village.id), ctx, index)
 */
export function helperUnitsOf(
  village: Village,
  contracts: readonly VillageAssignment[],
  time: ContractTime,
  index: Pick<RowsById, "unit">,
): Unit[] {
  const units = contractingUnitsOf(contracts, time, index);
  if (!time.exited(village)) return units;
  const exit = village.exitedPovertyOn!;
  for (const r of contracts) {
    if (!time.hasStarted(r) || r.endDate === undefined || r.endDate < exit) continue;
    const u = index.unit(r.unitId);
    if (u && !units.some((x) => x.id === u.id)) units.push(u);
  }
  return units;
}
