import { joinMessages } from "../../engine/findings.js";
import { defineRule } from "../rule.js";

/** 二(三)4: a resident cadre lives in one village: at most one current row per person. */
export const residentCadreOneVillage = defineRule({
  id: "resident-cadre.one-village",
  clause: "二(三)4",
  severity: "error",
  // A province unit's cadre may be recorded in villages of two counties.
  scope: "province",
  reads: {
    residentCadres: ["endDate", "selectedOn", "villageId"],
  },
  quote: "常年驻村帮扶",
  title: {
    zh: "一名驻村帮扶干部只驻一个村",
    en: "A resident cadre lives in one village",
  },
  interpretation: {
    zh: "“常年驻村”指同一时间只驻一个村：一人在核查基准日只能是一个村在任的驻村帮扶干部",
    en: "Living in a village year-round means one village at a time: on the audit date a person is the current resident cadre of at most one village",
  },
  messages: {
    default: {
      zh: "{entity}在核查基准日同时是{related}和{others}在任的驻村帮扶干部。原文：“常年驻村帮扶”。",
      en: '{entity} is at once the current resident cadre of {related} and of {others} ("常年驻村帮扶").',
    },
  },
  *check(index, ctx) {
    for (const person of index.rows("people")) {
      const villages = new Set<string>();
      for (const row of index.residentCadresOfPerson(person.id)) {
        if (ctx.ok(row) && row.villageId !== undefined && ctx.isCurrent(row))
          villages.add(row.villageId);
      }
      if (villages.size < 2) continue;
      for (const villageId of villages) {
        const others = [...villages].filter((v) => v !== villageId);
        yield {
          entity: { collection: "people", id: person.id },
          related: [{ collection: "villages", id: villageId }],
          params: { others: joinMessages(others.map((v) => ctx.labels("villages", v))) },
        };
      }
    }
  },
});
