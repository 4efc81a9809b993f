/**
 * Normalisation: what offices write → what the schemas read. Pure, used by every reader and by
 * JSON input alike. A cell that cannot be read is passed through unchanged, so the schema reports
 * it as `data.invalid-field` in words.
 */
import { isIsoDate } from "../calendar/calendar.js";
import { parseEnum } from "../vocabulary/enums.js";
import { COLLECTIONS } from "./collections.js";
import type { CollectionName, FieldSpec } from "./fields.js";

const TRUE = new Set(["true", "1", "是", "TRUE", "True", "Y", "y", "yes", "Yes"]);
const FALSE = new Set(["false", "0", "否", "FALSE", "False", "N", "n", "no", "No"]);

const pad = (n: string) => n.padStart(2, "0");
const DATE_FORMS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/,
];

/**
 * Reads a date cell: `2014-07-30`, `2014/7/30`, `2014.7.30`, `2014年7月30日`, a JS Date (an XLSX
 * date cell, read as its calendar day in UTC), or a timestamp with a time part at midnight.
 * Returns `undefined` when it is not a real date.
 * @example normaliseDate("2014年7月30日") // "2014-07-30"
 */
export function normaliseDate(value: unknown): string | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return value.toISOString().slice(0, 10);
  }
  if (typeof value !== "string") return undefined;
  let text = value.trim();
  const t = /^(\d{4}-\d{2}-\d{2})[T ]00:00(:00(\.0+)?)?(Z)?$/.exec(text);
  if (t) text = t[1]!;
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
 * Reads a boolean cell: `true/false`, `1/0`, `是/否` (and Y/N, yes/no).
 * @example normaliseBoolean("是") // true
 */
export function normaliseBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== "string") return undefined;
  const t = value.trim();
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  return undefined;
}

function normaliseInteger(value: unknown): unknown {
  if (typeof value === "string") {
    const t = value.trim();
    if (/^-?\d+(\.0+)?$/.test(t)) return Number.parseInt(t, 10);
  }
  return value;
}

/**
 * A copy of `s` that holds no reference to a larger string. Parsers hand out substrings of the
 * text they read; V8 keeps those as slices that pin the whole chunk of the file in memory (a
 * province's CSV is 2.4 GB). Short strings are copied anyway; longer ones are flattened here.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : `${s} `.slice(0, -1);
}

function normaliseText(value: unknown): unknown {
  if (typeof value === "string") return ownString(value.trim());
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "bigint") return value.toString();
  return value;
}

// Dates repeat across millions of rows: one copy of each, in a cache of bounded size.
const DATES = new Map<unknown, string>();
function internDate(value: unknown): unknown {
  const hit = DATES.get(value);
  if (hit !== undefined) return hit;
  const iso = normaliseDate(value);
  if (iso === undefined) return value;
  if (typeof value === "string" && DATES.size < 200_000) DATES.set(value, iso);
  return iso;
}

/** Normalises one cell of a field; unreadable cells come back unchanged. */
export function normaliseCell(spec: FieldSpec, value: unknown): unknown {
  switch (spec.kind) {
    case "id":
    case "ref":
    case "string":
      return normaliseText(value);
    case "idNumber": {
      const t = normaliseText(value);
      return typeof t === "string" ? t.toUpperCase() : t;
    }
    case "boolean":
      return normaliseBoolean(value) ?? value;
    case "date":
      return internDate(value);
    case "integer":
      return normaliseInteger(value);
    case "enum":
      return typeof value === "string" ? (parseEnum(spec.vocabulary!, value) ?? value) : value;
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
