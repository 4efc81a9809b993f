import { describe, expect, it } from "vitest";
import { compliantCounty, ID } from "../testing/fixture.js";
import { planAssignments } from "./plan-assignments.js";
import { planTable } from "./plan-tables.js";

describe("planTable", () => {
  it("lists each proposed row with its clause and reasons in both languages", () => {
    const d = compliantCounty();
    d.householdAssignments = d.householdAssignments.filter((a) => a.householdId !== ID.h1);
    const plan = planAssignments(d, { asOf: "2018-07-20" });
    const table = planTable(plan, "householdAssignments");
    expect(table.columns.map((c) => c.header)).toEqual([
      "户编号",
      "帮扶责任人",
      "开始日期",
      "结束日期",
      "已填入贫困户登记表",
      "已填入扶贫手册",
      "依据条款",
      "安排理由",
      "Reason",
    ]);
    const rows = [...table.rows];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      householdId: ID.h1,
      startDate: "2018-07-20",
      recordedInRegister: false,
      becauseClause: "三(一)",
    });
    expect(String(rows[0]!.becauseZh)).toMatch(/[\u4e00-\u9fff]/);
  });
});
