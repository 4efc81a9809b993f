// Regenerates src/spec/spec-table.ts from ../shared/policy/rules.md, and each rule section's
// index.ts from the rule files in its folder (run from packages/core).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { RULE_SECTIONS, sectionIndexSource, sectionTitle } from "../src/rules/section-index.js";
import { parseRulesMd, specTableSource } from "../src/spec/spec-source.js";

const md = readFileSync(new URL("../../../../shared/policy/rules.md", import.meta.url), "utf8");
writeFileSync(
  new URL("../src/spec/spec-table.ts", import.meta.url),
  specTableSource(parseRulesMd(md)),
);

for (const section of RULE_SECTIONS) {
  const dir = new URL(`../src/rules/${section}/`, import.meta.url);
  const index = new URL("index.ts", dir);
  const files = readdirSync(dir).map((name) => ({
    name,
    text: readFileSync(new URL(name, dir), "utf8"),
  }));
  writeFileSync(index, sectionIndexSource(sectionTitle(readFileSync(index, "utf8")), files));
}
