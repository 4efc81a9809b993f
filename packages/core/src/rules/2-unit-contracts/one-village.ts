import { defineRule } from "../rule.js";

/** 二(三)4: a resident cadre lives in one village: at most one current row per person. */
export const residentCadreOneVillage = defineRule({
  id: "resident-cadre.one-village",
  clause: "二(三)4",
  severity: "error",
  // A province unit's cadre may be recorded in villages of two counties.
  scope: "province",
  quote: "常年驻村帮扶",
  title: {
    zh: "驻村帮扶干部只驻一个村",
    en: "A resident cadre lives in one village",
  },
  messages: {
    default: {
      zh: "{entity}同时是{related}和{others}的驻村帮扶干部;常年驻村帮扶,一人只能驻一个村",
      en: "{entity} is at once resident cadre of {related} and of {others}; a cadre living in a village year-round can serve only one",
    },
  },
  *check(index, ctx) {
    for (const person of index.rows("people")) {
      const villages = new Set<string>();
      for (const row of index.residentCadresOfPerson(person.id)) {
        if (ctx.ok(row, "villageId") && row.villageId !== undefined && ctx.isCurrent(row))
          villages.add(row.villageId);
      }
      if (villages.size < 2) continue;
      for (const villageId of villages) {
        const others = [...villages].filter((v) => v !== villageId);
        yield {
          entity: { collection: "people", id: person.id },
          related: [{ collection: "villages", id: villageId }],
          params: { others: others.map((v) => index.label("villages", v)).join("、") },
        };
      }
    }
  },
});
