import {
  audit,
  COLLECTION_NAMES,
  COLLECTIONS,
  type CollectionName,
  type FieldSpec,
} from "@shuangbao/core";
import { compliantCounty, FIXTURE_AS_OF } from "@shuangbao/core/testing";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readDatasetFromBytes } from "./read.js";
import { TEMPLATE_NOTES_SHEET, TEMPLATE_ROWS, writeTemplateXlsx } from "./template.js";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

const validationOf = (sheet: ExcelJS.Worksheet, address: string) =>
  (
    sheet as unknown as { dataValidations: { find(a: string): ExcelJS.DataValidation | undefined } }
  ).dataValidations.find(address);

/** What a clerk types into a cell of a field: text as text, real dates, labels, 是/否, numbers. */
function typed(f: FieldSpec, v: unknown): ExcelJS.CellValue {
  if (v === undefined || v === null) return null;
  switch (f.kind) {
    case "date":
      return new Date(`${String(v)}T00:00:00Z`);
    case "boolean":
      return v ? "是" : "否";
    case "enum":
      return (f.vocabulary!.labels as Record<string, string>)[String(v)] ?? String(v);
    case "integer":
      return Number(v);
    default:
      return String(v);
  }
}

describe("the data template", () => {
  it("has 填表说明 and a sheet per collection with Chinese names and headers", async () => {
    const workbook = await load(await writeTemplateXlsx());
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      TEMPLATE_NOTES_SHEET,
      ...COLLECTION_NAMES.map((c) => COLLECTIONS[c].zh),
    ]);
    for (const c of COLLECTION_NAMES) {
      const sheet = workbook.getWorksheet(COLLECTIONS[c].zh)!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(
        COLLECTIONS[c].fields.map((f) => f.header),
      );
    }
    const notes = workbook.getWorksheet(TEMPLATE_NOTES_SHEET)!;
    const text: string[] = [];
    notes.eachRow((row) => {
      text.push((row.values as unknown[]).slice(1).join("|"));
    });
    const all = text.join("\n");
    expect(all).toContain(
      "贫困户|贫困户属性|必填|选项|从下拉列表选择：一般贫困户、低保贫困户、五保贫困户",
    );
    expect(all).toContain(
      "人员|所在单位|人员类别为单位干部职工时必填|编号（文本）|须为“帮扶单位”表中已有的单位编号",
    );
    expect(all).toContain("贫困户|核实日期|选填|日期|日期，如2014-07-30");
    expect(all).not.toMatch(/[a-z]{3,}/); // no English codes in the Chinese instructions
  });

  it("formats id columns as text, dates as dates, and validates dates, enums and 是/否", async () => {
    const workbook = await load(await writeTemplateXlsx());
    const households = workbook.getWorksheet("贫困户")!;
    const col = (header: string) =>
      (households.getRow(1).values as unknown[]).indexOf(header) as number;
    const letter = (n: number) => String.fromCharCode(64 + n);
    expect(households.getColumn(col("户编号")).numFmt).toBe("@");
    expect(households.getColumn(col("户主身份证号")).numFmt).toBe("@");
    expect(households.getColumn(col("村代码")).numFmt).toBe("@");
    expect(households.getColumn(col("核实日期")).numFmt).toBe("yyyy-mm-dd");
    expect(validationOf(households, `${letter(col("核实日期"))}2`)).toMatchObject({ type: "date" });
    expect(
      validationOf(households, `${letter(col("贫困户属性"))}${TEMPLATE_ROWS + 1}`),
    ).toMatchObject({ type: "list", formulae: ['"一般贫困户,低保贫困户,五保贫困户"'] });
    expect(validationOf(households, `${letter(col("是否有劳动能力"))}2`)).toMatchObject({
      type: "list",
      formulae: ['"是,否"'],
    });
    expect(validationOf(households, `${letter(col("家庭人口"))}2`)).toMatchObject({
      type: "whole",
      formulae: [1],
    });
    expect(households.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  it("gives the same bytes every time", async () => {
    expect(
      Buffer.from(await writeTemplateXlsx()).equals(Buffer.from(await writeTemplateXlsx())),
    ).toBe(true);
  });

  it("filled in with the compliant fixture as a clerk would, reads back with no data finding", async () => {
    const workbook = await load(await writeTemplateXlsx());
    const data = compliantCounty();
    for (const c of COLLECTION_NAMES) {
      const sheet = workbook.getWorksheet(COLLECTIONS[c].zh)!;
      const fields = COLLECTIONS[c].fields;
      let r = 1;
      for (const row of data[c as CollectionName] as unknown as Record<string, unknown>[]) {
        r++;
        fields.forEach((f, i) => {
          const v = typed(f, row[f.name]);
          if (v !== null) sheet.getCell(r, i + 1).value = v;
        });
      }
    }
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());
    const index = await readDatasetFromBytes(filled, { name: "双包数据模板.xlsx" });
    const report = audit(index, { asOf: FIXTURE_AS_OF });
    expect(report.findings.filter((f) => f.ruleId.startsWith("data."))).toEqual([]);
    expect(report.findings).toEqual([]);
    expect(index.rows("households").length).toBe(data.households.length);
    expect(index.person(data.people[0]!.id)).toEqual(data.people[0]);
  }, 60_000);
});
