/**
 * 二(三)4, a selection condition: "年龄一般在40周岁以下" — at most `residentCadreMaxAge` whole years
 * old at the selection date ("40周岁以下" includes 40; rules.md "Time").
 */
import { wholeYears } from "../calendar/calendar.js";
import type { SelectionCondition } from "./selection-condition.js";

/**
 * Age in whole years (周岁) on `date`.
 * @example ageAt("1974-07-20", "2014-07-20") // 40
 */
export const ageAt = (birthDate: string, date: string): number => wholeYears(birthDate, date);

/**
 * At most `residentCadreMaxAge` whole years old at `selectedOn`.
 * @example AGE_LIMIT.meets("1974-07-20", "2014-07-20", params) // true: 40 is within "40周岁以下"
 */
export const AGE_LIMIT: SelectionCondition<"birthDate"> = {
  field: "birthDate",
  meets: (birthDate, selectedOn, params) =>
    ageAt(birthDate, selectedOn) <= params.residentCadreMaxAge,
};
