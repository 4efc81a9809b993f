/** The rules of 二(三), the duties of a contracting unit (unit.staff-visits is in section 4's list). */
import type { Rule } from "../rule.js";
import { selectedCadreAge } from "./age.js";
import { workTeamCaptain } from "./captain.js";
import { selectedCadreEducation } from "./education.js";
import { residentCadreFromContractingUnit } from "./from-contracting-unit.js";
import { villageHasPlans } from "./has-plans.js";
import { villageHasResidentCadre } from "./has-resident-cadre.js";
import { workTeamMembers } from "./members.js";
import { assignmentNoEarlyExit } from "./no-early-exit.js";
import { residentCadreOneVillage } from "./one-village.js";
import { selectedCadrePartyMember } from "./party-member.js";
import { selectedCadreReservePreferred } from "./reserve-preferred.js";
import { villageResidentCadreContinuous } from "./resident-cadre-continuous.js";
import { selectedCadreVillagePost } from "./village-post.js";
import { selectedCadreWorkYears } from "./work-years.js";

export const SECTION_2_DUTY_RULES: readonly Rule[] = [
  villageHasPlans,
  assignmentNoEarlyExit,
  villageHasResidentCadre,
  residentCadreFromContractingUnit,
  residentCadreOneVillage,
  selectedCadrePartyMember,
  selectedCadreWorkYears,
  selectedCadreEducation,
  selectedCadreAge,
  selectedCadreReservePreferred,
  selectedCadreVillagePost,
  workTeamCaptain,
  villageResidentCadreContinuous,
  workTeamMembers,
];
