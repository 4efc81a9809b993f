/**
 * The loader's fast path is the zod path, made fast: for every collection, visits included,
 * random rows (valid, and broken in one field each way a cell can be wrong) loaded with the fast
 * path on and off give the same findings, the same date checks and the same `toDataset()`, read
 * as objects (JSON) and as a table's records (CSV, every cell text).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkDateOrder } from "../engine/date-order.js";
import { makeIdNumber } from "../engine/id-number.js";
import { DatasetLoader } from "../engine/loader.js";
import { compliantCounty, FIXTURE_AS_OF } from "../testing/fixture.js";
import { COLLECTIONS } from "./collections.js";
import { COLLECTION_NAMES, type CollectionName, type FieldSpec } from "./fields.js";

type Row = Record<string, unknown>;

/** The ways one field of a row is written, right or wrong. */
function cellOf(spec: FieldSpec, valid: unknown): fc.Arbitrary<unknown> {
  const wrong: unknown[] = [undefined, "", " ", true, { x: 1 }, "3.40828E+15"];
  const right: unknown[] = [valid];
  if (typeof valid === "string") right.push(` ${valid} `);
  switch (spec.kind) {
    case "date":
      right.push(typeof valid === "string" ? valid.replaceAll("-", "/") : "2015-01-01");
      wrong.push("2015-02-29", "2099-01-01", "x", 41846);
      break;
    case "enum": {
      const v = spec.vocabulary!;
      right.push(...v.values, ...Object.values(v.labels as Record<string, string>));
      wrong.push("x");
      break;
    }
    case "ref":
      wrong.push("NO-SUCH-ROW", "Ｎ－１");
      break;
    case "id":
      wrong.push("340828199001011000", 17);
      break;
    case "idNumber":
      right.push(makeIdNumber("340828", "1980-01-01", 7));
      wrong.push("340828198001010010", "３４０８２８１９８００１０１００７Ｘ", "12345");
      break;
    case "integer":
      right.push("12", 3);
      wrong.push(-5, 2.5, "x");
      break;
    case "boolean":
      right.push("是", "否", false);
      wrong.push("也许", 2);
      break;
    case "string":
      wrong.push(12);
      break;
  }
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...right) }, fc.constantFrom(...wrong));
}

/** Rows of a collection: the fixture's, each field written one way or another. */
function rowsOf(collection: CollectionName, base: readonly Row[]): fc.Arbitrary<Row[]> {
  const fields = COLLECTIONS[collection].fields;
  const row = fc
    .constantFrom(...base)
    .chain((b) =>
      fc.tuple(
        fc.constant(b),
        fc.tuple(...fields.map((f) => fc.option(cellOf(f, b[f.name]), { freq: 2 }))),
      ),
    )
    .map(([b, cells]) => {
      const out: Row = { ...b };
      fields.forEach((f, i) => {
        const c = cells[i];
        if (c === null) return;
        if (c === undefined) delete out[f.name];
        else out[f.name] = c;
      });
      return out;
    });
  return fc.array(row, { minLength: 1, maxLength: 6 });
}

/** A cell as a CSV holds it: text, empty when absent. */
function text(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "boolean") return value ? "是" : "否";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** What a loader made of the fixture plus `extra` rows of one collection. */
function load(fastPath: boolean, collection: CollectionName, extra: Row[], asRecords: boolean) {
  const base = compliantCounty() as unknown as Record<CollectionName, Row[]>;
  const loader = new DatasetLoader({ fastPath });
  for (const c of COLLECTION_NAMES) {
    const rows = c === collection ? [...base[c], ...extra] : base[c];
    const file = `${c}.csv`;
    const lines = rows.map((_, i) => i + 2);
    if (!asRecords) {
      loader.add(c, rows, { file, lines });
      continue;
    }
    const fields = COLLECTIONS[c].fields.map((f) => f.name);
    loader.addRecords(
      c,
      fields,
      rows.map((r) => fields.map((f) => text(r[f]))),
      { file, lines },
    );
  }
  const index = loader.finish();
  return {
    findings: index.loadFindings,
    dates: checkDateOrder(index, FIXTURE_AS_OF).findings,
    dataset: index.toDataset(),
  };
}

describe("the fast path and the zod path", () => {
  const base = compliantCounty() as unknown as Record<CollectionName, Row[]>;
  for (const collection of COLLECTION_NAMES) {
    it(`find the same and load the same rows of ${collection}`, () => {
      fc.assert(
        fc.property(rowsOf(collection, base[collection]), fc.boolean(), (extra, asRecords) => {
          const fast = load(true, collection, extra, asRecords);
          const zod = load(false, collection, extra, asRecords);
          expect(fast.findings).toEqual(zod.findings);
          expect(fast.dates).toEqual(zod.dates);
          expect(fast.dataset).toEqual(zod.dataset);
        }),
        { numRuns: 40 },
      );
    });
  }

  it("is taken for clean rows and declined for broken ones (the test exercises both)", () => {
    const extra = [{ ...base.visits[0]! }, { ...base.visits[0]!, date: "2015-02-29" }];
    const fast = load(true, "visits", extra, true);
    expect(fast.findings.some((f) => f.field === "date")).toBe(true);
    expect(fast.dataset.visits.length).toBe(base.visits.length + 1);
  });
});
