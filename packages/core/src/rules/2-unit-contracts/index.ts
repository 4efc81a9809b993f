/** The rules of 二(一)(二) which units contract which villages, in the order of rules.md. */
import type { Rule } from "../rule.js";

export const SECTION_2_ARRANGEMENT_RULES: readonly Rule[] = [];
