/**
 * Normalisation: what offices write → what the schemas read. Pure, used by every reader and by
 * JSON input alike. A cell that cannot be read is passed through unchanged, so the schema reports
 * it as `data.invalid-field` in words.
 *
 * Full-width characters (what a Chinese input method types: `２０１４-０７-２７`, `Ｕ－００１`) are
 * read by Unicode NFKC in every cell that is a code — ids, references, ID numbers, dates,
 * numbers, booleans and enum values — so `Ｕ－００１` and `U-001` name the same row. Names and
 * other free text (`string` fields: 姓名, 村名称, 职务, 联系电话) are kept as written, trimmed only:
 * they are shown back to people, and NFKC would change their punctuation (`（` → `(`).
 */
import { isIsoDate } from "../calendar/calendar.js";
import { parseEnum } from "../vocabulary/enums.js";
import { COLLECTIONS } from "./collections.js";
import type { CollectionName, FieldSpec } from "./fields.js";

const TRUE = new Set(["true", "1", "是", "TRUE", "True", "Y", "y", "yes", "Yes"]);
const FALSE = new Set(["false", "0", "否", "FALSE", "False", "N", "n", "no", "No"]);

const NON_ASCII = /[^\t\n\r\x20-\x7e]/;

/**
 * A code cell's text: trimmed, and NFKC-normalised when it holds anything but ASCII (full-width
 * digits, letters, hyphens and punctuation become their ASCII forms).
 * @example normaliseCode(" Ｕ－００１ ") // "U-001"
 */
export function normaliseCode(text: string): string {
  const t = text.trim();
  return NON_ASCII.test(t) ? t.normalize("NFKC").trim() : t;
}

const pad = (n: string) => n.padStart(2, "0");
const DATE_FORMS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/,
  // 20140727: an eight-digit day, as some systems export it.
  /^(\d{4})(\d{2})(\d{2})$/,
];
// A time of day at midnight after a date (`2014-07-30T00:00:00.000Z`, `2014/7/30 0:00:00`).
const MIDNIGHT = /(?:T|\s+)0{1,2}:00(?::00(?:\.0+)?)?Z?$/;

/**
 * Excel serial dates (1900 date system: serial 1 is 1900-01-01, and Excel counts a 1900-02-29
 * that never was, so serials from 61 on are days since 1899-12-30). Read only between
 * `1920-01-01` (7306) and `2100-12-31` (73415): below, a number in a date column is far more
 * likely a year (`2014`) or a count than a serial, and the data model has no earlier dates; a
 * fraction (a time of day) is refused too. A 1904-system workbook (old Mac Excel) is the reader's
 * to convert.
 */
export const EXCEL_SERIAL_RANGE = { min: 7306, max: 73415 } as const;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function fromSerial(serial: number): string | undefined {
  if (!Number.isInteger(serial)) return undefined;
  if (serial < EXCEL_SERIAL_RANGE.min || serial > EXCEL_SERIAL_RANGE.max) return undefined;
  return new Date(EXCEL_EPOCH + serial * 86_400_000).toISOString().slice(0, 10);
}

function fromNumber(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  return fromSerial(n) ?? (Number.isInteger(n) ? dateOfText(String(n)) : undefined);
}

function dateOfText(text: string): string | undefined {
  for (const form of DATE_FORMS) {
    const m = form.exec(text);
    if (m) {
      const iso = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
      return isIsoDate(iso) ? iso : undefined;
    }
  }
  return undefined;
}

/**
 * Reads a date cell: `2014-07-30`, `2014/7/30`, `2014.7.30`, `2014年7月30日`, `20140730`, the same
 * in full-width digits, a JS Date (an XLSX date cell, read as its calendar day in UTC), an Excel
 * serial (`41846`, a number or its text: see `EXCEL_SERIAL_RANGE`), or any of these with a time
 * part at midnight. Returns `undefined` when it is not a real date.
 * @example normaliseDate("2014年7月30日") // "2014-07-30"
 * @example normaliseDate(41846) // "2014-07-26"
 */
export function normaliseDate(value: unknown): string | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === "number") return fromNumber(value);
  if (typeof value !== "string") return undefined;
  let text = normaliseCode(value);
  if (/^\d{1,5}(\.0+)?$/.test(text)) return fromSerial(Number(text));
  text = text.replace(MIDNIGHT, "");
  return dateOfText(text);
}

/**
 * Reads a boolean cell: `true/false`, `1/0`, `是/否` (and Y/N, yes/no).
 * @example normaliseBoolean("是") // true
 */
export function normaliseBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== "string") return undefined;
  const t = normaliseCode(value);
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  return undefined;
}

function normaliseInteger(value: unknown): unknown {
  if (typeof value === "string") {
    const t = normaliseCode(value);
    if (/^-?\d+(\.0+)?$/.test(t)) return Number.parseInt(t, 10);
  }
  return value;
}

/**
 * A copy of `s` that holds no reference to a larger string. Parsers hand out substrings of the
 * text they read; V8 keeps those as slices that pin the whole chunk of the file in memory (a
 * province's CSV is 2.4 GB). Short strings are copied anyway; longer ones are copied here, flat:
 * a JSON round trip makes a string of its own (a slice of a copy, `${s} `.slice(0, -1), would be
 * a slice again, holding twice the bytes: 72 bytes for a household id instead of 32, for
 * millions of ids).
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** Free text (names): trimmed, kept as written. Numbers (an XLSX number cell) as their text. */
function normaliseText(value: unknown): unknown {
  if (typeof value === "string") return ownString(value.trim());
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "bigint") return value.toString();
  return value;
}

/**
 * A code (id, reference, ID number): as text, full-width forms read as ASCII. A number cell too
 * large to be exact (beyond 2^53: an 18-digit id stored as a number) is written with the 15
 * significant digits Excel keeps, so that the loader sees the cut for what it is.
 */
function normaliseCodeCell(value: unknown): unknown {
  if (typeof value === "string") return ownString(normaliseCode(value));
  if (typeof value === "number" && Number.isInteger(value) && !Number.isSafeInteger(value))
    return String(Number(value.toPrecision(15)));
  return normaliseText(value);
}

/**
 * An enum cell: the English value or the Chinese label as written, else the same after NFKC
 * (`ｄｉｂａｏ`; a label's own full-width punctuation is matched as written first).
 */
function normaliseEnum(spec: FieldSpec, value: unknown): unknown {
  if (typeof value !== "string") return value;
  return (
    parseEnum(spec.vocabulary!, value) ?? parseEnum(spec.vocabulary!, normaliseCode(value)) ?? value
  );
}

// Dates repeat across millions of rows: one copy of each, in a cache of bounded size.
const DATES = new Map<unknown, string>();
function internDate(value: unknown): unknown {
  const hit = DATES.get(value);
  if (hit !== undefined) return hit;
  const iso = normaliseDate(value);
  if (iso === undefined) return value;
  if ((typeof value === "string" || typeof value === "number") && DATES.size < 200_000)
    DATES.set(value, iso);
  return iso;
}

/** Normalises one cell of a field; unreadable cells come back unchanged. */
export function normaliseCell(spec: FieldSpec, value: unknown): unknown {
  switch (spec.kind) {
    case "id":
    case "ref":
      return normaliseCodeCell(value);
    case "string":
      return normaliseText(value);
    case "idNumber": {
      const t = normaliseCodeCell(value);
      return typeof t === "string" ? t.toUpperCase() : t;
    }
    case "boolean":
      return normaliseBoolean(value) ?? value;
    case "date":
      return internDate(value);
    case "integer":
      return normaliseInteger(value);
    case "enum":
      return normaliseEnum(spec, value);
  }
}

/** Whether a cell is absent: JSON `null`, `undefined`, or an empty (blank) string. */
export function isAbsent(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

const SPECS = new Map<CollectionName, Map<string, FieldSpec>>(
  Object.values(COLLECTIONS).map((c) => [c.name, new Map(c.fields.map((f) => [f.name, f]))]),
);

/** The fields of a collection by name. */
export function fieldSpecs(collection: CollectionName): ReadonlyMap<string, FieldSpec> {
  return SPECS.get(collection)!;
}

/**
 * Normalises a raw row of a collection: absent cells dropped, every known field read by its kind.
 * Unknown keys are dropped and returned so the caller can report them.
 * @example normaliseRow("units", { id: 17, level: "省直", staffSize: "12" }).row
 *   // { id: "17", level: "province", staffSize: 12 }
 */
export function normaliseRow(
  collection: CollectionName,
  raw: Readonly<Record<string, unknown>>,
): { row: Record<string, unknown>; unknown: string[] } {
  const specs = SPECS.get(collection)!;
  const row: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const key in raw) {
    const value = raw[key];
    const spec = specs.get(key);
    if (!spec) {
      unknown.push(key);
      continue;
    }
    if (isAbsent(value)) continue;
    row[key] = normaliseCell(spec, value);
  }
  return { row, unknown };
}

/**
 * What Excel may have done to an id typed into a number cell (`IdShape`): shown it in scientific
 * notation (`3.40828E+15`, which is what a CSV saved from the sheet holds), or kept only its 15
 * significant digits (`340828199001011234` → `340828199001011000`, from an XLSX number cell or a
 * CSV of one formatted as a number).
 */
export const IdShape = {
  /** An ordinary id. */
  plain: 0,
  /** A numeral of 16 or more digits that Excel could hold exactly only as text. */
  long: 1,
  /** A `long` numeral whose digits past the 15th are all zero: perhaps cut by Excel. */
  cut: 2,
  /** Scientific notation: certainly Excel's doing, never an id. */
  scientific: 3,
} as const;
export type IdShape = (typeof IdShape)[keyof typeof IdShape];

const SCIENTIFIC = /^[1-9](?:\.\d+)?[eE]\+\d{1,3}$/;

/** A character a clean code cannot hold (`cleanCodeShape`): anything but printable ASCII. */
const NOT_PRINTABLE = /[^\x20-\x7e]/;
const DIGITS = /^\d+$/;

/**
 * The shape of an id (after normalisation). Scientific notation is certain; a `cut` numeral is
 * only evidence, as a real 18-digit id ends in 000 once in a thousand: the loader judges a column
 * by all its values (`isCutColumn`).
 * @example idShape("3.40828E+15") // IdShape.scientific
 * @example idShape("340828199001011000") // IdShape.cut
 */
export function idShape(id: string): IdShape {
  const n = id.length;
  if (n < 5) return IdShape.plain;
  const c1 = id.charCodeAt(1);
  if ((c1 === 46 || c1 === 69 || c1 === 101) && SCIENTIFIC.test(id)) return IdShape.scientific;
  if (n < 16) return IdShape.plain;
  const c0 = id.charCodeAt(0);
  if (c0 < 49 || c0 > 57) return IdShape.plain;
  let zeros = true;
  for (let i = 1; i < n; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return IdShape.plain;
    if (i >= 15 && c !== 48) zeros = false;
  }
  return zeros ? IdShape.cut : IdShape.long;
}

/**
 * `idShape` of a code that normalisation leaves as it is (printable ASCII, nothing to trim); -1
 * for any other code (normalised first, it is judged by `idShape`). For a loader's fast path,
 * which reads millions of codes: the text is scanned natively, not char by char.
 * @example cleanCodeShape("340828199001011000") // IdShape.cut
 * @example cleanCodeShape(" U-001") // -1
 */
export function cleanCodeShape(code: string): IdShape | -1 {
  const n = code.length;
  if (n === 0) return -1;
  const c0 = code.charCodeAt(0);
  if (n >= 16 && c0 >= 49 && c0 <= 57 && DIGITS.test(code)) {
    for (let i = 15; i < n; i++) if (code.charCodeAt(i) !== 48) return IdShape.long;
    return IdShape.cut;
  }
  if (c0 === 32 || code.charCodeAt(n - 1) === 32 || NOT_PRINTABLE.test(code)) return -1;
  // As `idShape` finds for any code but a long numeral.
  const c1 = code.charCodeAt(1);
  return n >= 5 && (c1 === 46 || c1 === 69 || c1 === 101) && SCIENTIFIC.test(code)
    ? IdShape.scientific
    : IdShape.plain;
}

/**
 * Whether a column's long numerals show Excel's 15-digit cut rather than chance (`long`: its
 * numerals of 16 or more digits, `cut` ones included; `zeros`: the zeros past the 15th digit,
 * summed over the `cut` ones): most of them
 * (more than half) end in zeros past the 15th digit, and together those zeros would happen by
 * chance less than once in a million (the sum of their counts is at least 6: two 18-digit ids,
 * three 17-digit or six 16-digit ones). A real column of 16-digit household ids has one in ten
 * ending in 0, never most of them.
 * @example isCutColumn({ long: 1000, cut: 1000, zeros: 3000 }) // true
 */
export function isCutColumn(counts: { long: number; cut: number; zeros: number }): boolean {
  return counts.zeros >= 6 && counts.cut * 2 > counts.long;
}
