import { applyPlan, audit, loadDataset, planAssignments } from "@shuangbao/core";
import { compliantCounty, FIXTURE_AS_OF, ID } from "@shuangbao/core/testing";
import { describe, expect, it } from "vitest";
import { planAndAudit } from "./planned-audit.js";

const withoutHelper = () => {
  const d = compliantCounty();
  d.householdAssignments = d.householdAssignments.filter((a) => a.householdId !== ID.h1);
  return d;
};

describe("planAndAudit", () => {
  it("is the plan, the dataset it completes and that dataset's audit", () => {
    const index = loadDataset(withoutHelper());
    const { plan, completed, report } = planAndAudit(index, { asOf: FIXTURE_AS_OF });
    expect(plan).toEqual(planAssignments(index, { asOf: FIXTURE_AS_OF }));
    expect(completed).toEqual(applyPlan(index.toDataset(), plan));
    expect(report).toEqual(audit(completed, { asOf: FIXTURE_AS_OF }));
    expect(report.summary.byRule).toEqual({ "household.helper-recorded": 1 });
  });

  it("audits by the parameters the plan was made with, the dataset's own included", () => {
    const index = loadDataset({ ...withoutHelper(), parameters: { householdVisitsPerYear: 9 } });
    const { report } = planAndAudit(index, { asOf: FIXTURE_AS_OF, parameters: { termYears: 5 } });
    expect(report.policy.parameters.householdVisitsPerYear).toBe(9);
    expect(report.policy.parameters.termYears).toBe(5);
  });
});
