/** The rules of 四 工作要求, and unit.staff-visits (二(三)1, a per-year duty), in the order of rules.md. */
import { unitStaffVisits } from "../2-unit-contracts/staff-visits.js";
import type { Rule } from "../rule.js";
import { assignmentAcceptanceAfterTerm } from "./acceptance-after-term.js";
import { unitAnnualAssessment } from "./annual-assessment.js";
import { residentCadreApproved } from "./approved.js";
import { reportCadreListDeadline } from "./cadre-list-deadline.js";
import { assignmentContinueIfFailed } from "./continue-if-failed.js";
import { villageHasCoordinators } from "./has-coordinators.js";
import { unitHasDeputy } from "./has-deputy.js";
import { unitPrincipalVisits } from "./principal-visits.js";
import { unitTopicMeetings } from "./topic-meetings.js";
import { reportUnitListDeadline } from "./unit-list-deadline.js";

export const SECTION_4_RULES: readonly Rule[] = [
  unitStaffVisits,
  unitPrincipalVisits,
  unitTopicMeetings,
  unitHasDeputy,
  villageHasCoordinators,
  unitAnnualAssessment,
  assignmentAcceptanceAfterTerm,
  assignmentContinueIfFailed,
  reportUnitListDeadline,
  reportCadreListDeadline,
  residentCadreApproved,
];
