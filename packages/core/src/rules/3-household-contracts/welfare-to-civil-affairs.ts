import { defineRule } from "../rule.js";
import { helperOf, householdRef, villageOf, welfareKnown } from "./lookups.js";

/** 三(一): welfare households go to the township's civil-affairs officer or a village cadre. */
export const householdWelfareToCivilAffairs = defineRule({
  id: "household.welfare-to-civil-affairs",
  clause: "三(一)",
  severity: "warning",
  scope: "county",
  quote: "贫困户中的五保户和无劳动能力的低保户原则上由所在乡(镇)的民政委员和村干部联系",
  title: {
    zh: "五保户和无劳动能力的低保户由乡(镇)民政委员或村干部联系",
    en: "Welfare households are helped by the township's civil-affairs officer or a village cadre",
  },
  interpretation: {
    zh: "“和”列举的是谁可以担任这一名帮扶责任人:所在乡(镇)的民政委员或本村村干部均可;其他乡(镇)干部不是民政委员",
    en: '"和" names who may be the one helper: the township\'s civil-affairs officer or a village cadre of the village; an ordinary township cadre is not the civil-affairs officer',
  },
  messages: {
    default: {
      zh: "五保户或无劳动能力的低保户{entity}的帮扶责任人{related}不是所在乡(镇)的民政委员或本村村干部;此类贫困户原则上由所在乡(镇)的民政委员和村干部联系",
      en: "The helper {related} of welfare household {entity} is neither its township's civil-affairs officer nor a village cadre of its village; such households are in principle helped by them",
    },
  },
  *check(index, ctx) {
    for (const household of index.rows("households")) {
      if (!welfareKnown(ctx, household) || !ctx.isWelfare(household)) continue;
      const rows = ctx.currentHelpers(household);
      if (rows.length === 0) continue;
      const village = villageOf(index, ctx, household);
      if (!village) continue;
      for (const row of rows) {
        const person = helperOf(index, ctx, row);
        if (!person) continue;
        // interpretation: "和" names who may be the one helper, either of them.
        const civilAffairs =
          person.role === "civil_affairs_officer" && person.townshipId === village.townshipId;
        if (civilAffairs || ctx.isVillageCadreOf(person, village.id)) continue;
        yield householdRef(household.id, person.id);
      }
    }
  },
});
