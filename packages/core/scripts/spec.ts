// Regenerates src/spec/spec-table.ts from ../shared/policy/rules.md (run from packages/core).
import { readFileSync, writeFileSync } from "node:fs";
import { parseRulesMd, specTableSource } from "../src/spec/spec-source.js";

const md = readFileSync(new URL("../../../../shared/policy/rules.md", import.meta.url), "utf8");
writeFileSync(
  new URL("../src/spec/spec-table.ts", import.meta.url),
  specTableSource(parseRulesMd(md)),
);
