/**
 * The byte encoder of visit lines is the record encoder, made fast: random lines of a visits
 * table — clean, and broken every way a line or cell can be (ragged, blank, a repeated header,
 * codes with spaces, full-width digits, Excel's numerals, other date formats, kinds as values or
 * labels or neither), in any column order, with LF or CRLF — encode to the same visits as the
 * records a CSV parser makes of them, and leave to the general path every line the record encoder
 * leaves (and a few more it would read after normalising: a code with a space around it).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COLLECTIONS } from "../schema/collections.js";
import { compliantCounty } from "../testing/fixture.js";
import { encodeVisitRecords } from "./visit-columns.js";
import { encodeVisitLines } from "./visit-lines.js";
import type { VisitColumns } from "./visits.js";

const FIELDS = COLLECTIONS.visits.fields;
const HEADERS = FIELDS.map((f) => f.header);
const LABELS = Object.values(FIELDS[2]!.vocabulary!.labels as Record<string, string>);
const VALUES = [...FIELDS[2]!.vocabulary!.values];
const base = compliantCounty().visits;

/** The ways a cell of a field is written (no quote, delimiter or line break: the caller's case). */
function cellOf(name: string, valid: string): fc.Arbitrary<string> {
  const wrong = ["", " ", "3.40828E+15", "1.2e+3", "张三", "\uFEFFx", "a b", "x\u0000"];
  const right = [valid, ` ${valid}`, `${valid} `];
  switch (name) {
    case "date":
      right.push(valid.replaceAll("-", "/"), "2016-02-29");
      wrong.push("2015-02-29", "2015-13-01", "2015-1-01", "20150101", "２０１５-01-01");
      break;
    case "kind":
      right.push(...LABELS, ...VALUES);
      wrong.push("x", ` ${LABELS[0]}`, LABELS[1]!.slice(0, 2));
      break;
    default:
      right.push("P-1", "V-2", "340822100203");
      wrong.push("Ｎ－１", "3408221002030001", "3408221002030000", "340822100203000000", "-");
  }
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...right) }, fc.constantFrom(...wrong));
}

/** A line of the table: a visit written one way or another, or a line that is not a visit. */
function lineOf(columns: readonly (string | undefined)[]): fc.Arbitrary<string[]> {
  const visit = fc.constantFrom(...base).chain((v) =>
    fc.tuple(
      ...columns.map((name) => {
        if (name === undefined) return fc.constantFrom("备注", "", "x");
        const value = (v as Record<string, unknown>)[name];
        return cellOf(name, typeof value === "string" ? value : "");
      }),
    ),
  );
  const header = fc.constant(
    columns.map((c) => (c ? HEADERS[FIELDS.findIndex((f) => f.name === c)]! : "")),
  );
  return fc.oneof(
    { weight: 8, arbitrary: visit },
    { weight: 1, arbitrary: visit.map((cells) => cells.slice(0, -1)) },
    { weight: 1, arbitrary: visit.map((cells) => [...cells, "x"]) },
    { weight: 1, arbitrary: fc.constant([""] as string[]) },
    { weight: 1, arbitrary: header },
  );
}

/** A table's columns: the visits' fields in any order, the household's perhaps left out, perhaps an unknown column. */
const columnsOf = fc
  .tuple(
    fc.shuffledSubarray(
      FIELDS.map((f) => f.name),
      { minLength: 4 },
    ),
    fc.boolean(),
  )
  .map(([names, extra]) => (extra ? [...names, undefined] : names) as (string | undefined)[]);

/** Each compact visit as what it says: its record, ids, kind, day and code shapes. */
function visitsOf(c: VisitColumns) {
  return Array.from({ length: c.length }, (_, k) => ({
    record: c.record[k],
    person: c.people[c.person[k]!],
    kind: c.kind[k],
    day: c.day[k],
    village: c.villages[c.village[k]!],
    household: c.household[k]! < 0 ? undefined : c.households[c.household[k]!],
    shape: c.shape[k],
  }));
}

describe("encodeVisitLines", () => {
  it("encodes what encodeVisitRecords encodes, and leaves at least its raw lines raw", () => {
    fc.assert(
      fc.property(
        columnsOf.chain((columns) =>
          fc.tuple(
            fc.constant(columns),
            fc.array(lineOf(columns), { minLength: 0, maxLength: 12 }),
            fc.constantFrom("\n", "\r\n"),
            fc.boolean(),
            fc.constantFrom(",", "\t"),
          ),
        ),
        ([fields, lines, eol, lastEnded, delimiter]) => {
          const width = fields.length;
          const text =
            lines.map((cells) => cells.join(delimiter)).join(eol) + (lastEnded ? eol : "");
          const bytes = new TextEncoder().encode(text);
          const encoded = encodeVisitLines(fields, width, bytes, delimiter)!;
          // What a CSV parser makes of the same lines (no quotes: lines split at breaks, cells at
          // delimiters; the last line break ends its line).
          let normal = text.replaceAll("\r\n", "\n");
          const ended = normal.endsWith("\n");
          if (ended) normal = normal.slice(0, -1);
          const records =
            normal === ""
              ? ended
                ? [[""]]
                : []
              : normal.split("\n").map((l) => l.split(delimiter));
          const expected = encodeVisitRecords(fields, records, (cells) => cells.length === width)!;
          expect(encoded.lines).toBe(records.length);
          // Every line encoded here is encoded alike from its record; a line may be left raw
          // that the record encoder takes (a code the general path trims), never the reverse.
          const byRecord = new Map(visitsOf(expected).map((v) => [v.record, v]));
          for (const v of visitsOf(encoded.columns)) expect(v).toEqual(byRecord.get(v.record));
          for (const r of expected.raw) expect(encoded.columns.raw).toContain(r);
          expect(encoded.columns.length + encoded.columns.raw.length).toBe(records.length);
          const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
          const rawLines = encoded.columns.raw.map((_, j) =>
            decoder.decode(bytes.subarray(encoded.rawLines[2 * j], encoded.rawLines[2 * j + 1])),
          );
          expect(rawLines.map((l) => l.split(delimiter))).toEqual(
            encoded.columns.raw.map((r) => records[r]),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it("encodes clean lines and leaves broken ones raw (the test exercises both)", () => {
    const fields = FIELDS.map((f) => f.name);
    const v = base.find((x) => x.householdId)!;
    const line = (over: Record<string, string>) =>
      fields.map((f) => over[f] ?? (v as Record<string, unknown>)[f] ?? "").join(",");
    const text = `${[
      line({}),
      line({ date: "2015-02-29" }),
      line({ personId: "3.40828E+15" }),
      line({ householdId: "3408221002030000" }),
      line({ householdId: "" }),
    ].join("\r\n")}\r\n\r\n`;
    const encoded = encodeVisitLines(fields, fields.length, new TextEncoder().encode(text), ",")!;
    expect(encoded.lines).toBe(6);
    expect([...encoded.columns.record]).toEqual([0, 3]);
    expect(encoded.columns.raw).toEqual([1, 2, 4, 5]);
    expect(encoded.columns.shape[1]).not.toBe(0);
  });

  it("declines bytes with a carriage return that breaks a line of its own, and a field named twice", () => {
    const fields = FIELDS.map((f) => f.name);
    const bytes = new TextEncoder().encode("a,b\rc,d\n");
    expect(encodeVisitLines(fields, fields.length, bytes, ",")).toBeUndefined();
    expect(encodeVisitLines(["personId", "personId"], 2, new Uint8Array(), ",")).toBeUndefined();
    expect(encodeVisitLines(fields, 5, new TextEncoder().encode("x\r"), ",")).toBeUndefined();
  });
});
