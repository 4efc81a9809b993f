import { wholeYears } from "../../calendar/calendar.js";
import { defineRule } from "../rule.js";
import { selectedCadres } from "./selected-cadres.js";

/** 二(三)4: a selected cadre is, as a rule, at most 40 whole years old when selected. */
export const selectedCadreAge = defineRule({
  id: "selected-cadre.age",
  clause: "二(三)4",
  severity: "warning",
  scope: "county",
  quote: "年龄一般在40周岁以下",
  title: {
    zh: "选派干部年龄一般在40周岁以下",
    en: "A selected cadre is, as a rule, 40 or younger",
  },
  messages: {
    default: {
      zh: "选派干部{entity}(驻{related})于{selectedOn}选派时{age}周岁,超过{max}周岁;选派干部年龄一般在{max}周岁以下,超过须说明理由",
      en: "Selected cadre {entity} in {related} was {age} when selected on {selectedOn}, older than {max}; a selected cadre is as a rule {max} or younger, and an exception needs a reason",
    },
    missing: {
      zh: "选派干部{entity}(驻{related})未填写出生日期;选派干部年龄一般在{max}周岁以下",
      en: "Selected cadre {entity} in {related} has no birth date recorded; a selected cadre is as a rule {max} or younger",
    },
  },
  *check(index, ctx) {
    const max = ctx.params.residentCadreMaxAge;
    for (const { row, person, hit } of selectedCadres(index, ctx)) {
      if (!ctx.ok(person, "birthDate")) continue;
      if (person.birthDate === undefined) {
        yield { ...hit, message: "missing", params: { max } };
        continue;
      }
      // "40周岁以下" includes 40: whole years at selectedOn above the maximum fail.
      const age = wholeYears(person.birthDate, row.selectedOn);
      if (age > max) yield { ...hit, params: { age, max, selectedOn: row.selectedOn } };
    }
  },
});
