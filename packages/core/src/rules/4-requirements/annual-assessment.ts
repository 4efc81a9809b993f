import { defineRule } from "../rule.js";

/** 四3: a contracting unit is assessed for every calendar year of its contract. */
export const unitAnnualAssessment = defineRule({
  id: "unit.annual-assessment",
  clause: "四3",
  severity: "error",
  scope: "province",
  quote: "开展年度包扶工作情况考核",
  title: {
    zh: "开展年度包扶工作情况考核",
    en: "The unit is assessed every year of its contract",
  },
  interpretation: {
    zh: "每一行已开始的包村记录(现行或已结束)都计入:其在审计日之前、包村期间经过的每个12月31日所在年度都要有考核",
    en: "Every contract row that has started, current or ended, counts: each year whose 31 December falls within the contract and before the audit date needs an assessment",
  },
  messages: {
    default: {
      zh: "包村帮扶单位{entity}缺少{years}年度的包扶工作情况考核;要开展年度包扶工作情况考核",
      en: "Contracting unit {entity} has no assessment for {years}; its contract work must be assessed every year",
    },
  },
  *check(index, ctx) {
    const due = new Map<string, Set<number>>();
    const lastYear = Number(ctx.asOf.slice(0, 4));
    for (const row of index.rows("villageAssignments")) {
      const start = ctx.start(row);
      if (!ctx.ok(row, "unitId") || start === undefined || !ctx.hasStarted(row)) continue;
      // interpretation: an ended contract keeps the years it was current (the duty was due then).
      const years = due.get(row.unitId) ?? new Set<number>();
      for (let y = Number(start.slice(0, 4)); y <= lastYear; y++) {
        const dec31 = `${y}-12-31`;
        if (dec31 >= ctx.asOf || (row.endDate !== undefined && row.endDate <= dec31)) break;
        if (dec31 >= start) years.add(y);
      }
      due.set(row.unitId, years);
    }
    for (const [unitId, years] of due) {
      if (years.size === 0 || !index.unit(unitId)) continue;
      const assessed = new Set(
        index
          .assessmentsOfUnit(unitId)
          .filter((a) => ctx.ok(a, "year"))
          .map((a) => a.year),
      );
      const missing = [...years].filter((y) => !assessed.has(y)).sort((a, b) => a - b);
      if (missing.length > 0) yield { entity: { collection: "units", id: unitId }, years: missing };
    }
  },
});
