/** The rules of 二(三), the duties of a contracting unit (unit.staff-visits is in section 4's list). */
import type { Rule } from "../rule.js";

export const SECTION_2_DUTY_RULES: readonly Rule[] = [];
