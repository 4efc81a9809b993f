import type { DatasetIndex } from "../../engine/dataset-index.js";
import type { Message } from "../../engine/findings.js";
import type { RuleContext } from "../../engine/rule-context.js";
import type { Person } from "../../schema/collections.js";
import { defineRule, type RuleHit } from "../rule.js";

const QUOTE = "贫困村和所在乡(镇)要指定专人协调、配合驻村干部开展工作";

/** Each role in prose, and the field of `people` that says where it serves. */
const ROLES = {
  unit_staff: { zh: "干部职工", en: "staff member", at: ["unitId", "units"] },
  township_cadre: { zh: "乡（镇）干部", en: "township cadre", at: ["townshipId", "townships"] },
  civil_affairs_officer: {
    zh: "民政委员",
    en: "civil-affairs officer",
    at: ["townshipId", "townships"],
  },
  village_cadre: { zh: "村干部", en: "village cadre", at: ["villageId", "villages"] },
  college_village_official: {
    zh: "大学生村官",
    en: "college-graduate village official",
    at: ["villageId", "villages"],
  },
} as const satisfies Record<Person["role"], unknown>;

/** What a person is, and where, in both languages: `莲塘村（…）的村干部`. */
function whoIs(index: DatasetIndex, ctx: RuleContext, person: Person): Message {
  const role = ROLES[person.role];
  const [field, collection] = role.at;
  const id = ctx.ok(person, field) ? person[field] : undefined;
  if (id === undefined) return { zh: role.zh, en: role.en };
  const where = index.labels(collection, id);
  return { zh: `${where.zh}的${role.zh}`, en: `${role.en} of ${where.en}` };
}

/** 四2: a contracted village and its township each name one of their own to coordinate. */
export const villageHasCoordinators = defineRule({
  id: "village.has-coordinators",
  clause: "四2",
  severity: "error",
  scope: "county",
  reads: {
    villages: ["coordinatorId", "townshipCoordinatorId", "townshipId"],
    people: ["role", "townshipId", "villageId"],
    villageAssignments: ["endDate", "startDate"],
  },
  quote: QUOTE,
  title: {
    zh: "贫困村和所在乡（镇）各指定本村、本乡（镇）的专人协调",
    en: "The village and its township each name one of their own as coordinator",
  },
  interpretation: {
    zh: "“指定专人”指各自指定自己的人：村协调人是本村的村干部或本村的大学生村官，乡（镇）协调人是本村所在乡（镇）的乡（镇）干部或民政委员；核查基准日在包的村都要指定",
    en: "Each designates one of its own: the village coordinator is a village cadre or college-graduate village official of the village, the township coordinator a township cadre or civil-affairs officer of its township; every village contracted on the audit date",
  },
  messages: {
    default: {
      zh: `{entity}未指定村协调人。原文：“${QUOTE}”。`,
      en: `{entity} names no village coordinator ("${QUOTE}").`,
    },
    notOwnVillage: {
      zh: `{entity}的村协调人{person}是{who}，不是本村的村干部或大学生村官。原文：“${QUOTE}”。`,
      en: `{entity}'s village coordinator {person} is a {who}, not a village cadre or college-graduate village official of the village ("${QUOTE}").`,
    },
    township: {
      zh: `{entity}未指定乡（镇）协调人。原文：“${QUOTE}”。`,
      en: `{entity} names no township coordinator ("${QUOTE}").`,
    },
    notOwnTownship: {
      zh: `{entity}的乡（镇）协调人{person}是{who}，不是本村所在乡（镇）{township}的乡（镇）干部。原文：“${QUOTE}”。`,
      en: `{entity}'s township coordinator {person} is a {who}, not a township cadre of its township {township} ("${QUOTE}").`,
    },
  },
  *check(index, ctx) {
    for (const village of index.rows("villages")) {
      if (!ctx.isContracted(village.id)) continue;
      const entity = { collection: "villages", id: village.id };
      // A coordinator whose reference or facts cannot be read is not judged (no-cascade).
      const coordinator = (
        field: "coordinatorId" | "townshipCoordinatorId",
        where: "villageId" | "townshipId",
      ) => {
        if (!ctx.ok(village, field)) return "broken" as const;
        const id = village[field];
        if (id === undefined) return undefined;
        const person = index.person(id);
        return person && ctx.ok(person, "role", where) ? person : "broken";
      };
      const hits: RuleHit[] = [];
      const own = coordinator("coordinatorId", "villageId");
      if (own === undefined) hits.push({ entity, field: "coordinatorId" });
      else if (
        own !== "broken" &&
        !ctx.isVillageCadreOf(own, village.id) &&
        !(own.role === "college_village_official" && own.villageId === village.id)
      )
        hits.push({
          entity,
          field: "coordinatorId",
          message: "notOwnVillage",
          params: { person: ctx.labels("people", own.id), who: whoIs(index, ctx, own) },
        });
      const township = coordinator("townshipCoordinatorId", "townshipId");
      if (township === undefined)
        hits.push({ entity, field: "townshipCoordinatorId", message: "township" });
      else if (
        township !== "broken" &&
        ctx.ok(village, "townshipId") &&
        !ctx.isTownshipCadreOf(township, village.townshipId)
      )
        hits.push({
          entity,
          field: "townshipCoordinatorId",
          message: "notOwnTownship",
          params: {
            person: ctx.labels("people", township.id),
            who: whoIs(index, ctx, township),
            township: ctx.labels("townships", village.townshipId),
          },
        });
      yield* hits;
    }
  },
});
