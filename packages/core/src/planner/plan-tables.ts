/**
 * A plan's proposed rows as tables, with the `because` columns an office signs off: what the CLI
 * writes as `DIR/<collection>.csv|xlsx` and the API returns for CSV and XLSX.
 */
import type { Cell, Table } from "../forms/table.js";
import { COLLECTIONS } from "../schema/collections.js";
import type { Plan } from "./plan-assignments.js";

/** The tables a plan proposes rows for. */
export const PLAN_TABLES = ["villageAssignments", "householdAssignments"] as const;
export type PlanTableId = (typeof PLAN_TABLES)[number];

/**
 * The proposed rows of one collection as a table: the collection's fields, then 依据条款,
 * 安排理由 (zh) and Reason (en).
 * @example planTable(plan, "villageAssignments").rows.length === plan.rows.villageAssignments.length
 */
export function planTable(plan: Plan, collection: PlanTableId): Table {
  const c = COLLECTIONS[collection];
  return {
    id: collection,
    title: { zh: `拟${c.zh}安排`, en: `Proposed ${collection}` },
    sheet: c.zh,
    columns: [
      ...c.fields.map((f) => ({
        key: f.name,
        header: f.header,
        en: f.name,
        kind:
          f.kind === "date"
            ? ("date" as const)
            : f.kind === "boolean"
              ? ("boolean" as const)
              : ("text" as const),
      })),
      { key: "becauseClause", header: "依据条款", en: "because.clause" },
      { key: "becauseZh", header: "安排理由", en: "because.zh" },
      { key: "becauseEn", header: "安排理由（英文）", en: "because.en" },
    ],
    rows: plan.rows[collection].map(
      ({ because, ...row }): Record<string, Cell> => ({
        ...(row as Record<string, Cell>),
        becauseClause: because.clause,
        becauseZh: because.zh,
        becauseEn: because.en,
      }),
    ),
  };
}
