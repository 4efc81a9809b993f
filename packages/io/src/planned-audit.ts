/**
 * What planning answers, in the CLI (`shuangbao plan`) and the API (`POST /v1/plan`) alike: the
 * proposed rows, the dataset they complete, and the audit of that dataset at the planning date.
 * An auditor asks of a plan whether, once applied, the data would comply: both answer it, from
 * this one function.
 */
import {
  type AuditReport,
  applyPlan,
  audit,
  type Dataset,
  type DatasetIndex,
  type HouseholdPlanOptions,
  type Plan,
  planAssignments,
} from "@shuangbao/core";

/** A plan, the dataset it completes, and that dataset's audit. */
export interface PlannedAudit {
  plan: Plan;
  /** The dataset with the plan's rows added (`applyPlan`). */
  completed: Dataset;
  /** The audit of `completed` at the planning date, by the parameters the plan was made with. */
  report: AuditReport;
}

/**
 * Plans the missing contracts and helpers, applies the plan and audits the result. Throws core's
 * `ConfigurationError` for a bad date or parameter.
 * @example const { plan, report } = planAndAudit(index, { asOf: "2018-07-20" });
 */
export function planAndAudit(index: DatasetIndex, options: HouseholdPlanOptions): PlannedAudit {
  const plan = planAssignments(index, options);
  const completed = applyPlan(index.toDataset(), plan);
  // The completed dataset is plain rows: the overrides the dataset carried are passed again, so
  // the audit judges by the parameters the plan was made with.
  const report = audit(completed, {
    asOf: options.asOf,
    parameters: { ...index.parameterOverrides, ...options.parameters },
  });
  return { plan, completed, report };
}
