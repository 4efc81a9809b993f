import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { buffer } from "node:stream/consumers";
import { buildForm, FORMS, loadDataset, type Table } from "@shuangbao/core";
import { compliantCounty, FIXTURE_AS_OF } from "@shuangbao/core/testing";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { tableToCsv } from "./csv-writer.js";
import { writeDatasetXlsx } from "./dataset-writer.js";
import { writeTablesXlsx } from "./xlsx-file.js";
import { headerWidth, linesIn, textWidth, writeFormsXlsx } from "./xlsx-writer.js";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

async function tablesBytes(tables: Table[], maxRowsPerSheet?: number): Promise<Uint8Array> {
  const sink = new PassThrough();
  const bytes = buffer(sink);
  await writeTablesXlsx(tables, sink, maxRowsPerSheet ? { maxRowsPerSheet } : {});
  return new Uint8Array(await bytes);
}

const TABLE: Table = {
  id: "t",
  sheet: "表",
  columns: [
    { key: "name", header: "名称", en: "name" },
    { key: "n", header: "数", en: "n", kind: "number" },
    { key: "on", header: "日期", en: "date", kind: "date" },
    { key: "ok", header: "是否", en: "ok", kind: "boolean" },
  ],
  rows: [
    { name: "安徽省岳西县天堂镇天堂村村民委员会", n: 3, on: "2014-07-30", ok: true },
    { name: "=1+1", n: 4, on: "2015-01-01", ok: false },
  ],
};

describe("widths and lines", () => {
  it("counts CJK characters double", () => {
    expect(textWidth("村代码")).toBe(6);
    expect(textWidth("abc")).toBe(3);
    expect(textWidth("县（市、区）")).toBe(12);
  });

  it("wraps CJK anywhere but keeps a run of digits whole", () => {
    expect(linesIn("一二三四五", 11)).toBe(1);
    expect(linesIn("一二三四五六", 11)).toBe(2);
    expect(linesIn("户编号：340828104200017", 12)).toBe(3);
    expect(linesIn("甲\n乙", 20)).toBe(2);
  });

  it("lets a long header take two lines", () => {
    expect(headerWidth("序号")).toBe(6);
    expect(headerWidth("五保户和无劳动能力低保户数")).toBe(15);
  });
});

describe("writeTablesXlsx", () => {
  it("writes a frozen header with an autofilter, widths from the content, dates and 是/否", async () => {
    const workbook = await load(await tablesBytes([TABLE]));
    const sheet = workbook.getWorksheet("表")!;
    expect(sheet.autoFilter).toBe("A1:D1");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(textWidth("安徽省岳西县天堂镇天堂村村民委员会") + 2);
    expect(sheet.getCell("C2").value).toEqual(new Date("2014-07-30T00:00:00Z"));
    expect(sheet.getCell("D2").value).toBe("是");
    expect(sheet.getCell("A3").value).toBe("'=1+1");
  });

  it("continues a long table on `name (2)` and gives the same bytes every time", async () => {
    const bytes = await tablesBytes([TABLE], 1);
    expect(Buffer.from(bytes).equals(Buffer.from(await tablesBytes([TABLE], 1)))).toBe(true);
    const workbook = await load(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["表", "表 (2)"]);
  });
});

describe("writeDatasetXlsx", () => {
  it("formats text columns as text, so ids typed in later stay text", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "shuangbao-writers-")), "d.xlsx");
    await writeDatasetXlsx(compliantCounty(), file);
    const workbook = await load(await readFile(file));
    const villages = workbook.getWorksheet("村")!;
    expect(villages.getCell("A1").value).toBe("村代码");
    expect(villages.getColumn(1).numFmt).toBe("@");
    const households = workbook.getWorksheet("贫困户")!;
    const header = households.getRow(1).values as unknown[];
    expect(households.getColumn(header.indexOf("家庭人口")).numFmt).toBeUndefined();
    expect(households.getColumn(header.indexOf("核实日期")).numFmt).toBe("yyyy-mm-dd");
  });
});

describe("writeFormsXlsx", () => {
  it("lays out each form with its title, 填报单位 and date; in English too; same bytes", async () => {
    const index = loadDataset(compliantCounty());
    const tables = FORMS.map((f) => buildForm(f.id, index, { asOf: FIXTURE_AS_OF }));
    const bytes = await writeFormsXlsx(tables, { asOf: FIXTURE_AS_OF });
    expect(
      Buffer.from(bytes).equals(Buffer.from(await writeFormsXlsx(tables, { asOf: FIXTURE_AS_OF }))),
    ).toBe(true);
    const zh = await load(bytes);
    const summary = zh.getWorksheet("安徽省单位包村基本情况汇总表")!;
    expect(summary.getCell("A1").value).toBe("安徽省单位包村基本情况汇总表");
    expect(summary.getCell("A2").value).toBe("填报单位（盖章）：");
    expect(summary.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToWidth: 1,
    });
    expect(summary.headerFooter.oddFooter).toBe("&C第 &P 页，共 &N 页");
    // A long header over small numbers wraps instead of widening the column.
    const welfare = (summary.getRow(3).values as unknown[]).indexOf("五保户和无劳动能力低保户数");
    expect(summary.getColumn(welfare).width).toBe(15);
    expect(summary.getRow(3).height).toBeGreaterThanOrEqual(30);
    const en = await load(await writeFormsXlsx(tables, { asOf: FIXTURE_AS_OF, lang: "en" }));
    expect(en.worksheets.map((s) => s.name)).toEqual(FORMS.map((f) => f.id));
    const register = en.worksheets[0]!;
    expect(register.getCell("A1").value).toBe(FORMS[0]!.title.en);
    expect([...new Set((register.getRow(2).values as unknown[]).filter(Boolean))]).toEqual([
      "Reporting office (seal): ",
      `As of ${FIXTURE_AS_OF}`,
    ]);
  });
});

describe("tableToCsv", () => {
  it("writes a BOM, the Chinese header, 是/否 and escapes formulas", () => {
    expect(tableToCsv(TABLE)).toBe(
      "\uFEFF名称,数,日期,是否\r\n安徽省岳西县天堂镇天堂村村民委员会,3,2014-07-30,是\r\n'=1+1,4,2015-01-01,否\r\n",
    );
    expect(tableToCsv(TABLE, { headers: "en" }).split("\r\n")[0]).toBe("\uFEFFname,n,date,ok");
  });
});
