/** The rules of 三 干部包户: one line per rule file; the catalogue collects and orders them. */
export * from "./cause-known.js";
export * from "./has-plan.js";
export * from "./helper-eligible.js";
export * from "./helper-recorded.js";
export * from "./regular-visits.js";
export * from "./unit-staff-first.js";
export * from "./verified-before-pairing.js";
export * from "./verified-by-resident-cadre.js";
export * from "./welfare-to-civil-affairs.js";
