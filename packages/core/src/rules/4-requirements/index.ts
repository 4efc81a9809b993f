/** The rules of 四 工作要求: one line per rule file; the catalogue collects and orders them. */
export * from "./acceptance-after-term.js";
export * from "./annual-assessment.js";
export * from "./approved.js";
export * from "./cadre-list-deadline.js";
export * from "./continue-if-failed.js";
export * from "./has-coordinators.js";
export * from "./has-deputy.js";
export * from "./principal-visits.js";
export * from "./topic-meetings.js";
export * from "./unit-list-deadline.js";
