// Rewrites the rule table and the interpretations in packages/core/README.md from the catalogue.
import { readFileSync, writeFileSync } from "node:fs";
import { withRuleTable } from "../src/rules/rule-table.js";

const path = new URL("../README.md", import.meta.url);
writeFileSync(path, withRuleTable(readFileSync(path, "utf8")));
