import { defineRule } from "../rule.js";

/** 二(三)4: the resident cadre is sent by a contracting unit of the village, from its staff. */
export const residentCadreFromContractingUnit = defineRule({
  id: "resident-cadre.from-contracting-unit",
  clause: "二(三)4",
  severity: "error",
  scope: "county",
  quote: "确定一名事业心强、熟悉农村工作的干部常年驻村帮扶",
  title: {
    zh: "驻村帮扶干部由包村单位从本单位干部中确定",
    en: "A resident cadre comes from the staff of a contracting unit",
  },
  messages: {
    default: {
      zh: "驻村帮扶干部{entity}(驻{related})的派出单位{unit}不是该村的包村帮扶单位;驻村干部由包村单位确定",
      en: "Resident cadre {entity} in {related} is sent by {unit}, which does not contract that village; the contracting unit names the resident cadre",
    },
    notStaff: {
      zh: "驻村帮扶干部{entity}(驻{related})不是派出单位{unit}的干部职工;包村单位要从本单位确定驻村干部",
      en: "Resident cadre {entity} in {related} is not staff of the sending unit {unit}; the contracting unit sends one of its own cadres",
    },
  },
  *check(index, ctx) {
    for (const row of index.rows("residentCadres")) {
      if (!ctx.ok(row, "personId", "villageId", "unitId") || !ctx.isCurrent(row)) continue;
      const person = index.person(row.personId);
      if (!person) continue;
      const hit = {
        entity: { collection: "people", id: row.personId },
        related: [{ collection: "villages", id: row.villageId }],
        params: { unit: index.label("units", row.unitId) },
      };
      if (!ctx.contractingUnits(row.villageId).some((u) => u.id === row.unitId)) yield hit;
      else if (!ctx.ok(person, "role", "unitId")) continue;
      else if (person.role !== "unit_staff" || person.unitId !== row.unitId)
        yield { ...hit, message: "notStaff" };
    }
  },
});
