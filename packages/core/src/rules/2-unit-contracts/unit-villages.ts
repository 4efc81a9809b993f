/**
 * A unit's contracted villages as the arrangement rules of 二 read them, without cascading
 * (rules.md "Data checks", last paragraph): a rule that finds a unit *lacking* a contract must
 * say nothing when a contract row of the unit, or a village it names, has a broken field that
 * could hold the missing contract.
 */
import type { DatasetIndex } from "../../engine/dataset-index.js";
import { joinMessages, type Message } from "../../engine/findings.js";
import type { RuleContext } from "../../engine/rule-context.js";
import type { Village } from "../../schema/collections.js";

/** A unit's current contracts, and whether some row of it cannot be placed. */
export interface UnitVillages {
  /** The villages the unit has a current row for, each once. */
  villages: Village[];
  /**
   * Whether a row of the unit (its `unitId` intact) has a broken start, end or village, so it may
   * be a current contract the rule cannot see.
   */
  unsure: boolean;
}

/**
 * The villages a unit contracts on asOf, and whether a broken row may hide another.
 * @example const { villages, unsure } = unitVillages(index, ctx, "U-P1");
 */
export function unitVillages(index: DatasetIndex, ctx: RuleContext, unitId: string): UnitVillages {
  const villages: Village[] = [];
  let unsure = false;
  for (const row of index.contractsOfUnit(unitId)) {
    const start = ctx.start(row);
    // A row that starts after asOf is not current, whatever its end says.
    if (start !== undefined && start > ctx.asOf) continue;
    if (start === undefined || !ctx.ok(row)) {
      unsure = true;
      continue;
    }
    if (!ctx.isCurrent(row)) continue;
    const village = index.village(row.villageId);
    if (!village) unsure = true;
    else if (!villages.includes(village)) villages.push(village);
  }
  return { villages, unsure };
}

/**
 * Whether a village is a registered poor village (`isPoor`), or `undefined` when that is broken.
 */
export function registeredPoor(ctx: RuleContext, village: Village): boolean | undefined {
  return ctx.ok(village, "isPoor") && village.isPoor !== undefined
    ? village.isPoor === true
    : undefined;
}

/** The villages' names in both languages, `、`-joined in Chinese. */
export function villageNames(ctx: RuleContext, villages: readonly Village[]): Message {
  return joinMessages(villages.map((v) => ctx.labels("villages", v.id)));
}
