/**
 * Field builders: each returns a zod schema with the field's Chinese header (and, for enums, the
 * Chinese labels) as metadata beside it, plus the field's kind, which normalisation reads.
 */
import { z } from "zod";
import { isIsoDate } from "../calendar/calendar.js";
import type { Vocabulary } from "../vocabulary/enums.js";

/** The collections of the data model, in `data-model.md` order. */
export const COLLECTION_NAMES = [
  "cities",
  "counties",
  "townships",
  "villages",
  "villagePlans",
  "households",
  "units",
  "people",
  "villageAssignments",
  "residentCadres",
  "workTeamMembers",
  "householdAssignments",
  "visits",
  "meetings",
  "assessments",
  "acceptances",
  "reports",
] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];

/** How a cell of a field is read. */
export type FieldKind =
  | "id"
  | "string"
  | "ref"
  | "date"
  | "boolean"
  | "integer"
  | "enum"
  | "idNumber";

/** What the data model says of one field. */
export interface FieldSpec {
  name: string;
  /** The Chinese header offices write (`中文表头`). */
  header: string;
  kind: FieldKind;
  required: boolean;
  /** For `ref`: the collection it names (see `refBy` where that depends on the row). */
  ref?: CollectionName;
  /**
   * For a `ref` whose collection depends on another field of the row (reports' `regionId`: a
   * county for a unit list, a city for a cadre list): that field, and the collection each of its
   * values names. A value not listed names `ref`.
   */
  refBy?: { field: string; targets: Readonly<Record<string, CollectionName>> };
  /** For `enum`: the vocabulary. */
  vocabulary?: Vocabulary<string>;
  /** For `integer`: the least value allowed. */
  min?: number;
}

/**
 * The collection a reference names in a row: `refBy`'s choice by the row's other field, else
 * `ref`.
 * @example refTarget(reportsRegionId, { kind: "cadre_list" }) // "cities"
 */
export function refTarget(spec: FieldSpec, row: Readonly<Record<string, unknown>>): CollectionName {
  const by = spec.refBy;
  if (by) {
    const target = by.targets[String(row[by.field])];
    if (target) return target;
  }
  return spec.ref!;
}

/** A field: its spec and its zod schema. */
export interface Field<S extends z.ZodType> {
  spec: Omit<FieldSpec, "name">;
  schema: S;
}

const nonEmpty = () => z.string().min(1);

function make<S extends z.ZodType>(spec: Omit<FieldSpec, "name">, schema: S): Field<S> {
  return { spec, schema: schema.meta({ title: spec.header }) as S };
}

/** The row's id: a non-empty string. */
export const id = (header: string) => make({ header, kind: "id", required: true }, nonEmpty());

/** A required text field. */
export const text = (header: string) =>
  make({ header, kind: "string", required: true }, nonEmpty());
/** An optional text field. */
export const optionalText = (header: string) =>
  make({ header, kind: "string", required: false }, nonEmpty().optional());

/** A required reference to another collection's row. */
export const ref = (header: string, to: CollectionName) =>
  make({ header, kind: "ref", required: true, ref: to }, nonEmpty());
/**
 * A required reference whose collection depends on another field of the row: `targets[row[field]]`,
 * else `to`.
 */
export const refBy = (
  header: string,
  to: CollectionName,
  field: string,
  targets: Readonly<Record<string, CollectionName>>,
) => make({ header, kind: "ref", required: true, ref: to, refBy: { field, targets } }, nonEmpty());
/** An optional reference to another collection's row. */
export const optionalRef = (header: string, to: CollectionName) =>
  make({ header, kind: "ref", required: false, ref: to }, nonEmpty().optional());

const dateSchema = () => z.string().refine(isIsoDate, { message: "not a date (YYYY-MM-DD)" });
/** A required calendar date `YYYY-MM-DD`. */
export const date = (header: string) =>
  make({ header, kind: "date", required: true }, dateSchema());
/** An optional calendar date. */
export const optionalDate = (header: string) =>
  make({ header, kind: "date", required: false }, dateSchema().optional());

/** A required boolean (是/否, 1/0, true/false). */
export const bool = (header: string) =>
  make({ header, kind: "boolean", required: true }, z.boolean());
/** An optional boolean. */
export const optionalBool = (header: string) =>
  make({ header, kind: "boolean", required: false }, z.boolean().optional());

/** A required whole number ≥ min. */
export const integer = (header: string, min?: number) =>
  make(
    { header, kind: "integer", required: true, ...(min === undefined ? {} : { min }) },
    min === undefined ? z.number().int() : z.number().int().min(min),
  );
/** An optional whole number. */
export const optionalInteger = (header: string) =>
  make({ header, kind: "integer", required: false }, z.number().int().optional());

function enumSchema<V extends string>(vocab: Vocabulary<V>) {
  return z.enum(vocab.values).meta({ "x-labels-zh": vocab.labels });
}
/** A required enum: the English value (Chinese labels are normalised to it). */
export const oneOf = <V extends string>(header: string, vocab: Vocabulary<V>) =>
  make({ header, kind: "enum", required: true, vocabulary: vocab }, enumSchema(vocab));
/** An optional enum. */
export const optionalOneOf = <V extends string>(header: string, vocab: Vocabulary<V>) =>
  make({ header, kind: "enum", required: false, vocabulary: vocab }, enumSchema(vocab).optional());

/** An 18-character resident ID number: 17 digits and a digit or X. */
export const idNumber = (header: string) =>
  make(
    { header, kind: "idNumber", required: false },
    z
      .string()
      .regex(/^\d{17}[\dX]$/, { message: "not an 18-character resident ID number" })
      .optional(),
  );

// biome-ignore lint/suspicious/noExplicitAny: a map of heterogeneous fields
type Fields = Record<string, Field<any>>;

/** A conditional requirement: `field` must be present when `when(row)` holds. */
export interface Requirement {
  field: string;
  when: (row: Record<string, unknown>) => boolean;
  /** Why, in words: `{ zh: "人员类别为单位干部职工", en: "unit_staff" }`. */
  because: { zh: string; en: string };
}

/**
 * One grouping of a collection's rows in `DatasetIndex`: a field name groups the rows by that
 * field's value; `{ by: [a, b] }` by the values of several fields together (`acceptancesOf(village,
 * unit)`); `when` keeps only the rows it holds for (people's `unitId` groups staff, not everyone
 * with a unit). A row lacking a value of the key is in no group. One grouping per field list.
 */
export type IndexKey<K extends string = string> =
  | K
  | { by: K | readonly K[]; when?: (row: Record<string, unknown>) => boolean };

/** An `IndexKey` as the index reads it: its fields, and its name (the fields joined by `+`). */
export interface IndexSpec {
  name: string;
  fields: readonly string[];
  when: ((row: Record<string, unknown>) => boolean) | undefined;
}

/**
 * The name of the grouping by `fields`, as `IndexSpec.name`.
 * @example indexName(["villageId", "unitId"]) // "villageId+unitId"
 */
export const indexName = (fields: readonly string[]): string => fields.join("+");

function indexSpec(key: IndexKey): IndexSpec {
  if (typeof key === "string") return { name: key, fields: [key], when: undefined };
  const fields: readonly string[] = typeof key.by === "string" ? [key.by] : key.by;
  return { name: indexName(fields), fields, when: key.when };
}

/**
 * What the data model says of a collection beyond its fields; the loader's checks, the date
 * checks, the index and the partitions read it from here and nowhere else.
 */
export interface CollectionOptions<K extends string = string> {
  /** The collection must be present and non-empty (the regions every rule walks). */
  required?: boolean;
  /** The data model's conditional requirements ("required for …"). */
  requires?: readonly Requirement[];
  /** Date fields that record something that has happened: none may lie after the audit date. */
  happened?: readonly K[];
  /** The row's span: its end may not fall before its start. */
  span?: { start: K; end: K };
  /**
   * How a row finds its county, for partitions: the reference fields to follow, tried in order
   * (each names a collection that finds its own county the same way); `id` on the counties
   * themselves. A collection without it (cities) lies in no one county.
   */
  countyVia?: readonly K[];
  /**
   * The groupings `DatasetIndex` keeps of the rows, each one look-up per value instead of a scan
   * (`contractsOfVillage(id)` is villageAssignments' `villageId` grouping): see `IndexKey`.
   */
  indexBy?: readonly IndexKey<K>[];
  /**
   * Stored compactly, never as row objects (visits: tens of millions): a storage choice, the
   * checks are every collection's.
   */
  compact?: boolean;
}

/** A collection: its name, Chinese name, fields and row schema, and what else the model says. */
export interface Collection<F extends Fields = Fields> {
  name: CollectionName;
  /** The Chinese name (a sheet may be named so). */
  zh: string;
  /** Whether its rows carry an `id`. */
  hasId: boolean;
  fields: readonly FieldSpec[];
  schema: z.ZodObject<{ [K in keyof F]: F[K]["schema"] }>;
  required: boolean;
  requires: readonly Requirement[];
  happened: readonly string[];
  span: { start: string; end: string } | undefined;
  countyVia: readonly string[];
  indexBy: readonly IndexSpec[];
  compact: boolean;
}

/**
 * Declares a collection from its fields and the rest of what the data model says of it
 * (`CollectionOptions`).
 */
export function collection<const F extends Fields>(
  name: CollectionName,
  zh: string,
  fields: F,
  options: CollectionOptions<keyof F & string> = {},
): Collection<F> {
  const shape = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.schema])) as {
    [K in keyof F]: F[K]["schema"];
  };
  const specs = Object.entries(fields).map(([k, f]) => ({ name: k, ...f.spec }) as FieldSpec);
  return {
    name,
    zh,
    hasId: "id" in fields,
    fields: specs,
    schema: z.object(shape).meta({ title: zh }),
    required: options.required ?? false,
    requires: options.requires ?? [],
    happened: options.happened ?? [],
    span: options.span,
    countyVia: options.countyVia ?? [],
    indexBy: (options.indexBy ?? []).map(indexSpec),
    compact: options.compact ?? false,
  };
}
