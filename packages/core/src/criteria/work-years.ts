/**
 * 二(三)4, a selection condition: "3年以上工作经历" — at least `residentCadreMinWorkYears` whole
 * years from the work start date to the selection date ("以上" includes 3; rules.md "Time").
 */
import { wholeYears } from "../calendar/calendar.js";
import type { SelectionCondition } from "./selection-condition.js";

/**
 * The whole years of work from `workStartDate` to `date` (negative when work starts later).
 * @example workYearsAt("2011-07-20", "2014-07-20") // 3
 */
export const workYearsAt = (workStartDate: string, date: string): number =>
  wholeYears(workStartDate, date);

/**
 * At least `residentCadreMinWorkYears` whole years of work at `selectedOn`.
 * @example WORK_YEARS.meets("2011-07-20", "2014-07-20", params) // true: 3 years
 */
export const WORK_YEARS: SelectionCondition<"workStartDate"> = {
  field: "workStartDate",
  meets: (workStartDate, selectedOn, params) =>
    workYearsAt(workStartDate, selectedOn) >= params.residentCadreMinWorkYears,
};
