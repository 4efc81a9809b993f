/** The rules of 四 工作要求, and unit.staff-visits (二(三)1, a per-year duty), in the order of rules.md. */
import type { Rule } from "../rule.js";

export const SECTION_4_RULES: readonly Rule[] = [];
