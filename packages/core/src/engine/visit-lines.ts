/**
 * Visits as columns straight from the bytes of a UTF-8 table: what a reader on another thread
 * makes of a range of whole lines of a visits file without decoding it or making a string per
 * cell. A province's visits are tens of millions of lines, nearly all alike: codes in printable
 * ASCII, a date written `YYYY-MM-DD`, a kind written as its label. Such a line is encoded here,
 * exactly as `encodeVisitRecords` encodes the record a CSV parser makes of it; any other line
 * (a ragged one, a repeated header, a code with a space or a full-width digit, another date
 * format) is named in `rawLines` for the caller to parse with its CSV parser and hand to the
 * loader's general path in its place. No line is judged here that the loader would judge
 * otherwise: `visit-lines.test.ts` holds this to `encodeVisitRecords` line by line.
 *
 * Lines can be cut at line feeds only where no quote can hold one: the caller gives bytes with no
 * quote in them. A carriage return is a line break of its own to the CSV reader (which turns CR
 * and CRLF into LF); bytes with a CR that is not before an LF are declined whole (`undefined`).
 */
import { civilDay, isCivilDate } from "../calendar/calendar.js";
import { COLLECTIONS, type Rows } from "../schema/collections.js";
import { recordReader } from "../schema/fast-validate.js";
import { cleanCodeShape, IdShape } from "../schema/normalise.js";
import { Column } from "./column.js";
import { CODE_INDICES } from "./loader.js";
import { visitFieldAt } from "./visit-columns.js";
import { type VisitColumns, VisitColumnsBuilder, visitKindCode } from "./visits.js";

const FIELDS = COLLECTIONS.visits.fields;
const [PERSON, DATE, KIND, VILLAGE, HOUSEHOLD] = (
  ["personId", "date", "kind", "villageId", "householdId"] as const
).map(visitFieldAt) as [number, number, number, number, number];
const HOUSEHOLD_VISIT = visitKindCode("household_visit");
/** Where each code field is among `CODE_INDICES` (its two bits in `VisitColumns.shape`). */
const CODE_BIT = (name: keyof Rows["visits"]) =>
  2 * CODE_INDICES.get("visits")!.indexOf(visitFieldAt(name));
const PERSON_BIT = CODE_BIT("personId");
const VILLAGE_BIT = CODE_BIT("villageId");
const HOUSEHOLD_BIT = CODE_BIT("householdId");
// What is encoded here is what the collection defines: a change to the visits' fields must come
// here too (the test of this module feeds every field's cells).
if (
  FIELDS.length !== 5 ||
  [PERSON, VILLAGE, HOUSEHOLD].some((i) => FIELDS[i]!.kind !== "ref") ||
  FIELDS[DATE]!.kind !== "date" ||
  FIELDS[KIND]!.kind !== "enum" ||
  !FIELDS[PERSON]!.required ||
  !FIELDS[DATE]!.required ||
  !FIELDS[KIND]!.required ||
  !FIELDS[VILLAGE]!.required ||
  FIELDS[HOUSEHOLD]!.required
)
  throw new Error("visits: the byte encoder does not know these fields");

const LF = 0x0a;
const CR = 0x0d;

/** The kinds as written (each value and label, in UTF-8) and the code each names. */
const KINDS: readonly { bytes: Uint8Array; code: number }[] = (() => {
  const vocabulary = FIELDS[KIND]!.vocabulary!;
  const labels = vocabulary.labels as Record<string, string>;
  const encoder = new TextEncoder();
  return vocabulary.values.flatMap((value) => {
    const code = visitKindCode(value as Rows["visits"]["kind"]);
    return [labels[value]!, value].map((text) => ({ bytes: encoder.encode(text), code }));
  });
})();

/**
 * Codes of one range interned by their bytes, without a string per cell: an open-addressing
 * table of (hash, start, length) into the range's bytes. Each code's text, and its `IdShape`
 * (`cleanCodeShape`), is made once, when it is first seen.
 */
class ByteInterner {
  readonly ids: string[] = [];
  readonly shapes: number[] = [];
  private slots = new Int32Array(1024);
  private readonly hashes = new Column((n) => new Int32Array(n), 256);
  private readonly starts = new Column((n) => new Int32Array(n), 256);
  private readonly lengths = new Column((n) => new Int32Array(n), 256);

  constructor(private readonly bytes: Uint8Array) {}

  /** The index of the code in bytes `s` to `e` (printable ASCII), whose FNV-1a hash is `h`. */
  intern(s: number, e: number, h: number): number {
    const bytes = this.bytes;
    const mask = this.slots.length - 1;
    const n = e - s;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) return this.add(slot, s, e, h);
      if (this.hashes.data[entry] !== h || this.lengths.data[entry] !== n) continue;
      const start = this.starts.data[entry]!;
      let j = 0;
      while (j < n && bytes[start + j] === bytes[s + j]) j++;
      if (j === n) return entry;
    }
  }

  private add(slot: number, s: number, e: number, h: number): number {
    const entry = this.ids.length;
    // Printable ASCII: each byte is its character.
    const text = String.fromCharCode.apply(null, this.bytes.subarray(s, e) as unknown as number[]);
    this.ids.push(text);
    this.shapes.push(cleanCodeShape(text));
    this.hashes.set(entry, h);
    this.starts.set(entry, s);
    this.lengths.set(entry, e - s);
    this.slots[slot] = entry + 1;
    if (this.ids.length * 2 > this.slots.length) this.rehash();
    return entry;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.ids.length; entry++) {
      let slot = this.hashes.data[entry]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
  }
}

/** FNV-1a of bytes `s` to `e`, or −1 when one of them is not printable ASCII (0x21–0x7e). */
function codeHash(bytes: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = s; i < e; i++) {
    const b = bytes[i]!;
    if (b < 0x21 || b > 0x7e) return -1;
    h = Math.imul(h ^ b, 0x01000193);
  }
  return h & 0x7fffffff;
}

/** The day number of a date written `YYYY-MM-DD` in bytes `s` to `e`, or NaN. */
function dayOf(bytes: Uint8Array, s: number, e: number): number {
  if (e - s !== 10 || bytes[s + 4] !== 0x2d || bytes[s + 7] !== 0x2d) return Number.NaN;
  const y = digits(bytes, s, s + 4);
  const m = digits(bytes, s + 5, s + 7);
  const d = digits(bytes, s + 8, s + 10);
  return isCivilDate(y, m, d) ? civilDay(y, m, d) : Number.NaN;
}

function digits(bytes: Uint8Array, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) {
    const d = bytes[i]! - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** The kind code written in bytes `s` to `e` (a value or label as is), or −1. */
function kindOf(bytes: Uint8Array, s: number, e: number): number {
  const n = e - s;
  next: for (let k = 0; k < KINDS.length; k++) {
    const kind = KINDS[k]!;
    if (kind.bytes.length !== n) continue;
    for (let j = 0; j < n; j++) if (kind.bytes[j] !== bytes[s + j]) continue next;
    return kind.code;
  }
  return -1;
}

/** What `encodeVisitLines` made of a range. */
export interface EncodedVisitLines {
  /** The lines encoded; `columns.raw` lists those left to the general path. */
  columns: VisitColumns;
  /** How many lines (records) the bytes hold. */
  lines: number;
  /** Per line in `columns.raw`, its bytes (start, end before its line break), in pairs. */
  rawLines: Int32Array;
}

/**
 * Encodes whole lines of UTF-8 CSV text without quotes (`bytes`: from a line's start to after a
 * line break, or to the file's end), whose column c holds field `fields[c]` of the visits and
 * whose header has `width` cells, as `encodeVisitRecords` encodes the records a CSV parser makes
 * of them. `undefined` when the lines cannot be encoded here: a field named twice, or a carriage
 * return that breaks a line of its own.
 * @example encodeVisitLines(["personId", "date", "kind", "villageId"], 4, new TextEncoder().encode("P-1,2015-03-01,主要负责同志调研,340822100203\n"), ",")!.columns.length // 1
 */
export function encodeVisitLines(
  fields: readonly (string | undefined)[],
  width: number,
  bytes: Uint8Array,
  delimiter: string,
): EncodedVisitLines | undefined {
  // Fields the loader's reader cannot take (one named twice) are the general path's.
  if (!recordReader("visits", fields)) return undefined;
  const column = (i: number) => fields.indexOf(FIELDS[i]!.name);
  for (let i = bytes.indexOf(CR); i >= 0; i = bytes.indexOf(CR, i + 1))
    if (bytes[i + 1] !== LF) return undefined;
  const delim = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || delim > 0x7f) return undefined;
  const personAt = column(PERSON);
  const dateAt = column(DATE);
  const kindAt = column(KIND);
  const villageAt = column(VILLAGE);
  const householdAt = column(HOUSEHOLD);
  // About one visit in 48 bytes (a province's lines are 70): few batches grow.
  const built = new VisitColumnsBuilder(Math.ceil(bytes.length / 48));
  const people = new ByteInterner(bytes);
  const villages = new ByteInterner(bytes);
  const households = new ByteInterner(bytes);
  const raw: number[] = [];
  const rawLines: number[] = [];
  // Each cell's start and end in the line (width + 1 ends: one more cell means a ragged line).
  const starts = new Int32Array(width + 1);
  const ends = new Int32Array(width + 1);
  let line = 0;
  for (let p = 0; p < bytes.length; line++) {
    let next = bytes.indexOf(LF, p);
    if (next < 0) next = bytes.length;
    const end = next > p && bytes[next - 1] === CR ? next - 1 : next;
    const s = p;
    p = next + 1;
    // The cells: exactly `width` of them, or the line is ragged.
    let cells = 0;
    let from = s;
    for (let i = s; i <= end && cells <= width; i++) {
      if (i === end || bytes[i] === delim) {
        starts[cells] = from;
        ends[cells++] = i;
        from = i + 1;
      }
    }
    let ok = cells === width;
    let d = Number.NaN;
    let code = -1;
    let pId = -1;
    let vId = -1;
    let hId = -1;
    let bits = 0;
    if (ok) {
      d = dateAt < 0 ? Number.NaN : dayOf(bytes, starts[dateAt]!, ends[dateAt]!);
      code = kindAt < 0 ? -1 : kindOf(bytes, starts[kindAt]!, ends[kindAt]!);
      ok = !Number.isNaN(d) && code >= 0 && personAt >= 0 && villageAt >= 0;
    }
    if (ok) {
      const hv = code === HOUSEHOLD_VISIT;
      const ps = starts[personAt]!;
      const pe = ends[personAt]!;
      const vs = starts[villageAt]!;
      const ve = ends[villageAt]!;
      const ph = pe > ps ? codeHash(bytes, ps, pe) : -1;
      const vh = ve > vs ? codeHash(bytes, vs, ve) : -1;
      ok = ph >= 0 && vh >= 0;
      if (ok) {
        pId = people.intern(ps, pe, ph);
        vId = villages.intern(vs, ve, vh);
        const personShape = people.shapes[pId]!;
        const villageShape = villages.shapes[vId]!;
        ok = personShape !== IdShape.scientific && villageShape !== IdShape.scientific;
        bits = (personShape << PERSON_BIT) | (villageShape << VILLAGE_BIT);
      }
      if (ok) {
        hId =
          householdAt < 0
            ? householdOf(bytes, 0, 0, hv, households)
            : householdOf(bytes, starts[householdAt]!, ends[householdAt]!, hv, households);
        ok = hId !== DECLINE;
        if (hId >= 0) bits |= households.shapes[hId]! << HOUSEHOLD_BIT;
      }
    }
    if (!ok) {
      raw.push(line);
      rawLines.push(s, end);
      continue;
    }
    built.push(pId, code, d, vId, hId, bits, line);
  }
  return {
    columns: built.columns(
      { people: people.ids, villages: villages.ids, households: households.ids },
      raw,
    ),
    lines: line,
    rawLines: Int32Array.from(rawLines),
  };
}

/** What `householdOf` gives for a line the general path must read. */
const DECLINE = -2;

/**
 * The household of a visit from its cell (bytes `s` to `e`): interned for a household visit
 * (which requires one), −1 for any other visit (its household, if written, is read but not kept:
 * a code that is not plain goes to the general path), or `DECLINE`.
 */
function householdOf(
  bytes: Uint8Array,
  s: number,
  e: number,
  hv: boolean,
  households: ByteInterner,
): number {
  if (e === s) return hv ? DECLINE : -1;
  const h = codeHash(bytes, s, e);
  if (h < 0) return DECLINE;
  if (!hv) return plainCode(bytes, s, e) ? -1 : DECLINE;
  const id = households.intern(s, e, h);
  return households.shapes[id] === IdShape.scientific ? DECLINE : id;
}

/** Whether the printable code in bytes `s` to `e` is plain (`IdShape.plain`). */
function plainCode(bytes: Uint8Array, s: number, e: number): boolean {
  return (
    cleanCodeShape(String.fromCharCode.apply(null, bytes.subarray(s, e) as unknown as number[])) ===
    IdShape.plain
  );
}
