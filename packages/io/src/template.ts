/**
 * The blank data template (`shuangbao template -o 双包数据模板.xlsx`): a 填表说明 sheet, then one
 * sheet per collection named with its Chinese name, Chinese headers in the first row (required
 * columns filled orange), code and id columns formatted as text so Excel keeps their digits, date
 * columns as dates with a date check, enum columns and 是/否 columns as drop-down lists of the
 * Chinese labels, whole-number checks on counts. Filled in and read back, it gives no data
 * finding. The same bytes every time.
 */
import {
  COLLECTION_NAMES,
  COLLECTIONS,
  type CollectionName,
  type FieldSpec,
  REQUIRED_COLLECTIONS,
  REQUIREMENTS,
} from "@shuangbao/core";
import type ExcelJS from "exceljs";
import { streamingWorkbook, textWidth } from "./xlsx-writer.js";

/** The name of the instructions sheet (the readers skip it). */
export const TEMPLATE_NOTES_SHEET = "填表说明";

/** Data rows below the header that carry the drop-down lists and date checks. */
export const TEMPLATE_ROWS = 10_000;

const KIND_ZH: Record<FieldSpec["kind"], string> = {
  id: "编号（文本）",
  ref: "编号（文本）",
  string: "文本",
  idNumber: "身份证号（文本）",
  date: "日期",
  boolean: "是/否",
  integer: "整数",
  enum: "选项",
};

const REQUIRED_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFF8CBAD" },
};
const OPTIONAL_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFD9E1F2" },
};

const DATE_EXAMPLE = "2014-07-30";

function refHeader(to: CollectionName): string {
  return COLLECTIONS[to].fields.find((f) => f.name === "id")?.header ?? "编号";
}

/** What a clerk must write in a column, in words. */
function fieldRule(collection: CollectionName, f: FieldSpec): string {
  switch (f.kind) {
    case "id":
      return "本表内不得重复；请按文本输入，不要转成数字";
    case "ref":
      if (collection === "reports" && f.name === "regionId")
        return "包村单位名单填“县区”表中的县代码，驻村干部名单填“地市”表中的市代码";
      return `须为“${COLLECTIONS[f.ref!].zh}”表中已有的${refHeader(f.ref!)}`;
    case "idNumber":
      return "18位居民身份证号，按文本输入";
    case "date":
      return `日期，如${DATE_EXAMPLE}`;
    case "boolean":
      return "从下拉列表选择：是、否";
    case "integer":
      return f.min === undefined ? "整数" : `不小于${f.min}的整数`;
    case "enum":
      return `从下拉列表选择：${Object.values(f.vocabulary!.labels as Record<string, string>).join("、")}`;
    case "string":
      return "文本";
  }
}

function requiredText(collection: CollectionName, f: FieldSpec): string {
  if (f.required) return "必填";
  const when = REQUIREMENTS[collection]?.filter((r) => r.field === f.name) ?? [];
  if (when.length) return `${when.map((r) => r.because.zh).join("或")}时必填`;
  return "选填";
}

function isTextKind(kind: FieldSpec["kind"]): boolean {
  return kind === "id" || kind === "ref" || kind === "string" || kind === "idNumber";
}

function numFmt(kind: FieldSpec["kind"]): string | undefined {
  if (kind === "date") return "yyyy-mm-dd";
  if (kind === "integer") return "0";
  if (kind === "enum" || kind === "boolean" || isTextKind(kind)) return "@";
  return undefined;
}

function validation(f: FieldSpec): ExcelJS.DataValidation | undefined {
  const common = { allowBlank: true, showErrorMessage: true, showInputMessage: true };
  switch (f.kind) {
    case "date":
      return {
        ...common,
        type: "date",
        operator: "between",
        formulae: [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
        errorStyle: "stop",
        errorTitle: "日期",
        error: `请输入日期，如${DATE_EXAMPLE}`,
        promptTitle: f.header,
        prompt: `日期，如${DATE_EXAMPLE}`,
      };
    case "enum": {
      const labels = Object.values(f.vocabulary!.labels as Record<string, string>);
      return {
        ...common,
        type: "list",
        formulae: [`"${labels.join(",")}"`],
        errorStyle: "stop",
        errorTitle: f.header,
        error: `请从下拉列表选择：${labels.join("、")}`,
      };
    }
    case "boolean":
      return {
        ...common,
        type: "list",
        formulae: ['"是,否"'],
        errorStyle: "stop",
        errorTitle: f.header,
        error: "请选择“是”或“否”",
      };
    case "integer":
      return {
        ...common,
        type: "whole",
        operator: "greaterThanOrEqual",
        formulae: [f.min ?? 0],
        errorStyle: "stop",
        errorTitle: f.header,
        error: `请输入不小于${f.min ?? 0}的整数`,
      };
    case "idNumber":
      return {
        ...common,
        type: "textLength",
        operator: "equal",
        formulae: [18],
        errorStyle: "warning",
        errorTitle: f.header,
        error: "居民身份证号应为18位",
      };
    default:
      return undefined;
  }
}

interface DataValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function collectionSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, c: CollectionName): void {
  const fields = COLLECTIONS[c].fields;
  const sheet = workbook.addWorksheet(COLLECTIONS[c].zh, {
    views: [{ state: "frozen", ySplit: 1, activeCell: "A2" }],
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:1",
    },
  });
  sheet.columns = fields.map((f) => {
    const fmt = numFmt(f.kind);
    const min = f.kind === "date" ? 12 : f.kind === "idNumber" ? 22 : f.kind === "id" ? 16 : 10;
    return {
      key: f.name,
      width: Math.max(min, textWidth(f.header) + 4),
      ...(fmt ? { style: { numFmt: fmt } } : {}),
    };
  });
  const head = sheet.getRow(1);
  fields.forEach((f, i) => {
    const cell = head.getCell(i + 1);
    cell.value = f.header;
    cell.numFmt = "@";
    cell.font = { bold: true };
    cell.fill = f.required ? REQUIRED_FILL : OPTIONAL_FILL;
    cell.alignment = { horizontal: "center", vertical: "middle" };
  });
  head.commit();
  // exceljs types leave out the worksheet's validations; both writers have them (by range).
  const validations = (sheet as unknown as { dataValidations: DataValidations }).dataValidations;
  fields.forEach((f, i) => {
    const v = validation(f);
    const col = columnLetter(i + 1);
    if (v) validations.add(`${col}2:${col}${TEMPLATE_ROWS + 1}`, v);
  });
  sheet.commit();
}

function notesSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const sheet = workbook.addWorksheet(TEMPLATE_NOTES_SHEET, {
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  const columns = [
    { header: "工作表", width: 16 },
    { header: "列（表头）", width: 22 },
    { header: "是否必填", width: 30 },
    { header: "类型", width: 18 },
    { header: "填写要求", width: 70 },
  ];
  sheet.columns = columns.map((c) => ({
    width: c.width,
    style: { alignment: { vertical: "top", wrapText: true } },
  }));
  const required = REQUIRED_COLLECTIONS.map((c) => `“${COLLECTIONS[c].zh}”`).join("、");
  const lines = [
    "“单位包村、干部包户”定点帮扶数据模板 填表说明",
    "1. 每个工作表对应一类数据，工作表名称和第一行表头请勿修改；不用的工作表可以留空，本说明表无需删除。",
    `2. ${required}四个工作表必须填写。`,
    "3. 表头为橙色底的列必须填写，蓝色底的列选填；“某条件时必填”的列见下表。",
    "4. 编号、代码、身份证号等列已设为文本格式，请直接输入；从其他表格粘贴时请选择“只粘贴数值”，不要转成数字（否则18位身份证号会变成3.40828E+17，末尾数字丢失）。",
    `5. 日期列请输入日期，如${DATE_EXAMPLE}；“是否”列和选项列请从下拉列表选择（前${TEMPLATE_ROWS}行设有下拉列表和日期校验）。`,
    "6. 一行一条记录，中间不要留空行；不要合并单元格。",
  ];
  let r = 0;
  for (const [i, text] of lines.entries()) {
    r++;
    const row = sheet.getRow(r);
    const cell = row.getCell(1);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: "middle" };
    if (i === 0) {
      cell.font = { bold: true, size: 14 };
      row.height = 26;
    } else row.height = textWidth(text) > 150 ? 32 : 18;
    sheet.mergeCells(r, 1, r, columns.length);
    row.commit();
  }
  r += 2;
  const head = sheet.getRow(r);
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = OPTIONAL_FILL;
  });
  head.commit();
  for (const c of COLLECTION_NAMES) {
    const mustHave = REQUIRED_COLLECTIONS.includes(c);
    for (const f of COLLECTIONS[c].fields) {
      sheet
        .addRow([
          COLLECTIONS[c].zh + (mustHave && f === COLLECTIONS[c].fields[0] ? "（必须填写）" : ""),
          f.header,
          requiredText(c, f),
          KIND_ZH[f.kind],
          fieldRule(c, f),
        ])
        .commit();
    }
  }
  sheet.commit();
}

/**
 * The blank template workbook: 填表说明 and a sheet per collection. The same bytes every time.
 * @example await writeFile("双包数据模板.xlsx", await writeTemplateXlsx());
 */
export async function writeTemplateXlsx(): Promise<Uint8Array> {
  const { workbook, finish } = await streamingWorkbook();
  notesSheet(workbook);
  for (const c of COLLECTION_NAMES) collectionSheet(workbook, c);
  return finish();
}
