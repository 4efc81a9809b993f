/**
 * Visits as columns: what a reader on another thread makes of a table's visit records, so that
 * the loader keeps them without a row object or a string per cell, and without judging them
 * again. A record becomes numbers only where the loader would store it at once (`addRecords` for
 * the compact store): the collection's `recordReader` reads it, and no code in it is in
 * scientific notation (a long or cut numeral is only counted in its column: `shape`).
 * Any other record is left, in its place, for the loader's general path (`raw`), so the findings
 * and the stored visits are the same as when the loader reads the records itself.
 */
import { toDay } from "../calendar/calendar.js";
import { COLLECTIONS, type Rows } from "../schema/collections.js";
import { recordReader } from "../schema/fast-validate.js";
import { IdShape } from "../schema/normalise.js";
import { CODE_INDICES } from "./loader.js";
import { Interner, type VisitColumns, VisitColumnsBuilder, visitKindCode } from "./visits.js";

export type { VisitColumns } from "./visits.js";

const FIELDS = COLLECTIONS.visits.fields;
/** Where a field is among the visits' fields (`RecordReader.read`'s order). */
export const visitFieldAt = (name: keyof Rows["visits"]) =>
  FIELDS.findIndex((f) => f.name === name);
const PERSON = visitFieldAt("personId");
const DATE = visitFieldAt("date");
const KIND = visitFieldAt("kind");
const VILLAGE = visitFieldAt("villageId");
const HOUSEHOLD = visitFieldAt("householdId");
const HOUSEHOLD_VISIT = visitKindCode("household_visit");
/** The visit's codes, in `CODE_INDICES`' order (the loader counts their shapes in that order). */
const CODES = CODE_INDICES.get("visits")!;
// The loader finds a counted code's text in the batch's id lists: the codes are references.
for (const i of CODES)
  if (FIELDS[i]!.kind !== "ref")
    throw new Error(`visits: code ${FIELDS[i]!.name} is not a reference`);

/**
 * Encodes visit records whose column c holds field `fields[c]` (as `DatasetLoader.addRecords`
 * takes them). `candidate(cells)` may leave a record to the general path before it is read (a
 * reader's own checks: a ragged line, a repeated header); `undefined` when no record can be
 * encoded with these fields (a field named twice: the loader's general path takes them all).
 * @example encodeVisitRecords(["personId", "date", "kind", "villageId"], [["P-1", "2015-03-01", "主要负责同志调研", "340822100203"]])!.length // 1
 */
export function encodeVisitRecords(
  fields: readonly (string | undefined)[],
  records: readonly (readonly unknown[])[],
  candidate: (cells: readonly unknown[]) => boolean = () => true,
): VisitColumns | undefined {
  const reader = recordReader("visits", fields);
  if (!reader) return undefined;
  const n = records.length;
  const built = new VisitColumnsBuilder(n);
  const people = new Interner();
  const villages = new Interner();
  const households = new Interner();
  const raw: number[] = [];
  const values: unknown[] = [];
  const shapes = reader.shapes;
  next: for (let r = 0; r < n; r++) {
    const cells = records[r]!;
    if (!candidate(cells) || !reader.read(cells, values, false)) {
      raw.push(r);
      continue;
    }
    const code = visitKindCode(values[KIND] as Rows["visits"]["kind"]);
    const hv = code === HOUSEHOLD_VISIT;
    let counted = 0;
    for (let c = 0; c < CODES.length; c++) {
      const i = CODES[c]!;
      const shape = shapes[i]!;
      if (typeof values[i] !== "string" || shape === IdShape.plain) continue;
      // A long or cut numeral is counted in its column (the loader needs its text: a household
      // is listed only for a household visit); scientific notation is judged.
      if (shape === IdShape.scientific || (i === HOUSEHOLD && !hv)) {
        raw.push(r);
        continue next;
      }
      counted |= shape << (2 * c);
    }
    built.push(
      people.intern(values[PERSON] as string),
      code,
      toDay(values[DATE] as string),
      villages.intern(values[VILLAGE] as string),
      hv ? households.intern(values[HOUSEHOLD] as string) : -1,
      counted,
      r,
    );
  }
  return built.columns(
    { people: people.ids, villages: villages.ids, households: households.ids },
    raw,
  );
}
