import { defineRule } from "../rule.js";

const QUOTE = "确定一名事业心强、熟悉农村工作的干部常年驻村帮扶";

/** 二(三)4: the resident cadre is sent by a contracting unit of the village, from its staff. */
export const residentCadreFromContractingUnit = defineRule({
  id: "resident-cadre.from-contracting-unit",
  clause: "二(三)4",
  severity: "error",
  scope: "county",
  reads: {
    people: ["role", "unitId"],
    villageAssignments: ["endDate", "startDate", "unitId"],
    residentCadres: ["endDate", "personId", "selectedOn", "unitId", "villageId"],
  },
  quote: QUOTE,
  title: {
    zh: "驻村帮扶干部由包村帮扶单位从本单位干部职工中选派",
    en: "A resident cadre is sent by a responsible unit of the village, from its own staff",
  },
  interpretation: {
    zh: "派出单位须是核查基准日该村的包村帮扶单位；驻村帮扶干部须是派出单位的干部职工，以人员表所记单位为准",
    en: "The sending unit is a responsible unit of the village on the audit date; the cadre is staff of that unit as the people table records it",
  },
  messages: {
    default: {
      zh: `驻{related}的驻村帮扶干部{entity}的派出单位{unit}不是该村的包村帮扶单位。原文：“${QUOTE}”。`,
      en: `The resident cadre {entity} in {related} is sent by {unit}, which is not a responsible unit of the village ("${QUOTE}").`,
    },
    notStaff: {
      zh: `驻{related}的驻村帮扶干部{entity}不是派出单位{unit}的干部职工。原文：“${QUOTE}”。`,
      en: `The resident cadre {entity} in {related} is not staff of the sending unit {unit} ("${QUOTE}").`,
    },
  },
  *check(index, ctx) {
    for (const row of index.rows("residentCadres")) {
      if (!ctx.ok(row) || !ctx.isCurrent(row)) continue;
      const person = index.person(row.personId);
      if (!person) continue;
      const hit = {
        entity: { collection: "people", id: row.personId },
        related: [{ collection: "villages", id: row.villageId }],
        params: { unit: ctx.labels("units", row.unitId) },
      };
      if (!ctx.contractingUnits(row.villageId).some((u) => u.id === row.unitId)) {
        // The unit's own contract for the village, if it cannot be placed in time, might be current.
        const undatable = index
          .contractsOfVillage(row.villageId)
          .some((c) => c.unitId === row.unitId && !ctx.ok(c));
        if (!undatable) yield hit;
      } else if (!ctx.ok(person)) continue;
      else if (person.role !== "unit_staff" || person.unitId !== row.unitId)
        yield { ...hit, message: "notStaff" };
    }
  },
});
