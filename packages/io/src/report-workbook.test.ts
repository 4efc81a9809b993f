import { audit, loadDataset } from "@shuangbao/core";
import { byId, compliantCounty, FIXTURE_AS_OF, ID } from "@shuangbao/core/testing";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { writeReportXlsx } from "./report-workbook.js";
import type { SourceStructure } from "./structure.js";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/** Every row of a sheet as its cell values, a merged range once (at its first column). */
function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const values: unknown[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master !== cell) continue;
      values.push(cell.value ?? undefined);
    }
    while (values.length > 0 && values[values.length - 1] === undefined) values.pop();
    out.push(values);
  }
  return out;
}

const STRUCTURE: SourceStructure[] = [
  {
    file: "岳西.xlsx",
    sheet: "贫困户信息表",
    collection: "households",
    recognisedBy: "headers",
    headerLine: 2,
    matched: [
      { header: "户编号", field: "id" },
      { header: "villageId", field: "villageId" },
    ],
    ignored: ["备注"],
    rows: 5,
  },
  { file: "岳西.xlsx", sheet: "Sheet3", matched: [], ignored: ["甲", "乙"], rows: 0 },
];

/** A dataset with a policy finding, a household without a helper and a column of bad dates. */
function faulty() {
  const d = compliantCounty();
  delete byId(d.units, ID.cityUnit).deputyId;
  d.householdAssignments = d.householdAssignments.filter((a) => a.householdId !== ID.h3);
  d.visits = d.visits.filter((v) => v.householdId !== ID.h3);
  for (const h of d.households) (h as Record<string, unknown>).planOn = "不详";
  return d;
}

async function report(lang: "zh" | "en" = "zh") {
  const index = loadDataset(faulty());
  const r = audit(index, { asOf: FIXTURE_AS_OF, parameters: { householdVisitsPerYear: 4 } });
  return writeReportXlsx(r, index, {
    lang,
    inputs: ["岳西.xlsx"],
    version: "1.2.3",
    overrides: { householdVisitsPerYear: 4 },
    structure: STRUCTURE,
  });
}

describe("the XLSX report", () => {
  it("has 说明, 汇总, 问题清单 and 读取情况, and the same bytes every time", async () => {
    const bytes = await report();
    expect(Buffer.from(bytes).equals(Buffer.from(await report()))).toBe(true);
    const workbook = await load(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "说明",
      "汇总",
      "问题清单",
      "读取情况",
    ]);
  });

  it("说明: 核查基准日, inputs, version, parameters with overrides and interpretations marked", async () => {
    const about = rowsOf((await load(await report())).getWorksheet("说明")!);
    const pair = (label: string) => about.find((r) => r[0] === label)?.[1];
    expect(pair("核查基准日")).toBe("2018年7月20日");
    expect(pair("输入文件")).toBe("岳西.xlsx");
    expect(pair("工具版本")).toBe("shuangbao 1.2.3");
    expect(String(pair("生成说明"))).toMatch(/^本报告由“双包”数据核查工具（版本1\.2\.3）/);
    expect(String(pair("问题总数"))).toMatch(/^截至2018年7月20日，共发现问题\d+项：不符合\d+项，/);
    const visits = about.find((r) => r[0] === "帮扶责任人每年入户走访次数")!;
    expect(visits.slice(1, 3)).toEqual(["4", "4"]);
    expect(visits[5]).toBe("已调整（参数文件）");
    expect(String(visits[6])).toMatch(/^是（/);
    const education = about.find((r) => r[0] === "选派干部最低学历")!;
    expect(education[1]).toBe("大专");
    expect(education[5]).toBeUndefined();
    const deadline = about.find((r) => r[0] === "包村帮扶单位名单上报截止日")!;
    expect(deadline[1]).toBe("2014年7月30日");
    expect(about.flat().join("\n")).not.toMatch(/\d{2}:\d{2}/); // no time stamp
  });

  it("汇总: counts by rule and by county, with coverage", async () => {
    const summary = rowsOf((await load(await report())).getWorksheet("汇总")!);
    const header = summary.find((r) => r[0] === "规则")!;
    expect(header).toEqual([
      "规则",
      "条款",
      "规则名称",
      "不符合",
      "需说明",
      "提示",
      "数据问题",
      "合计",
    ]);
    const deputy = summary.find((r) => r[0] === "unit.has-deputy")!;
    expect(deputy.slice(1, 4)).toEqual(["四2", expect.stringMatching(/分管负责人/), 1]);
    expect(deputy[7]).toBe(1);
    const data = summary.find((r) => r[0] === "data.invalid-field")!;
    expect(data[6]).toBe(5);
    const yuexi = summary.find((r) => r[1] === "岳西县")!;
    // 天堂村 and 莲塘村 poor, both contracted and with a resident cadre; 4 households, one without a helper.
    expect(yuexi.slice(0, 11)).toEqual(["安庆市", "岳西县", "是", 2, 2, 1, 2, 1, 4, 3, 0.75]);
    const huaining = summary.find((r) => r[1] === "怀宁县")!;
    expect(huaining.slice(2, 5)).toEqual(["否", 1, 1]);
    const total = summary[summary.length - 1]!;
    expect(total[0]).toBe("合计");
    expect(total.slice(1, 4)).toEqual([3, 3, 1]);
  });

  it("问题清单: grouped rows with place and unit, autofilter, frozen header, landscape A4", async () => {
    const workbook = await load(await report());
    const sheet = workbook.getWorksheet("问题清单")!;
    const rows = rowsOf(sheet);
    expect(rows[0]).toEqual([
      "类别",
      "规则",
      "条款",
      "规则名称",
      "市",
      "县（市、区）",
      "乡（镇）",
      "村",
      "帮扶单位",
      "对象",
      "说明",
      "文件",
      "工作表",
      "行号",
      "字段",
      "条数",
      "年度",
      "关联对象",
    ]);
    const helper = rows.find((r) => r[1] === "household.has-helper")!;
    expect(helper.slice(0, 10)).toEqual([
      "不符合",
      "household.has-helper",
      expect.any(String),
      expect.any(String),
      "安庆市",
      "岳西县",
      "天堂镇",
      "莲塘村",
      "安庆市农委",
      expect.stringMatching(/^天堂镇莲塘村贫困户.*（户编号：H-3）$/),
    ]);
    const dates = rows.filter((r) => r[1] === "data.invalid-field");
    expect(dates).toHaveLength(1);
    expect(dates[0]![0]).toBe("数据问题");
    expect(dates[0]![9]).toBe("贫困户（5行）");
    expect(dates[0]![14]).toBe("帮扶计划制定日期");
    expect(dates[0]![15]).toBe(5);
    expect(sheet.autoFilter).toBe("A1:R1");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToWidth: 1,
    });
    expect(sheet.pageSetup.printTitlesRow).toBe("1:1");
    const message = sheet.getColumn(11);
    expect(message.width).toBe(44);
    expect(sheet.getCell("K2").alignment).toMatchObject({ wrapText: true });
    // CJK counts double: 县（市、区） is 12 units wide.
    expect(sheet.getColumn(6).width).toBeGreaterThanOrEqual(14);
  });

  it("读取情况: each source read as a Chinese collection, header row, columns matched and ignored", async () => {
    const rows = rowsOf((await load(await report())).getWorksheet("读取情况")!);
    expect(rows[0]).toEqual([
      "文件",
      "工作表",
      "读作",
      "识别方式",
      "表头行",
      "匹配的列",
      "忽略的列",
      "行数",
      "编码",
    ]);
    expect(rows[1]).toEqual([
      "岳西.xlsx",
      "贫困户信息表",
      "贫困户",
      "按表头",
      2,
      "户编号、villageId（村代码）",
      "备注",
      5,
    ]);
    expect(rows[2]!.slice(0, 4)).toEqual(["岳西.xlsx", "Sheet3", "未识别（已忽略）", undefined]);
  });

  it("carries no English code in Chinese: severities, collections, fields, enum values", async () => {
    const workbook = await load(await report());
    const allowed = (v: string) =>
      /^[a-z-]+\.[a-z-]+$/.test(v) || // a rule id
      /\.(xlsx|csv)$/.test(v) || // a file name
      v.startsWith("shuangbao ") || // the tool's version
      v === "Sheet3" ||
      v === "户编号、villageId（村代码）"; // the user's own header, quoted
    for (const sheet of workbook.worksheets) {
      for (const row of rowsOf(sheet)) {
        for (const v of row ?? []) {
          if (typeof v !== "string" || allowed(v)) continue;
          expect(v, `${sheet.name}: ${v}`).not.toMatch(/[a-z]{2,}/);
        }
      }
    }
  });

  it("in English with lang en", async () => {
    const workbook = await load(await report("en"));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "About",
      "Summary",
      "Findings",
      "Sources",
    ]);
    const findings = rowsOf(workbook.getWorksheet("Findings")!);
    expect(findings[0]!.slice(0, 4)).toEqual(["category", "rule", "clause", "rule title"]);
    expect(findings.find((r) => r[1] === "unit.has-deputy")![0]).toBe("breach");
  });

  it("without findings, structure or index", async () => {
    const index = loadDataset(compliantCounty());
    const r = audit(index, { asOf: FIXTURE_AS_OF });
    const workbook = await load(
      await writeReportXlsx(r, undefined, { lang: "zh", inputs: [], version: "1.2.3" }),
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["说明", "汇总", "问题清单"]);
    const about = rowsOf(workbook.getWorksheet("说明")!);
    expect(about.find((row) => row?.[0] === "问题总数")![1]).toBe(
      "截至2018年7月20日，未发现问题。",
    );
  });
});
