import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadDataset } from "../engine/loader.js";
import { RuleContext } from "../engine/rule-context.js";
import type { RuleReads } from "../engine/rule-reads.js";
import { parametersOn } from "../params/parameters.js";
import { COLLECTIONS } from "../schema/collections.js";
import type { CollectionName } from "../schema/fields.js";
import { ARBITRARY_AS_OF, arbitraryDataset } from "../testing/arbitraries.js";
import { compliantCounty, FIXTURE_AS_OF } from "../testing/fixture.js";
import { CATALOGUE } from "./catalogue.js";
import { recordReads } from "./record-reads.js";

const declared = (reads: RuleReads) =>
  Object.entries(reads).flatMap(([c, fields]) => (fields ?? []).map((f) => `${c}.${f}`));

// A field name the schema does not have does not type-check.
// @ts-expect-error: villages have no `poor`
const _typo: RuleReads = { villages: ["poor"] };

describe("what each rule declares it reads", () => {
  /** The compliant county, and a few random datasets that take the checks down other branches. */
  const datasets = [
    { index: loadDataset(compliantCounty()), asOf: FIXTURE_AS_OF },
    ...fc
      .sample(arbitraryDataset(), { numRuns: 6, seed: 17 })
      .map((d) => ({ index: loadDataset(d), asOf: ARBITRARY_AS_OF })),
  ];

  for (const rule of CATALOGUE) {
    describe(rule.id, () => {
      it("names only fields the schema has, each once", () => {
        for (const [c, fields] of Object.entries(rule.reads)) {
          const known = COLLECTIONS[c as CollectionName]?.fields.map((f) => f.name);
          expect(known, c).toBeDefined();
          for (const f of fields ?? []) expect(known, `${c}.${f}`).toContain(f);
          expect(new Set(fields).size, c).toBe(fields?.length);
        }
      });

      it("reads no field it does not declare", () => {
        const mine = new Set(declared(rule.reads));
        for (const { index, asOf } of datasets) {
          const undeclared = recordReads(rule, index, asOf).filter((r) => !mine.has(r));
          expect(undeclared).toEqual([]);
        }
      });
    });
  }
});

describe("ctx.ok(row) within a rule", () => {
  // A village whose exit date is after asOf: the date check breaks `exitedPovertyOn`.
  const dataset = compliantCounty();
  dataset.villages[0]!.exitedPovertyOn = "2030-01-01";
  const index = loadDataset(dataset);
  const village = index.rows("villages")[0]!;
  const broken = new Map<object, Set<string>>([[village, new Set(["exitedPovertyOn"])]]);
  const ctx = new RuleContext(index, FIXTURE_AS_OF, parametersOn(FIXTURE_AS_OF), broken);

  it("is false when a field the rule reads of the row's collection is broken", () => {
    expect(ctx.forRule({ reads: { villages: ["isPoor", "exitedPovertyOn"] } }).ok(village)).toBe(
      false,
    );
  });

  it("is true when the broken field is one the rule does not read", () => {
    expect(ctx.forRule({ reads: { villages: ["isPoor"] } }).ok(village)).toBe(true);
    // The same field name in another collection is not this row's.
    expect(ctx.forRule({ reads: { villageAssignments: ["endDate"] } }).ok(village)).toBe(true);
  });

  it("outside a rule, is false for a row with any broken field; named fields still decide", () => {
    expect(ctx.ok(village)).toBe(false);
    expect(ctx.ok(village, "isPoor")).toBe(true);
    expect(ctx.ok(village, "exitedPovertyOn")).toBe(false);
  });
});
