/**
 * The loader's fast path: a row whose every cell is already clean is validated and normalised
 * here, field by field from the same field specs the zod schemas are built from, without zod.
 * Any row it is not sure of — a missing required field, an unreadable cell, an unknown column —
 * it declines (`undefined`), and the general path (normalisation, zod, findings in words) takes
 * it. A property test checks that what it accepts is exactly what the general path makes of it.
 */
import { isIsoDate } from "../calendar/calendar.js";
import { COLLECTIONS, REQUIREMENTS } from "./collections.js";
import type { CollectionName, FieldSpec } from "./fields.js";
import { isAbsent, normaliseCell, normaliseCode, ownString } from "./normalise.js";

const SPECS = new Map<
  CollectionName,
  { list: readonly FieldSpec[]; byName: ReadonlyMap<string, FieldSpec> }
>(
  Object.values(COLLECTIONS).map((c) => [
    c.name,
    { list: c.fields, byName: new Map(c.fields.map((f) => [f.name, f])) },
  ]),
);
const ID_NUMBER = /^\d{17}[\dX]$/;

function cell(spec: FieldSpec, value: unknown): unknown {
  switch (spec.kind) {
    case "id":
    case "ref": {
      // Codes are read by NFKC (full-width forms) exactly as the general path reads them.
      if (typeof value !== "string") return undefined;
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
 * The validated row, or `undefined` when the general path must judge it.
 * @example fastValidate("cities", { id: "340800", name: "安庆市" }) // { id: "340800", name: "安庆市" }
 */
export function fastValidate(
  collection: CollectionName,
  raw: Readonly<Record<string, unknown>>,
): Record<string, unknown> | undefined {
  const specs = SPECS.get(collection)!;
  for (const key in raw) if (!specs.byName.has(key)) return undefined;
  const out: Record<string, unknown> = {};
  for (const spec of specs.list) {
    const value = raw[spec.name];
    if (isAbsent(value)) {
      if (spec.required) return undefined;
      continue;
    }
    const v = cell(spec, value);
    if (v === undefined) return undefined;
    out[spec.name] = v;
  }
  for (const req of REQUIREMENTS[collection] ?? [])
    if (out[req.field] === undefined && req.when(out)) return undefined;
  return out;
}
