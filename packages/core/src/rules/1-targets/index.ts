/** The rules of 一 目标任务: one line per rule file; the catalogue collects and orders them. */
export * from "./has-helper.js";
export * from "./has-unit.js";
export * from "./single-helper.js";
