// Regenerates src/rules/spec-table.ts from ../shared/policy/rules.md (run from packages/core).
import { readFileSync, writeFileSync } from "node:fs";
import { parseRulesMd, specTableSource } from "../src/rules/spec-source.js";

const md = readFileSync(new URL("../../../../shared/policy/rules.md", import.meta.url), "utf8");
writeFileSync(
  new URL("../src/rules/spec-table.ts", import.meta.url),
  specTableSource(parseRulesMd(md)),
);
