/** The rules of 三 干部包户, in the order of rules.md. */
import type { Rule } from "../rule.js";

export const SECTION_3_RULES: readonly Rule[] = [];
