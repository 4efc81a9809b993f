import { AGE_LIMIT, ageAt } from "../../criteria/age-limit.js";
import { judge } from "../../criteria/selection-condition.js";
import { defineRule } from "../rule.js";
import { selectedCadres, selectedInterpretation } from "./selected-cadres.js";

const QUOTE = "年龄一般在40周岁以下";

/** 二(三)4: a selected cadre is, as a rule, at most 40 whole years old when selected. */
export const selectedCadreAge = defineRule({
  id: "selected-cadre.age",
  clause: "二(三)4",
  severity: "warning",
  scope: "county",
  reads: {
    units: ["category", "civilServantManaged"],
    people: ["birthDate"],
    residentCadres: ["endDate", "personId", "selected", "selectedOn", "unitId", "villageId"],
  },
  quote: QUOTE,
  title: {
    zh: "选派干部年龄一般在40周岁以下",
    en: "A dispatched cadre is, as a rule, 40 or younger",
  },
  interpretation: selectedInterpretation({
    zh: "年龄按出生日期至选派日期的整年数计，“40周岁以下”含40周岁；未填写出生日期的也列为需说明",
    en: "Age is whole years from the birth date to the selection date, 40 included; a dispatched cadre without a birth date needs an explanation",
  }),
  messages: {
    default: {
      zh: `驻{related}的选派干部{entity}于{selectedOn}选派时{age}周岁，超过{max}周岁，需说明理由。原文：“${QUOTE}”。`,
      en: `The dispatched cadre {entity} in {related} was {age} when selected on {selectedOn}, older than {max}; the exception needs a reason ("${QUOTE}").`,
    },
    missing: {
      zh: `驻{related}的选派干部{entity}未填写出生日期，不能确认年龄在{max}周岁以下。原文：“${QUOTE}”。`,
      en: `The dispatched cadre {entity} in {related} has no birth date recorded, so cannot be shown to be {max} or younger ("${QUOTE}").`,
    },
  },
  *check(index, ctx) {
    const max = ctx.params.residentCadreMaxAge;
    for (const { row, person, hit } of selectedCadres(index, ctx)) {
      // "40周岁以下" includes 40: whole years at selectedOn above the maximum fail.
      const verdict = judge(AGE_LIMIT, person, row.selectedOn, ctx.params, ctx);
      if (verdict === "missing") yield { ...hit, message: "missing", params: { max } };
      else if (verdict === false) {
        const age = ageAt(person.birthDate!, row.selectedOn);
        yield { ...hit, params: { age, max, selectedOn: row.selectedOn } };
      }
    }
  },
});
