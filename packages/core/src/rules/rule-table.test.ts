import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { withRuleTable } from "./rule-table.js";

describe("the README's rule table", () => {
  it("is up to date with the catalogue (run `pnpm --filter @shuangbao/core docs`)", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    expect(withRuleTable(readme)).toBe(readme);
  });
});
