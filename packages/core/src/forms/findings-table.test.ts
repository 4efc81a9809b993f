import { describe, expect, it } from "vitest";
import { audit } from "../audit.js";
import type { AuditReport } from "../engine/audit.js";
import { loadDataset } from "../engine/loader.js";
import { byId, compliantCounty, FIXTURE_AS_OF, ID } from "../testing/fixture.js";
import { fieldName, findingPlace, findingsTable } from "./findings-table.js";

/** Columns whose values are ids, file names or messages, not words of ours. */
const ID_COLUMNS = new Set([
  "ruleId",
  "entityId",
  "relatedId",
  "file",
  "sheet",
  "message",
  "subject",
  "related",
]);

describe("the findings table", () => {
  it("has one row per finding, with the entity's name, place, unit and rule title", () => {
    const d = compliantCounty();
    delete byId(d.units, ID.cityUnit).deputyId;
    const index = loadDataset(d);
    const report = audit(index, { asOf: FIXTURE_AS_OF });
    const table = findingsTable(report, index, "en");
    const rows = [...table.rows];
    expect(rows).toHaveLength(report.findings.length);
    expect(rows[0]).toMatchObject({
      kind: "breach",
      severity: "error",
      ruleId: "unit.has-deputy",
      clause: "四2",
      ruleTitle: expect.stringMatching(/deputy/i),
      city: "安庆市",
      unit: "安庆市农委",
      entityCollection: "units",
      entityId: ID.cityUnit,
      entityName: "安庆市农委",
    });
    expect(String(rows[0]!.message)).toMatch(/deputy/);
    const zh = findingsTable(report, index, "zh");
    expect(zh.sheet).toBe("问题清单");
    const first = [...zh.rows][0]!;
    expect(String(first.message)).toMatch(/分管负责人/);
    expect(first).toMatchObject({
      kind: "不符合",
      severity: "不符合",
      entityCollection: "帮扶单位",
      ruleTitle: expect.stringMatching(/分管负责人/),
    });
  });

  it("keeps the API's leading columns and adds the place and the rule title", () => {
    const index = loadDataset(compliantCounty());
    const table = findingsTable(audit(index, { asOf: FIXTURE_AS_OF }), index, "zh");
    expect(table.columns.map((c) => c.header)).toEqual([
      "问题类别",
      "严重程度",
      "规则",
      "条款",
      "规则名称",
      "市",
      "县（市、区）",
      "乡（镇）",
      "村",
      "帮扶单位",
      "对象类型",
      "对象编号",
      "对象名称",
      "关联对象类型",
      "关联对象编号",
      "年度",
      "说明",
      "文件",
      "工作表",
      "行号",
      "字段",
    ]);
    expect(table.columns.map((c) => c.en)).toEqual([
      "kind",
      "severity",
      "ruleId",
      "clause",
      "rule title",
      "city",
      "county",
      "township",
      "village",
      "unit",
      "entity collection",
      "entity id",
      "entity name",
      "related collection",
      "related id",
      "years",
      "message",
      "file",
      "sheet",
      "line",
      "field",
    ]);
  });

  it("places a household's finding in its village, with the village's unit", () => {
    const d = compliantCounty();
    d.householdAssignments = d.householdAssignments.filter((a) => a.householdId !== ID.h1);
    d.visits = d.visits.filter((v) => v.householdId !== ID.h1);
    const index = loadDataset(d);
    const report = audit(index, { asOf: FIXTURE_AS_OF });
    const row = [...findingsTable(report, index, "zh").rows].find(
      (r) => r.entityId === ID.h1 && r.ruleId === "household.has-helper",
    );
    expect(row).toMatchObject({
      city: "安庆市",
      county: "岳西县",
      township: "天堂镇",
      village: "天堂村",
      unit: "省扶贫办",
      entityCollection: "贫困户",
    });
    const place = findingPlace(index, { entity: { collection: "villages", id: ID.v4 } });
    expect(place.county?.name).toBe("怀宁县");
    expect(place.units).toEqual([]);
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

  it("writes no English code in Chinese: collections, fields, severities, years", () => {
    const d = compliantCounty();
    (byId(d.households, ID.h1) as Record<string, unknown>).verifiedOn = "2014-13-45";
    (byId(d.households, ID.h2) as Record<string, unknown>).attribute = "poorest";
    delete byId(d.units, ID.cityUnit).deputyId;
    const index = loadDataset(d);
    const report = audit(index, { asOf: FIXTURE_AS_OF });
    for (const grouped of [false, true]) {
      const rows = [...findingsTable(report, index, "zh", { grouped }).rows];
      expect(rows.length).toBeGreaterThan(2);
      for (const row of rows) {
        for (const [key, value] of Object.entries(row)) {
          if (ID_COLUMNS.has(key) || typeof value !== "string") continue;
          expect(value, `${key}: ${value}`).not.toMatch(/[A-Za-z]{2,}/);
        }
      }
    }
    const invalid = [...findingsTable(report, index, "zh").rows].find(
      (r) => r.ruleId === "data.invalid-field" && r.entityId === ID.h1,
    );
    expect(invalid).toMatchObject({ field: "核实日期", severity: "错误", kind: "数据问题" });
    expect(fieldName("households", "verifiedOn", "en")).toBe("verifiedOn");
  });

  it("grouped: one row per group of like data findings, with the count and first lines", () => {
    const d = compliantCounty();
    for (const i of [6, 7, 8]) d.households.push({ ...byId(d.households, ID.h5), id: `H-${i}` });
    for (const h of d.households) (h as Record<string, unknown>).verifiedOn = "不详";
    const index = loadDataset(d);
    const audited = audit(index, { asOf: FIXTURE_AS_OF });
    let line = 1;
    const report: AuditReport = {
      ...audited,
      findings: audited.findings.map((f) =>
        f.ruleId === "data.invalid-field"
          ? { ...f, source: { file: "贫困户.csv", line: ++line } }
          : f,
      ),
    };
    const n = d.households.length;
    const rows = [...findingsTable(report, index, "zh", { grouped: true }).rows];
    const group = rows.find((r) => r.ruleId === "data.invalid-field")!;
    expect(group).toMatchObject({
      kind: "数据问题",
      count: n,
      subject: `贫困户（${n}行）`,
      field: "核实日期",
      file: "贫困户.csv",
      line: "2、3、4、5、6…",
    });
    expect(String(group.message)).toMatch(new RegExp(`（同类问题共${n}行：第2、3、4、5、6行等）$`));
    expect(rows.filter((r) => r.ruleId === "data.invalid-field")).toHaveLength(1);
    const en = [...findingsTable(report, index, "en", { grouped: true }).rows].find(
      (r) => r.ruleId === "data.invalid-field",
    )!;
    expect(String(en.message)).toMatch(/\(\d+ rows like this: lines 2, 3, 4, 5, 6, …\)$/);
    expect(rows.filter((r) => r.count === 1).every((r) => typeof r.line !== "string")).toBe(true);
  });
});
