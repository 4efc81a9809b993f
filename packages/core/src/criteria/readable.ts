/**
 * What a criterion reads besides its own rows: whether a field can be read, and rows by id. The
 * criteria are pure functions of rows, parameters and these two; `RuleContext` and `DatasetIndex`
 * answer them in the audit, the forms and the planners, and a test answers them with plain objects.
 */
import type { Person, Unit, Village } from "../schema/collections.js";

/**
 * Whether a row's fields can be read. A field a data check broke (a bad value, a date after
 * `asOf`, an end before its start) is a data finding, not a breach: a criterion that needs it does
 * not decide (no cascade). `RuleContext.ok` answers it with the audit's own checks.
 */
export interface Readable {
  /** Whether none of `fields` of `row` is broken. */
  ok(row: object, ...fields: string[]): boolean;
}

/** Rows by id, as `DatasetIndex` finds them. */
export interface RowsById {
  unit(id: string): Unit | undefined;
  village(id: string): Village | undefined;
  person(id: string): Person | undefined;
}
