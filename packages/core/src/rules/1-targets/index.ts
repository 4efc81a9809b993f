/** The rules of 一 目标任务 (village.has-unit, household.has-helper, household.single-helper), in the order of rules.md. */
import type { Rule } from "../rule.js";
import { householdHasHelper } from "./has-helper.js";
import { villageHasUnit } from "./has-unit.js";
import { householdSingleHelper } from "./single-helper.js";

export const SECTION_1_RULES: readonly Rule[] = [
  villageHasUnit,
  householdHasHelper,
  householdSingleHelper,
];
