/**
 * The loader's fast path is the zod path, made fast: for every collection, visits included,
 * random rows (valid, and broken in one field each way a cell can be wrong) loaded with the fast
 * path on and off give the same findings, the same date checks and the same `toDataset()`, read
 * as objects (JSON) and as a table's records (CSV, every cell text) — visits also as columns
 * encoded on another thread (`encodeVisitRecords`, or `encodeVisitLines` from a range's bytes),
 * their raw records added in their places.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkDateOrder } from "../engine/date-order.js";
import { makeIdNumber } from "../engine/id-number.js";
import { DatasetLoader } from "../engine/loader.js";
import { encodeVisitRecords } from "../engine/visit-columns.js";
import { encodeVisitLines } from "../engine/visit-lines.js";
import type { VisitColumns } from "../engine/visits.js";
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
      // A long numeral (counted in its column) and one Excel may have cut (judged).
      wrong.push("NO-SUCH-ROW", "Ｎ－１", "3408221002030001", "3408221002030000");
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

/**
 * Visit records added as a reader on another thread adds them: encoded, each run of compact rows
 * by `addVisitColumns` and each raw record by `addRecords`, in file order.
 */
function addEncoded(
  loader: DatasetLoader,
  fields: readonly string[],
  records: readonly (readonly unknown[])[],
  file: string,
  lineBase: number,
) {
  const columns = encodeVisitRecords(fields, records)!;
  addInPlaces(
    loader,
    fields,
    columns,
    columns.raw.map((r) => records[r]!),
    file,
    lineBase,
  );
}

/** A batch's compact rows in runs, and its raw records (`raw[j]`: record `columns.raw[j]`) between them. */
function addInPlaces(
  loader: DatasetLoader,
  fields: readonly string[],
  columns: VisitColumns,
  raw: readonly (readonly unknown[])[],
  file: string,
  lineBase: number,
) {
  let k = 0;
  for (let j = 0; j <= raw.length; j++) {
    const r = j < raw.length ? columns.raw[j]! : Number.POSITIVE_INFINITY;
    let to = k;
    while (to < columns.length && columns.record[to]! < r) to++;
    loader.addVisitColumns(columns, k, to, { file }, lineBase);
    k = to;
    if (j < raw.length)
      loader.addRecords("visits", fields, [raw[j]!], { file, lines: [lineBase + r] });
  }
}

/**
 * Visit records added as the parallel reader adds a UTF-8 range of them: their lines encoded from
 * bytes (`encodeVisitLines`), the lines it leaves split into cells (no quote in them) and added
 * by `addRecords` in their places.
 */
function addBytes(
  loader: DatasetLoader,
  fields: readonly string[],
  records: readonly (readonly string[])[],
  file: string,
  lineBase: number,
) {
  const bytes = new TextEncoder().encode(records.map((r) => `${r.join(",")}\n`).join(""));
  const { columns, rawLines } = encodeVisitLines(fields, fields.length, bytes, ",")!;
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const raw = columns.raw.map((_, j) =>
    decoder.decode(bytes.subarray(rawLines[2 * j], rawLines[2 * j + 1])).split(","),
  );
  addInPlaces(loader, fields, columns, raw, file, lineBase);
}

type Mode = "objects" | "records" | "columns" | "bytes";

/** What a loader made of the fixture plus `extra` rows of one collection. */
function load(fastPath: boolean, collection: CollectionName, extra: Row[], mode: Mode) {
  const base = compliantCounty() as unknown as Record<CollectionName, Row[]>;
  const loader = new DatasetLoader({ fastPath });
  for (const c of COLLECTION_NAMES) {
    const rows = c === collection ? [...base[c], ...extra] : base[c];
    const file = `${c}.csv`;
    const lines = rows.map((_, i) => i + 2);
    if (mode === "objects") {
      loader.add(c, rows, { file, lines });
      continue;
    }
    const fields = COLLECTIONS[c].fields.map((f) => f.name);
    // As lines of a CSV without quotes: no cell holds a quote or a comma.
    const cell = (v: unknown) => (mode === "bytes" ? text(v).replace(/[",]/g, ";") : text(v));
    const records = rows.map((r) => fields.map((f) => cell(r[f])));
    if (mode === "columns" && c === "visits" && fastPath)
      addEncoded(loader, fields, records, file, 2);
    else if (mode === "bytes" && c === "visits" && fastPath)
      addBytes(loader, fields, records, file, 2);
    else loader.addRecords(c, fields, records, { file, lines });
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
          const mode = asRecords ? "records" : "objects";
          const fast = load(true, collection, extra, mode);
          const zod = load(false, collection, extra, mode);
          expect(fast.findings).toEqual(zod.findings);
          expect(fast.dates).toEqual(zod.dates);
          expect(fast.dataset).toEqual(zod.dataset);
        }),
        { numRuns: 40 },
      );
    });
  }

  // Encoded on another thread from records, or from a range's bytes (whose cells hold no comma or
  // quote: the zod path reads the same cells as records).
  for (const [mode, as] of [
    ["columns", "records"],
    ["bytes", "bytes"],
  ] as const) {
    it(`finds the same and loads the same visits encoded as ${mode}`, () => {
      fc.assert(
        fc.property(rowsOf("visits", base.visits), (extra) => {
          const encoded = load(true, "visits", extra, mode);
          const zod = load(false, "visits", extra, as);
          expect(encoded.findings).toEqual(zod.findings);
          expect(encoded.dates).toEqual(zod.dates);
          expect(encoded.dataset).toEqual(zod.dataset);
        }),
        { numRuns: 200 },
      );
    });
  }

  it("encodes clean visits and leaves broken ones raw (the test exercises both)", () => {
    const fields = COLLECTIONS.visits.fields.map((f) => f.name);
    const clean = fields.map((f) => text(base.visits[0]![f]));
    const broken = fields.map((f) => (f === "date" ? "2015-02-29" : text(base.visits[0]![f])));
    const excel = fields.map((f) => (f === "personId" ? "3.40828E+15" : text(base.visits[0]![f])));
    const long = fields.map((f) =>
      f === "villageId" ? "3408221002030001" : text(base.visits[0]![f]),
    );
    const cut = fields.map((f) =>
      f === "villageId" ? "3408221002030000" : text(base.visits[0]![f]),
    );
    const columns = encodeVisitRecords(fields, [clean, broken, clean, excel, long, cut])!;
    expect([...columns.record]).toEqual([0, 2, 4, 5]);
    expect(columns.raw).toEqual([1, 3]);
    expect([...columns.shape].map((bits) => bits !== 0)).toEqual([false, false, true, true]);
    expect(columns.people).toEqual([base.visits[0]!.personId]);
  });

  it("counts long numerals of encoded visits in their columns (a column is judged cut by them)", () => {
    // Two cut values (six zeros) are a cut column alone, not beside three long ones.
    const visit = (villageId: string) => ({ ...base.visits[0]!, villageId });
    const cut = "340822100203000000";
    const extra = [visit(cut), visit(cut), ...Array(3).fill(visit("3408221002030001"))];
    const columns = load(true, "visits", extra, "columns");
    expect(columns.findings).toEqual(load(false, "visits", extra, "records").findings);
    const judged = (findings: typeof columns.findings) =>
      findings.filter((f) => f.message.en.includes("cut them to 15 digits")).length;
    expect(judged(load(true, "visits", extra.slice(0, 2), "columns").findings)).toBe(1);
    expect(judged(columns.findings)).toBe(0);
  });

  it("is taken for clean rows and declined for broken ones (the test exercises both)", () => {
    const extra = [{ ...base.visits[0]! }, { ...base.visits[0]!, date: "2015-02-29" }];
    const fast = load(true, "visits", extra, "records");
    expect(fast.findings.some((f) => f.field === "date")).toBe(true);
    expect(fast.dataset.visits.length).toBe(base.visits.length + 1);
  });
});
