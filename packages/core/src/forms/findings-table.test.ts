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
    const zh = findingsTable(report, index, "zh");
    expect(zh.sheet).toBe("问题清单");
    expect(String([...zh.rows][0]!.message)).toMatch(/分管负责人/);
    expect([...zh.rows][0]!.kind).toBe("不符合");
    expect(rows[0]!.kind).toBe("breach");
  });

  it("labels data findings 数据问题 and warnings 需说明, whatever the severity", () => {
    const d = compliantCounty();
    d.units.push({ ...byId(d.units, ID.cityUnit) }); // a duplicate id: a data error
    byId(d.units, ID.cityUnit).staffSize = 5; // a pool is fine; nothing else changes
    d.villageAssignments.push({ villageId: ID.v2, unitId: ID.countyUnit, startDate: "2014-07-15" });
    const index = loadDataset(d);
    const report = audit(index, { asOf: FIXTURE_AS_OF });
    const kinds = new Map(
      [...findingsTable(report, index, "zh").rows].map((r) => [r.ruleId, r.kind]),
    );
    expect(kinds.get("data.duplicate-id")).toBe("数据问题");
    expect(kinds.get("village.pool-small-units")).toBe("需说明");
  });
});
