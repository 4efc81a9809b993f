import { ID } from "@shuangbao/core/testing";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { compliantCounty, FIXTURE_AS_OF, postJson, testApp, XLSX } from "../test-helpers.js";

const withoutHelper = () => {
  const d = compliantCounty();
  d.householdAssignments = d.householdAssignments.filter((a) => a.householdId !== ID.h1);
  return d;
};

describe("POST /v1/plan", () => {
  it("returns the plan as JSON, each row with its reason", async () => {
    const { app } = testApp();
    const res = await app.request(`/v1/plan?asOf=${FIXTURE_AS_OF}`, postJson(withoutHelper()));
    expect(res.status).toBe(200);
    const plan = (await res.json()) as {
      rows: {
        householdAssignments: { householdId: string; because: { clause: string } }[];
        villageAssignments: unknown[];
      };
      unresolved: unknown[];
    };
    expect(plan.rows.villageAssignments).toEqual([]);
    expect(plan.rows.householdAssignments.map((r) => [r.householdId, r.because.clause])).toEqual([
      [ID.h1, "三(一)"],
    ]);
    expect(plan.unresolved).toEqual([]);
  });

  it("audits the dataset the plan completes, as the CLI's plan does", async () => {
    const { app } = testApp();
    const res = await app.request(`/v1/plan?asOf=${FIXTURE_AS_OF}`, postJson(withoutHelper()));
    const { audit } = (await res.json()) as {
      audit: { asOf: string; summary: { error: number; byRule: Record<string, number> } };
    };
    expect(audit.asOf).toBe(FIXTURE_AS_OF);
    // The office records the proposed helper after sign-off: until then the audit says so.
    expect(audit.summary.byRule).toEqual({ "household.helper-recorded": 1 });
    expect(audit.summary.error).toBe(1);
    const csv = await app.request(
      `/v1/plan?asOf=${FIXTURE_AS_OF}&table=householdAssignments`,
      postJson(withoutHelper(), { Accept: "text/csv" }),
    );
    expect(csv.headers.get("X-Plan-Audit")).toBe("error=1, warning=0, info=0");
  });

  it("returns the table named by ?table as CSV, and needs it", async () => {
    const { app } = testApp();
    const csv = await app.request(
      `/v1/plan?asOf=${FIXTURE_AS_OF}&table=householdAssignments`,
      postJson(withoutHelper(), { Accept: "text/csv" }),
    );
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain(ID.h1);
    const missing = await app.request(
      `/v1/plan?asOf=${FIXTURE_AS_OF}`,
      postJson(withoutHelper(), { Accept: "text/csv" }),
    );
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { part: string }).part).toBe("query.table");
  });

  it("returns one sheet per table as XLSX", async () => {
    const { app } = testApp();
    const res = await app.request(
      `/v1/plan?asOf=${FIXTURE_AS_OF}`,
      postJson(withoutHelper(), { Accept: XLSX }),
    );
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["单位包村", "干部包户"]);
  });

  it("refuses a bad asOf with 400", async () => {
    const { app } = testApp();
    expect(
      (await app.request("/v1/plan?asOf=2015-02-30", postJson(compliantCounty()))).status,
    ).toBe(400);
  });
});
