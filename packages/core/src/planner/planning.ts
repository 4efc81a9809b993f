/**
 * What the planners share: the shape of a proposal (a plain row of the data model plus the reason
 * an office signs off), the shape of what could not be placed, and the rule context a plan reads —
 * the same one the audit builds, so "current", "contracting unit", "welfare", "small" and "township
 * cadre" mean exactly what the rules mean.
 */
import { isIsoDate } from "../calendar/calendar.js";
import { DatasetIndex } from "../engine/dataset-index.js";
import { checkDateOrder } from "../engine/date-order.js";
import type { Message } from "../engine/findings.js";
import { loadDataset } from "../engine/loader.js";
import { RuleContext } from "../engine/rule-context.js";
import { ConfigurationError, parametersOn } from "../params/parameters.js";
import type { DatasetInput } from "../schema/collections.js";

/**
 * Why a row is proposed: the clause it follows and a sentence, in zh and en, to sign off.
 * @example row.because // { clause: "二(二)", zh: "县直单位…包扶本县贫困村…", en: "County unit … contracts …" }
 */
export interface Because extends Message {
  clause: string;
}

/**
 * A proposed row: a plain row of the data model and its reason.
 * @example const row: Proposed<VillageAssignment> = { villageId, unitId, startDate, because };
 */
export type Proposed<R> = R & { because: Because };

/**
 * A village, household or unit the planner could not place, and why.
 * @example { collection: "villages", id: "340822100201", clause: "二(二)", reason: { zh: "怀宁县:…", en: "怀宁县: no eligible county-level unit left" } }
 */
export interface Unresolved {
  collection: "villages" | "households" | "units";
  id: string;
  reason: Message;
  clause: string;
}

/**
 * Options every planner takes.
 * @example planVillageContracts(dataset, { asOf: "2014-07-20", parameters: { smallUnitMaxStaff: 8 } })
 */
export interface PlanOptions {
  /** The planning date, `YYYY-MM-DD`: proposed rows start on it; "current" is judged at it. */
  asOf: string;
  /** Flat parameter overrides (`{ name: value }`), over the dataset's own. */
  parameters?: Readonly<Record<string, unknown>>;
}

/**
 * The ids of the rules a plan satisfies: a dataset whose existing rows break none of them,
 * completed (`applyPlan`), has no finding of them at the planning date except on rows the plan
 * lists as unresolved. `household.verified-before-pairing` holds by construction: a proposed row
 * starts on the planning date, on or after every `verifiedOn` the audit reads (a later one is a
 * `data.date-order` error and counts as absent).
 * @example audit(applyPlan(d, plan), { asOf, rules: { only: PLANNING_RULE_IDS } })
 */
export const PLANNING_RULE_IDS: readonly string[] = Object.freeze([
  "village.has-unit",
  "household.has-helper",
  "household.single-helper",
  "unit.eligible-category",
  "unit.eligible-level",
  "village.non-key-county-local",
  "province-unit.covers-designated-county",
  "city-unit.has-village",
  "city-unit.within-city",
  "city-unit.in-key-county",
  "county-unit.within-county",
  "household.helper-eligible",
  "household.welfare-to-civil-affairs",
  "household.unit-staff-first",
  "household.verified-before-pairing",
  "village.pool-small-units",
  "province-unit.has-designated-county",
]);

/**
 * The rule context of a plan: the dataset indexed once, the parameters in force at `asOf`, and
 * the dates this `asOf` breaks (an end before its start is never current), as the audit has them.
 * Throws `ConfigurationError` for a bad `asOf` or parameter override.
 */
export function planningContext(
  input: DatasetIndex | DatasetInput,
  options: PlanOptions,
): RuleContext {
  const { asOf } = options;
  if (typeof asOf !== "string" || !isIsoDate(asOf)) {
    throw new ConfigurationError(
      "asOf",
      `asOf must be a YYYY-MM-DD date, not ${JSON.stringify(asOf)}`,
    );
  }
  const index = input instanceof DatasetIndex ? input : loadDataset(input);
  const params = parametersOn(asOf, { ...index.parameterOverrides, ...options.parameters });
  return new RuleContext(index, asOf, params, checkDateOrder(index, asOf).broken);
}
