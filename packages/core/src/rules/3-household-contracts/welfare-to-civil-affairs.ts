import { helperOf, villageOf } from "../../criteria/household-lookups.js";
import {
  isWelfareHousehold,
  mayHelpWelfareHousehold,
  welfareKnown,
} from "../../criteria/welfare-household.js";
import { defineRule } from "../rule.js";
import { householdRef, standing } from "./lookups.js";

/** 三(一): welfare households go to the township's civil-affairs officer or a village cadre. */
export const householdWelfareToCivilAffairs = defineRule({
  id: "household.welfare-to-civil-affairs",
  clause: "三(一)",
  severity: "warning",
  scope: "county",
  reads: {
    villages: ["townshipId"],
    households: ["attribute", "hasLaborCapacity", "villageId"],
    people: ["role", "townshipId", "unitId", "villageId"],
    householdAssignments: ["endDate", "personId", "startDate"],
  },
  quote: "贫困户中的五保户和无劳动能力的低保户原则上由所在乡(镇)的民政委员和村干部联系",
  title: {
    zh: "五保户和无劳动能力的低保户由所在乡（镇）的民政委员或本村村干部联系",
    en: "A welfare household is helped by its township's civil-affairs officer or a village cadre of its village",
  },
  interpretation: {
    zh: "“和”列举的是谁可以担任这一名帮扶责任人：所在乡（镇）的民政委员或本村村干部均可；所在乡（镇）的其他乡（镇）干部不是民政委员；所在村是否贫困村都适用。无劳动能力的低保户指贫困户属性为低保贫困户且无劳动能力的户；贫困户属性或劳动能力有误的，不作判断",
    en: '"和" names who may be the one helper: the township\'s civil-affairs officer or a village cadre of the village; another township cadre is not the civil-affairs officer; households of poor and non-poor villages alike. A dibao household counts when it has no labour capacity; a broken attribute or labour capacity is not judged',
  },
  messages: {
    default: {
      zh: "{entity}是{kind}，其帮扶责任人{related}是{who}，不是所在乡（镇）的民政委员或本村村干部。原文：“贫困户中的五保户和无劳动能力的低保户原则上由所在乡(镇)的民政委员和村干部联系”。",
      en: 'The helper {related} of {entity}, {kind}, is {who}, neither its township\'s civil-affairs officer nor a village cadre of its village ("贫困户中的五保户和无劳动能力的低保户原则上由所在乡(镇)的民政委员和村干部联系").',
    },
  },
  *check(index, ctx) {
    for (const household of index.rows("households")) {
      if (!welfareKnown(ctx, household) || !isWelfareHousehold(household)) continue;
      const rows = ctx.currentHelpers(household);
      if (rows.length === 0) continue;
      const village = villageOf(index, ctx, household);
      if (!village) continue;
      for (const row of rows) {
        const person = helperOf(index, ctx, row);
        if (!person) continue;
        // interpretation: "和" names who may be the one helper, either of them.
        if (mayHelpWelfareHousehold(person, village)) continue;
        yield {
          ...householdRef(household.id, person.id),
          params: {
            who: standing(index, person),
            kind:
              household.attribute === "wubao"
                ? { zh: "五保户", en: "a wubao household" }
                : { zh: "无劳动能力的低保户", en: "a dibao household without labour capacity" },
          },
        };
      }
    }
  },
});
