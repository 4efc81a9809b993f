import { describe, expect, it } from "vitest";
import { audit } from "../engine/audit.js";
import { loadDataset } from "../engine/loader.js";
import { byId, compliantCounty, FIXTURE_AS_OF, ID } from "../testing/fixture.js";
import { findingsTable } from "./findings-table.js";

describe("the findings table", () => {
  it("has one row per finding, with the entity's name and the message in the chosen language", () => {
    const d = compliantCounty();
    byId(d.units, ID.cityUnit).deputyId = undefined as never;
    delete byId(d.units, ID.cityUnit).deputyId;
    const index = loadDataset(d);
    const report = audit(index, { asOf: FIXTURE_AS_OF });
    const table = findingsTable(report, index, "en");
    const rows = [...table.rows];
    expect(rows).toHaveLength(report.findings.length);
    expect(rows[0]).toMatchObject({
      severity: "error",
      ruleId: "unit.has-deputy",
      clause: "四2",
      entityCollection: "units",
      entityId: ID.cityUnit,
      entityName: "安庆市农委",
    });
    expect(String(rows[0]!.message)).toMatch(/deputy/);
    expect(String([...findingsTable(report, index, "zh").rows][0]!.message)).toMatch(/分管负责人/);
  });
});
