import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compliantCounty } from "../testing/fixture.js";
import { COLLECTIONS } from "./collections.js";
import { fastValidate } from "./fast-validate.js";
import { COLLECTION_NAMES, type CollectionName } from "./fields.js";
import { normaliseRow } from "./normalise.js";

/** What the general path makes of a row: normalised, then parsed by the zod schema. */
function general(collection: CollectionName, raw: Record<string, unknown>) {
  const { row, unknown } = normaliseRow(collection, raw);
  const parsed = COLLECTIONS[collection].schema.safeParse(row);
  return unknown.length === 0 && parsed.success ? parsed.data : undefined;
}

describe("the loader's fast path", () => {
  it("accepts every row of the compliant fixture, as the general path reads it", () => {
    const d = compliantCounty();
    for (const c of COLLECTION_NAMES) {
      for (const row of d[c] as Record<string, unknown>[]) {
        expect(fastValidate(c, row), c).toEqual(general(c, row));
      }
    }
  });

  it("accepts only what the zod schema accepts, and reads it the same way", () => {
    const cell = fc.oneof(
      fc.constantFrom(
        "",
        " ",
        "是",
        "否",
        "true",
        "0",
        "1",
        "2014-07-30",
        "2014/7/30",
        "2015-02-29",
        "x",
        " 12 ",
        "-1",
        "省直",
        "county",
        "dibao",
        "因病",
        "340828196001010012",
      ),
      fc.integer({ min: -2, max: 20 }),
      fc.boolean(),
      fc.constant(null),
      fc.string({ maxLength: 4 }),
    );
    const collection = fc.constantFrom(...COLLECTION_NAMES);
    const property = fc.property(
      collection,
      fc.dictionary(fc.string({ maxLength: 3 }), cell),
      fc.array(cell, { minLength: 17, maxLength: 17 }),
      (c, extra, cells) => {
        const fields = COLLECTIONS[c].fields;
        const raw: Record<string, unknown> = {};
        fields.forEach((f, i) => {
          if (cells[i] !== undefined) raw[f.name] = cells[i];
        });
        if (Object.keys(extra).length % 3 === 0) Object.assign(raw, extra);
        const fast = fastValidate(c, raw);
        if (fast !== undefined) expect(fast).toEqual(general(c, raw));
      },
    );
    fc.assert(property, { numRuns: 3000 });
  });
});
