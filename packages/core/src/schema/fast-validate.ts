/**
 * The loader's fast path: a row whose every cell is already clean is validated and normalised
 * here, field by field from the same field specs the zod schemas are built from, without zod.
 * Any row it is not sure of — a missing required field, an unreadable cell, an unknown column —
 * it declines (`undefined`), and the general path (normalisation, zod, findings in words) takes
 * it. Property tests check that what it accepts is exactly what the general path makes of it,
 * and that a loader forced onto either path finds the same (`fast-path.test.ts`).
 */
import { isIsoDate } from "../calendar/calendar.js";
import { COLLECTIONS } from "./collections.js";
import type { CollectionName, FieldSpec } from "./fields.js";
import {
  cleanCodeShape,
  idShape,
  isAbsent,
  normaliseCell,
  normaliseCode,
  ownString,
} from "./normalise.js";
import type { FieldPool, StringPools } from "./string-pool.js";

const ID_NUMBER = /^\d{17}[\dX]$/;

/** A code that normalisation leaves as it is: printable ASCII, nothing to trim. */
function isCleanCode(s: string): boolean {
  const n = s.length;
  if (n === 0 || s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c > 126) return false;
  }
  return true;
}

/** What `read` returns for a cell that makes the fast path decline the row. */
const DECLINE: unique symbol = Symbol("decline");

/** Whether a cell is absent (`isAbsent`), at once for the usual cell that begins with a letter. */
function absent(value: unknown): boolean {
  if (typeof value === "string" && value.length > 0) {
    const c = value.charCodeAt(0);
    if (c > 32 && c < 127) return false;
  }
  return isAbsent(value);
}

/** One cell that is not absent, read as the general path reads it, or `undefined` to decline. */
function cell(spec: FieldSpec, value: unknown, own: boolean): unknown {
  switch (spec.kind) {
    case "id":
    case "ref": {
      // Codes are read by NFKC (full-width forms) exactly as the general path reads them.
      if (typeof value !== "string") return undefined;
      if (isCleanCode(value)) return own ? ownString(value) : value;
      const t = normaliseCode(value);
      return t === "" ? undefined : ownString(t);
    }
    case "string": {
      if (typeof value !== "string") return undefined;
      const t = value.trim();
      return t === "" ? undefined : ownString(t);
    }
    case "enum": {
      if (typeof value !== "string") return undefined;
      const v = normaliseCell(spec, value);
      return typeof v === "string" && (spec.vocabulary!.values as readonly string[]).includes(v)
        ? v
        : undefined;
    }
    case "idNumber": {
      const v = normaliseCell(spec, value);
      return typeof v === "string" && ID_NUMBER.test(v) ? v : undefined;
    }
    case "integer": {
      const v = normaliseCell(spec, value);
      return typeof v === "number" &&
        Number.isInteger(v) &&
        (spec.min === undefined || v >= spec.min)
        ? v
        : undefined;
    }
    case "boolean": {
      const v = normaliseCell(spec, value);
      return typeof v === "boolean" ? v : undefined;
    }
    case "date": {
      const v = normaliseCell(spec, value);
      return typeof v === "string" && isIsoDate(v) ? v : undefined;
    }
  }
}

/**
 * Any cell of a field, read as the general path reads it: its value, `undefined` when absent and
 * allowed to be, or `DECLINE`.
 */
function general(spec: FieldSpec, value: unknown, own: boolean): unknown {
  if (absent(value)) return spec.required ? DECLINE : undefined;
  const v = cell(spec, value, own);
  return v === undefined ? DECLINE : v;
}

/**
 * How the usual clean cell of a field's kind is read on the spot (`read`), before `general`: a
 * code that normalisation leaves as it is, a date written `YYYY-MM-DD`, an enum's value or label
 * as written. An ID number is a code too (its shape is judged), but always read by `general`.
 */
const Quick = { none: 0, code: 1, date: 2, enum: 3, idNumber: 4 } as const;

function quickOf(spec: FieldSpec): number {
  switch (spec.kind) {
    case "id":
    case "ref":
      return Quick.code;
    case "date":
      return Quick.date;
    case "enum":
      return Quick.enum;
    case "idNumber":
      return Quick.idNumber;
    default:
      return Quick.none;
  }
}

/** An enum's cells as written (its values and labels), each to the value it names. */
function enumCellsOf(spec: FieldSpec): ReadonlyMap<string, string> | undefined {
  if (spec.kind !== "enum") return undefined;
  const v = spec.vocabulary!;
  const labels = v.labels as Record<string, string>;
  const cells = new Map<string, string>();
  for (const value of v.values) cells.set(labels[value]!, value);
  for (const value of v.values) cells.set(value, value);
  return cells;
}

/** A collection's fields, compiled once from its definition. */
interface Compiled {
  list: readonly FieldSpec[];
  names: readonly string[];
  byName: ReadonlySet<string>;
  /** Per field: how its clean cell is read on the spot (`Quick`). */
  quick: Uint8Array;
  /** Per field, for an enum: its cells as written and the value each names. */
  enumCells: readonly (ReadonlyMap<string, string> | undefined)[];
  /** Each conditional requirement (`requires`) with the index of the field it requires. */
  requires: readonly { index: number; when: (row: Readonly<Record<string, unknown>>) => boolean }[];
  /** Per set of present fields (a bit per field), the first row made with it: see `rowOf`. */
  exemplars: Map<number, object>;
  /** The set of present fields of the last row made. */
  lastPresent: number;
}

const SPECS = new Map<CollectionName, Compiled>(
  Object.values(COLLECTIONS).map((c) => {
    const names = c.fields.map((f) => f.name);
    return [
      c.name,
      {
        list: c.fields,
        names,
        byName: new Set(names),
        quick: Uint8Array.from(c.fields, quickOf),
        enumCells: c.fields.map(enumCellsOf),
        requires: c.requires.map((r) => ({ index: names.indexOf(r.field), when: r.when })),
        exemplars: new Map(),
        lastPresent: -1,
      },
    ];
  }),
);

/** A row object of a collection's values in field order: absent ones left out. */
function rowOf(compiled: Compiled, values: readonly unknown[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  let present = 0;
  for (let i = 0; i < compiled.names.length; i++)
    if (values[i] !== undefined) {
      row[compiled.names[i]!] = values[i];
      present |= 1 << (i & 31);
    }
  if (present !== compiled.lastPresent) keepShape(compiled, present, row);
  return row;
}

/** At most this many row shapes are kept alive per collection (`keepShape`). */
const EXEMPLARS = 64;

/**
 * Keeps the first row of each set of present fields alive for the life of the process. A row's
 * hidden class (V8's map) lives only while some object has it: without this, every dataset's rows
 * would get new classes once the last one's were collected, and the code optimised for them would
 * be thrown away and compiled again for every request a server answers. One small row per shape.
 */
function keepShape(compiled: Compiled, present: number, row: object): void {
  compiled.lastPresent = present;
  if (compiled.exemplars.size < EXEMPLARS && !compiled.exemplars.has(present))
    compiled.exemplars.set(present, row);
}

/**
 * Whether values in field order meet their collection's conditional requirements (`requires`);
 * the row object a requirement's condition reads is made only when its field is absent.
 */
function meetsRequirements(compiled: Compiled, values: readonly unknown[]): boolean {
  const requires = compiled.requires;
  for (let r = 0; r < requires.length; r++) {
    const req = requires[r]!;
    if (values[req.index] === undefined && req.when(rowOf(compiled, values))) return false;
  }
  return true;
}

/**
 * The fast path over a table's records, compiled once per table: `read` puts a record's values in
 * `values` in the order of the collection's fields (`undefined` where absent), or declines.
 */
export interface RecordReader {
  /** The collection's fields, in the order of `values`. */
  readonly fields: readonly FieldSpec[];
  /**
   * Per field that is a code (id, reference, ID number) `read` kept as text: its `idShape`, found
   * in the pass that read it (a clean code is looked at once).
   */
  readonly shapes: Int8Array;
  /**
   * Reads a record (its cells in the table's columns) into `values`; `false` to decline. `own`:
   * copy the text kept (a compact store, which copies what it keeps, passes `false`).
   */
  read(cells: readonly unknown[], values: unknown[], own: boolean): boolean;
  /** A row object of values `read` filled, absent fields left out. */
  row(values: readonly unknown[]): Record<string, unknown>;
}

/**
 * The reader of a collection's records in a table whose column c holds field `fields[c]`
 * (`undefined` for a column the reader reported, read by neither path); `undefined` when a field
 * is named by two columns (the general path keeps the last cell that is not empty). One loop
 * reads every collection, field by field by kind (no call per field for a clean cell): it runs
 * for tens of millions of visits.
 * @example recordReader("cities", ["id", "name"])!.read(["3408", "安庆市"], values, true) // true
 */
export function recordReader(
  collection: CollectionName,
  fields: readonly (string | undefined)[],
  pools?: StringPools,
): RecordReader | undefined {
  const compiled = SPECS.get(collection)!;
  const { list, names, quick, enumCells } = compiled;
  // The repeated texts a row keeps (references and dates) in one copy each, when `own`.
  const pooled: (FieldPool | undefined)[] = list.map((f) =>
    pools && (f.kind === "ref" || f.kind === "date") ? pools.of(collection, f.name) : undefined,
  );
  const columns = new Int32Array(list.length).fill(-1);
  for (let c = 0; c < fields.length; c++) {
    const f = fields[c];
    if (f === undefined) continue;
    const i = names.indexOf(f);
    if (i < 0 || columns[i] !== -1) return undefined;
    columns[i] = c;
  }
  const shapes = new Int8Array(list.length);
  return {
    fields: list,
    shapes,
    read(cells, values, own) {
      for (let i = 0; i < list.length; i++) {
        const c = columns[i]!;
        const value = c < 0 ? undefined : cells[c];
        const q = quick[i]!;
        if (typeof value === "string") {
          if (q === Quick.code) {
            const shape = cleanCodeShape(value);
            if (shape >= 0) {
              const pool = pooled[i];
              values[i] = !own ? value : pool ? pool.own(value) : ownString(value);
              shapes[i] = shape;
              continue;
            }
          } else if (q === Quick.date) {
            // A date written `YYYY-MM-DD` is read as itself (and is short: no text to own).
            if (isIsoDate(value)) {
              const pool = pooled[i];
              values[i] = own && pool ? pool.own(value) : value;
              continue;
            }
          } else if (q === Quick.enum) {
            const hit = enumCells[i]!.get(value);
            if (hit !== undefined) {
              values[i] = hit;
              continue;
            }
          }
        }
        const v = general(list[i]!, value, own);
        if (v === DECLINE) return false;
        values[i] = v;
        if ((q === Quick.code || q === Quick.idNumber) && typeof v === "string")
          shapes[i] = idShape(v);
      }
      return meetsRequirements(compiled, values);
    },
    row: (values) => rowOf(compiled, values),
  };
}

/** Per collection, the reader of a row object's cells (`fastValidate`), in field order. */
const OBJECT_READERS = new Map<CollectionName, RecordReader>(
  Object.values(COLLECTIONS).map((c) => [c.name, recordReader(c.name, SPECS.get(c.name)!.names)!]),
);

/**
 * The validated row, or `undefined` when the general path must judge it.
 * @example fastValidate("cities", { id: "340800", name: "安庆市" }) // { id: "340800", name: "安庆市" }
 */
export function fastValidate(
  collection: CollectionName,
  raw: Readonly<Record<string, unknown>>,
  own = true,
): Record<string, unknown> | undefined {
  const { names, byName } = SPECS.get(collection)!;
  for (const key in raw) if (!byName.has(key)) return undefined;
  const cells: unknown[] = new Array(names.length);
  for (let i = 0; i < names.length; i++) cells[i] = raw[names[i]!];
  const reader = OBJECT_READERS.get(collection)!;
  const values: unknown[] = new Array(names.length);
  return reader.read(cells, values, own) ? reader.row(values) : undefined;
}
