import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { POLICY_TEXT } from "../policy/source-text.js";
import { parseRulesMd, specTableSource } from "../spec/spec-source.js";
import { SPEC_TABLE } from "../spec/spec-table.js";
import { CATALOGUE } from "./catalogue.js";
import { RULE_SECTIONS, sectionIndexSource, sectionTitle } from "./section-index.js";

/** The spec itself, beside the repository (CI lays `shared/` beside the clone). */
const RULES_MD = readFileSync(
  new URL("../../../../../shared/policy/rules.md", import.meta.url),
  "utf8",
);

const testFiles = readdirSync(new URL(".", import.meta.url), { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".test.ts"))
  .map((f) => f.split(/[\\/]/).pop()!);

describe("the spec table", () => {
  it("is generated from rules.md (run `pnpm --filter @shuangbao/core spec`)", () => {
    const file = readFileSync(new URL("../spec/spec-table.ts", import.meta.url), "utf8");
    expect(file).toBe(specTableSource(parseRulesMd(RULES_MD)));
  });

  it("holds every rule row of rules.md (49 in v2), counted apart from the parser", () => {
    // A rule row: an id with a dot, a clause, a severity (the entity table's `village.*` is not).
    const rows = RULES_MD.match(
      /^\| `[a-z][a-z0-9-]*\.[a-z0-9.-]+` \| [^|]+ \| (error|warning|info) \|/gm,
    );
    expect(rows).not.toBeNull();
    expect(SPEC_TABLE).toHaveLength(rows!.length);
    expect(SPEC_TABLE.length).toBeGreaterThanOrEqual(49);
  });
});

describe("the rule sections' index files", () => {
  for (const section of RULE_SECTIONS) {
    it(`${section}/index.ts exports each rule file of its folder (run \`pnpm --filter @shuangbao/core spec\`)`, () => {
      const dir = new URL(`./${section}/`, import.meta.url);
      const index = readFileSync(new URL("index.ts", dir), "utf8");
      const files = readdirSync(dir).map((name) => ({
        name,
        text: readFileSync(new URL(name, dir), "utf8"),
      }));
      expect(index).toBe(sectionIndexSource(sectionTitle(index), files));
    });
  }
});

describe("the catalogue", () => {
  it("implements every rule of rules.md", () => {
    expect(CATALOGUE.map((r) => r.id).sort()).toEqual(SPEC_TABLE.map((r) => r.id).sort());
  });

  it("holds only rules of rules.md, each once", () => {
    const ids = CATALOGUE.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const spec = new Set(SPEC_TABLE.map((r) => r.id));
    for (const id of ids) expect(spec.has(id), id).toBe(true);
  });

  it("lists the rules in the order of rules.md", () => {
    const order = SPEC_TABLE.map((r) => r.id).filter((id) => CATALOGUE.some((r) => r.id === id));
    expect(CATALOGUE.map((r) => r.id)).toEqual(order);
  });

  for (const rule of CATALOGUE) {
    describe(rule.id, () => {
      const spec = SPEC_TABLE.find((r) => r.id === rule.id)!;
      it("has the clause and severity of rules.md", () => {
        expect(rule.clause).toBe(spec.clause);
        expect(rule.severity).toBe(spec.severity);
        expect(["county", "province"]).toContain(rule.scope);
      });
      it("quotes a sentence found verbatim in the policy text", () => {
        expect(rule.quote.length).toBeGreaterThan(4);
        expect(POLICY_TEXT).toContain(rule.quote);
      });
      it("has titles and a default message in Chinese and English", () => {
        for (const m of [rule.title, rule.messages.default, ...Object.values(rule.messages)]) {
          expect(m.zh).toMatch(/[\u4e00-\u9fff]/);
          expect(m.en).toMatch(/[a-z]/);
        }
      });
      it("has a test file beside it", () => {
        expect(testFiles).toContain(`${rule.id.split(".")[1]}.test.ts`);
      });
    });
  }
});
