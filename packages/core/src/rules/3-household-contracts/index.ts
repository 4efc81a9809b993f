/** The rules of 三 干部包户, in the order of rules.md. */
import type { Rule } from "../rule.js";
import { householdCauseKnown } from "./cause-known.js";
import { householdHasPlan } from "./has-plan.js";
import { householdHelperEligible } from "./helper-eligible.js";
import { householdHelperRecorded } from "./helper-recorded.js";
import { householdRegularVisits } from "./regular-visits.js";
import { householdUnitStaffFirst } from "./unit-staff-first.js";
import { householdVerifiedBeforePairing } from "./verified-before-pairing.js";
import { householdVerifiedByResidentCadre } from "./verified-by-resident-cadre.js";
import { householdWelfareToCivilAffairs } from "./welfare-to-civil-affairs.js";

export const SECTION_3_RULES: readonly Rule[] = [
  householdHelperEligible,
  householdUnitStaffFirst,
  householdWelfareToCivilAffairs,
  householdVerifiedByResidentCadre,
  householdVerifiedBeforePairing,
  householdHelperRecorded,
  householdCauseKnown,
  householdHasPlan,
  householdRegularVisits,
];
