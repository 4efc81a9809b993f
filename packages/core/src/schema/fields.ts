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
  /** For `ref`: the collection it names (reports' `regionId` depends on the row's kind). */
  ref?: CollectionName;
  /** For `enum`: the vocabulary. */
  vocabulary?: Vocabulary<string>;
  /** For `integer`: the least value allowed. */
  min?: number;
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

/** A collection: its name, Chinese name, fields and row schema. */
export interface Collection<F extends Fields = Fields> {
  name: CollectionName;
  /** The Chinese name (a sheet may be named so). */
  zh: string;
  /** Whether its rows carry an `id`. */
  hasId: boolean;
  fields: readonly FieldSpec[];
  schema: z.ZodObject<{ [K in keyof F]: F[K]["schema"] }>;
}

/**
 * Declares a collection from its fields; `refine` adds the data model's conditional
 * requirements (e.g. `unitId` for unit staff) as issues on the field.
 */
export function collection<const F extends Fields>(
  name: CollectionName,
  zh: string,
  fields: F,
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
  };
}

/** A conditional requirement: `field` must be present when `when(row)` holds. */
export interface Requirement {
  field: string;
  when: (row: Record<string, unknown>) => boolean;
  /** Why, in words: `{ zh: "人员类别为单位干部职工", en: "unit_staff" }`. */
  because: { zh: string; en: string };
}
