/**
 * 二(三)4, a selection condition: "大专以上学历" — at least `residentCadreMinEducation` (大专, an
 * associate degree, included).
 */
import { compareEducation } from "../vocabulary/enums.js";
import type { SelectionCondition } from "./selection-condition.js";

/**
 * At least `residentCadreMinEducation`.
 * @example EDUCATION.meets("associate", "2014-07-20", params) // true
 */
export const EDUCATION: SelectionCondition<"education"> = {
  field: "education",
  meets: (education, _selectedOn, params) =>
    compareEducation(education, params.residentCadreMinEducation) >= 0,
};
