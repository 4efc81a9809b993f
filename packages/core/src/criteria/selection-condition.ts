/**
 * The shape of the selection conditions of 二(三)4 ("选派干部的具体条件为:中共党员、3年以上工作经历、
 * 大专以上学历、年龄一般在40周岁以下"), and how one is judged for a person: the `selected-cadre.*`
 * rules and the cadre register's 符合条件 columns read them the same way.
 */
import type { PolicyParameters } from "../params/parameters.js";
import type { Person } from "../schema/collections.js";
import type { Readable } from "./readable.js";

/** The `people` fields a selection condition reads. */
export type ConditionField = "partyMember" | "workStartDate" | "education" | "birthDate";

/** One selection condition: the field it reads and whether a recorded value meets it. */
export interface SelectionCondition<F extends ConditionField = ConditionField> {
  readonly field: F;
  /** Whether `value` meets the condition for a cadre selected on `selectedOn`. */
  meets(value: NonNullable<Person[F]>, selectedOn: string, params: PolicyParameters): boolean;
}

/**
 * A condition judged for a person selected on `selectedOn`: `undefined` when its field is broken
 * (the data finding stands for the cause), `"missing"` when it is not recorded (which fails a
 * selected cadre: rules.md "Who is who"), otherwise whether the value meets it.
 * @example judge(PARTY_MEMBER, person, "2014-07-20", params, ctx) // true, false, "missing" or undefined
 */
export function judge<F extends ConditionField>(
  condition: SelectionCondition<F>,
  person: Person,
  selectedOn: string,
  params: PolicyParameters,
  reads: Readable,
): boolean | "missing" | undefined {
  if (!reads.ok(person, condition.field)) return undefined;
  const value = person[condition.field];
  if (value === undefined || value === null) return "missing";
  return condition.meets(value as NonNullable<Person[F]>, selectedOn, params);
}
