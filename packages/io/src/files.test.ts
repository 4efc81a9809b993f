/**
 * Reading the files clerks really make: titles and notes above the header, tables named as people
 * name them, blank rows, mixed line endings, GBK and UTF-16 text, zips made by Windows, workbooks
 * from Excel, openpyxl and streaming writers.
 */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  audit,
  COLLECTION_NAMES,
  type DatasetIndex,
  type Finding,
  loadDataset,
} from "@shuangbao/core";
import { compliantCounty, FIXTURE_AS_OF } from "@shuangbao/core/testing";
import { strToU8, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { readDatasetFromBytes, readDatasetFromPath } from "./read.js";
import type { SourceStructure } from "./structure.js";
import {
  csvText,
  datasetSheets,
  gbk,
  peopleWorkbook,
  sheetCsv,
  utf16be,
  utf16le,
  windowsZip,
} from "./testing/made-by-people.js";
import { decodeEntryName, zipEntries } from "./zip.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "shuangbao-files-"));
});

function snapshot(index: DatasetIndex) {
  const rows = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, index.rows(c)]));
  const visits = [...index.visits.indices()].map((i) => {
    const { source, index: _i, ...v } = index.visits.visit(i);
    return v;
  });
  return { rows, visits };
}
const expected = () => snapshot(loadDataset(compliantCounty()));
const dataFindings = (index: DatasetIndex) =>
  audit(index, { asOf: FIXTURE_AS_OF }).findings.filter((f) => f.ruleId.startsWith("data."));
const brief = (f: Finding[]) =>
  f.map((x) => [
    x.ruleId,
    x.source?.file,
    x.source?.sheet ?? x.source?.line,
    x.field ?? x.entity.collection,
  ]);

async function folder(name: string, files: Record<string, string | Uint8Array>) {
  const path = join(dir, name);
  await mkdir(path, { recursive: true });
  for (const [f, body] of Object.entries(files)) await writeFile(join(path, f), body);
  return path;
}

const REGIONS = {
  "cities.csv": "市代码,市名称\r\n340800,安庆市\r\n",
  "counties.csv": "县代码,县名称,市代码,是否重点县\r\n340828,岳西县,340800,是\r\n",
  "townships.csv": "乡镇代码,乡镇名称,县代码\r\n340828100,天堂镇,340828\r\n",
};
const VILLAGE_HEADER = "村代码,村名称,乡镇代码,是否贫困村";

describe("a title, notes or blank rows above the header", () => {
  it("reads a workbook whose every sheet has a merged title, notes and a blank row first", async () => {
    const bytes = await peopleWorkbook(datasetSheets(compliantCounty()));
    const structure: SourceStructure[] = [];
    const index = await readDatasetFromBytes(bytes, { name: "岳西.xlsx", structure });
    expect(dataFindings(index)).toEqual([]);
    expect(snapshot(index)).toEqual(expected());
    // Title (1), two notes (2, 3), a blank row (4): the header is row 5.
    expect(structure.every((s) => s.headerLine === 5 && s.recognisedBy === "name")).toBe(true);
    const households = structure.find((s) => s.collection === "households")!;
    expect(households).toMatchObject({ file: "岳西.xlsx", sheet: "贫困户", rows: 5, ignored: [] });
    expect(households.matched[0]).toEqual({ header: "户编号", field: "id" });
    // Findings name the sheet's own row numbers.
    const d = compliantCounty();
    d.households[1]!.size = 0;
    const f = dataFindings(
      await readDatasetFromBytes(await peopleWorkbook(datasetSheets(d)), { name: "b.xlsx" }),
    );
    expect(brief(f)).toEqual([["data.invalid-field", "b.xlsx", "贫困户", "size"]]);
    expect(f[0]!.source?.line).toBe(7);
  });

  it("reads a CSV with a title line, notes and empty lines above the header", async () => {
    const villages = [
      "岳西县贫困村名单,,,",
      "填报单位：岳西县扶贫办,,,",
      ",,,",
      "",
      VILLAGE_HEADER,
      "340828100201,天堂村,340828100,是",
    ].join("\r\n");
    const path = await folder("title-csv", { ...REGIONS, "villages.csv": `${villages}\r\n` });
    const structure: SourceStructure[] = [];
    const index = await readDatasetFromPath(path, { structure });
    expect(dataFindings(index)).toEqual([]);
    expect(index.village("340828100201")?.name).toBe("天堂村");
    expect(structure.find((s) => s.file === "villages.csv")).toMatchObject({
      collection: "villages",
      headerLine: 5,
      rows: 1,
      encoding: "utf-8",
    });
  });

  it("reads a folder of GBK CSV files, each with a title and notes, as Excel saves them", async () => {
    const files = Object.fromEntries(
      datasetSheets(compliantCounty(), { naming: "en" }).map((s) => [
        `${s.name}.csv`,
        gbk(sheetCsv(s)),
      ]),
    );
    const structure: SourceStructure[] = [];
    const index = await readDatasetFromPath(await folder("titled-gbk", files), { structure });
    expect(dataFindings(index)).toEqual([]);
    expect(snapshot(index)).toEqual(expected());
    expect(structure.every((s) => s.headerLine === 5 && s.encoding === "gb18030")).toBe(true);
  });

  it("takes the best-matching row when no row names two known headers", async () => {
    const path = await folder("one-header", {
      ...REGIONS,
      "cities.csv": "安庆市城市表\r\n市代码,名称\r\n340800,安庆市\r\n",
    });
    const structure: SourceStructure[] = [];
    const f = dataFindings(await readDatasetFromPath(path, { structure }));
    expect(structure[0]).toMatchObject({ file: "cities.csv", headerLine: 2, ignored: ["名称"] });
    expect(f.map((x) => [x.ruleId, x.field])).toContainEqual(["data.unknown-column", "名称"]);
  });
});

describe("a table named as people name it", () => {
  it("recognises every sheet of a workbook by its headers (贫困户信息表, Sheet1)", async () => {
    const sheets = datasetSheets(compliantCounty(), {
      naming: (c, i) => (c === "households" ? "贫困户信息表" : `Sheet${i + 1}`),
    });
    const structure: SourceStructure[] = [];
    const index = await readDatasetFromBytes(await peopleWorkbook(sheets), {
      name: "d.xlsx",
      structure,
    });
    expect(dataFindings(index)).toEqual([]);
    expect(snapshot(index)).toEqual(expected());
    expect(structure.find((s) => s.sheet === "贫困户信息表")).toMatchObject({
      collection: "households",
      recognisedBy: "headers",
      headerLine: 5,
    });
    // Structure entries come in the workbook's sheet order.
    expect(structure.map((s) => s.sheet)).toEqual(sheets.map((s) => s.name));
  });

  it("recognises a CSV by its headers and reads two files of one collection together", async () => {
    const path = await folder("by-headers", {
      ...REGIONS,
      "贫困村信息表.csv": `${VILLAGE_HEADER}\r\n340828100201,天堂村,340828100,是\r\n`,
      "贫困村信息表（续）.csv": `${VILLAGE_HEADER}\r\n340828100202,莲塘村,340828100,是\r\n`,
    });
    const structure: SourceStructure[] = [];
    const index = await readDatasetFromPath(path, { structure });
    expect(dataFindings(index)).toEqual([]);
    expect(index.rows("villages").map((v) => v.name)).toEqual(["天堂村", "莲塘村"]);
    expect(structure.map((s) => [s.file, s.collection, s.recognisedBy])).toEqual([
      ["cities.csv", "cities", "name"],
      ["counties.csv", "counties", "name"],
      ["townships.csv", "townships", "name"],
      ["贫困村信息表.csv", "villages", "headers"],
      ["贫困村信息表（续）.csv", "villages", "headers"],
    ]);
  });

  it("reads two sheets of one collection, one named and one recognised, one after the other", async () => {
    const sheets = datasetSheets(compliantCounty());
    const households = sheets.find((s) => s.name === "贫困户")!;
    const bytes = await peopleWorkbook([
      ...sheets.filter((s) => s !== households),
      { ...households, rows: households.rows.slice(0, 2) },
      { ...households, name: "Sheet1", title: "贫困户（续表）", rows: households.rows.slice(2) },
    ]);
    const structure: SourceStructure[] = [];
    const index = await readDatasetFromBytes(bytes, { name: "d.xlsx", structure });
    expect(dataFindings(index)).toEqual([]);
    expect(snapshot(index)).toEqual(expected());
    expect(
      structure
        .filter((s) => s.collection === "households")
        .map((s) => [s.sheet, s.recognisedBy, s.rows]),
    ).toEqual([
      ["贫困户", "name", 2],
      ["Sheet1", "headers", 3],
    ]);
  });

  it("ignores a table whose headers match no collection well, with one finding", async () => {
    const path = await folder("weak", {
      ...REGIONS,
      "villages.csv": `${VILLAGE_HEADER}\r\n340828100201,天堂村,340828100,是\r\n`,
      "统计.csv": "序号,姓名,备注\r\n1,张三,无\r\n2,李四,无\r\n",
      "说明.txt": "本文件夹为岳西县数据。\r\n",
    });
    const structure: SourceStructure[] = [];
    const f = dataFindings(await readDatasetFromPath(path, { structure }));
    expect(brief(f)).toEqual([["data.unknown-column", "统计.csv", undefined, "统计.csv"]]);
    expect(f[0]!.message.zh).toBe("“统计.csv”不是数据模型中的表，已忽略。");
    expect(structure.find((s) => s.file === "统计.csv")).toEqual({
      file: "统计.csv",
      matched: [],
      ignored: [],
      rows: 0,
      encoding: "utf-8",
    });
  });

  it("passes over Excel's empty Sheet2 and a hidden lookup sheet without a finding", async () => {
    const sheets = datasetSheets(compliantCounty());
    const bytes = await peopleWorkbook([
      ...sheets,
      { name: "Sheet2", header: [], rows: [] },
      { name: "下拉选项", header: ["一般贫困户", "低保贫困户"], rows: [], hidden: true },
      { name: "填表说明", header: ["说明"], rows: [["户编号请填写为文本"]] },
    ]);
    const index = await readDatasetFromBytes(bytes, { name: "d.xlsx" });
    expect(dataFindings(index)).toEqual([]);
  });
});

describe("CSV as people save it", () => {
  it("skips blank rows (,,,, and empty lines) silently", async () => {
    const villages = `${VILLAGE_HEADER}\r\n340828100201,天堂村,340828100,是\r\n,,,\r\n\r\n , ,,\r\n340828100202,莲塘村,340828100,是\r\n,,,\r\n`;
    const path = await folder("blank-rows", { ...REGIONS, "villages.csv": villages });
    const index = await readDatasetFromPath(path);
    expect(dataFindings(index)).toEqual([]);
    expect(index.rows("villages")).toHaveLength(2);
  });

  it("reads a file mixing CRLF and LF line endings as separate rows, in both orders", async () => {
    for (const [name, text] of [
      [
        "crlf-first",
        `${VILLAGE_HEADER}\r\n340828100201,天堂村,340828100,是\n340828100202,莲塘村,340828100,是\r\n340828100203,城西村,340828100,否\n`,
      ],
      [
        "lf-first",
        `${VILLAGE_HEADER}\n340828100201,天堂村,340828100,是\r\n340828100202,莲塘村,340828100,是\n340828100203,城西村,340828100,否\r\n`,
      ],
      [
        "cr-only",
        `${VILLAGE_HEADER}\r340828100201,天堂村,340828100,是\r340828100202,莲塘村,340828100,是\r340828100203,城西村,340828100,否\r`,
      ],
    ] as const) {
      const path = await folder(name, { ...REGIONS, "villages.csv": text });
      const index = await readDatasetFromPath(path);
      expect(dataFindings(index), name).toEqual([]);
      expect(
        index.rows("villages").map((v) => v.name),
        name,
      ).toEqual(["天堂村", "莲塘村", "城西村"]);
      const bytes = zipSync({
        ...Object.fromEntries(Object.entries(REGIONS).map(([k, v]) => [k, strToU8(v)])),
        "villages.csv": strToU8(text),
      });
      expect((await readDatasetFromBytes(bytes)).rows("villages"), name).toHaveLength(3);
    }
  });

  it("keeps a quoted cell's line break inside the cell", async () => {
    const path = await folder("quoted", {
      ...REGIONS,
      "villages.csv": `${VILLAGE_HEADER}\n340828100201,"天堂\r\n村",340828100,是\n`,
    });
    const index = await readDatasetFromPath(path);
    expect(index.rows("villages").map((v) => v.name)).toEqual(["天堂\n村"]);
  });

  it("reads Excel's Unicode text (UTF-16LE, BOM, tabs), UTF-16BE and GBK alike", async () => {
    const rows = [
      ["岳西县贫困村名单"],
      VILLAGE_HEADER.split(","),
      ["340828100201", "天堂村", "340828100", "是"],
      ["340828100202", "莲塘村, 东", "340828100", "是"],
    ];
    const cases = {
      "utf-16le": utf16le(csvText(rows, "\r\n", "\t")),
      "utf-16be": utf16be(csvText(rows)),
      gb18030: gbk(csvText(rows)),
      "utf-8": strToU8(csvText(rows, "\n", "\t")),
    };
    for (const [encoding, bytes] of Object.entries(cases)) {
      const path = await folder(`enc-${encoding}`, { ...REGIONS, "村.csv": bytes });
      const structure: SourceStructure[] = [];
      const index = await readDatasetFromPath(path, { structure });
      expect(dataFindings(index), encoding).toEqual([]);
      expect(
        index.rows("villages").map((v) => v.name),
        encoding,
      ).toEqual(["天堂村", "莲塘村, 东"]);
      expect(
        structure.find((s) => s.file === "村.csv"),
        encoding,
      ).toMatchObject({
        collection: "villages",
        encoding,
        headerLine: 2,
      });
    }
  });

  it("reads Excel's Unicode text saved as .txt in a folder", async () => {
    const text = utf16le(
      csvText(
        [VILLAGE_HEADER.split(","), ["340828100201", "天堂村", "340828100", "是"]],
        "\r\n",
        "\t",
      ),
    );
    const path = await folder("txt", { ...REGIONS, "贫困村.txt": text });
    const index = await readDatasetFromPath(path);
    expect(dataFindings(index)).toEqual([]);
    expect(index.rows("villages")).toHaveLength(1);
  });
});

describe("zips made by Windows", () => {
  it("decodes GBK entry names (no UTF-8 flag) and reads the tables they name", async () => {
    const files = {
      "地市.csv": strToU8(REGIONS["cities.csv"]),
      "县区.csv": gbk(REGIONS["counties.csv"]),
      "乡镇.csv": strToU8(REGIONS["townships.csv"]),
      "村.csv": gbk(`${VILLAGE_HEADER}\r\n340828100201,天堂村,340828100,是\r\n`),
    };
    const zip = windowsZip(files);
    expect(zipEntries(zip).map((e) => e.name)).toEqual(Object.keys(files));
    const structure: SourceStructure[] = [];
    const index = await readDatasetFromBytes(zip, { name: "岳西.zip", structure });
    expect(dataFindings(index)).toEqual([]);
    expect(index.village("340828100201")?.name).toBe("天堂村");
    expect(structure.map((s) => [s.file, s.collection, s.encoding])).toEqual([
      ["岳西.zip/乡镇.csv", "townships", "utf-8"],
      ["岳西.zip/县区.csv", "counties", "gb18030"],
      ["岳西.zip/地市.csv", "cities", "utf-8"],
      ["岳西.zip/村.csv", "villages", "gb18030"],
    ]);
    const path = join(dir, "windows.zip");
    await writeFile(path, zip);
    expect(snapshot(await readDatasetFromPath(path))).toEqual(snapshot(index));
  });

  it("decodes names as UTF-8 when flagged or valid, else as GB18030", () => {
    const utf8 = new TextEncoder().encode("村.csv");
    expect(decodeEntryName(utf8, true)).toBe("村.csv");
    expect(decodeEntryName(utf8, false)).toBe("村.csv");
    expect(decodeEntryName(gbk("贫困户.csv"), false)).toBe("贫困户.csv");
    expect(decodeEntryName(strToU8("villages.csv"), false)).toBe("villages.csv");
  });
});

describe("the unknown-column warning", () => {
  it("appears once per workbook for a column repeated on a continuation sheet", async () => {
    const [cities, counties, townships, villages] = datasetSheets(
      { ...compliantCounty(), villagePlans: [], households: [] },
      {},
    );
    const withNote = (s: typeof villages, rows: unknown[][], name: string) => ({
      ...s!,
      name,
      header: ["序号", ...s!.header, "备注", "备注"],
      rows: rows.map((r, i) => [i + 1, ...r, "无", "无"]),
    });
    const bytes = await peopleWorkbook([
      cities!,
      counties!,
      townships!,
      withNote(villages, villages!.rows.slice(0, 2), "村"),
      withNote(villages, villages!.rows.slice(2), "村 (2)"),
    ]);
    const structure: SourceStructure[] = [];
    const f = dataFindings(await readDatasetFromBytes(bytes, { name: "d.xlsx", structure }));
    expect(brief(f.filter((x) => x.ruleId === "data.unknown-column")).sort()).toEqual([
      ["data.unknown-column", "d.xlsx", "村", "备注"],
      ["data.unknown-column", "d.xlsx", "村", "序号"],
    ]);
    expect(structure.find((s) => s.sheet === "村 (2)")!.ignored).toEqual(["序号", "备注"]);
  });

  it("appears once per CSV file, however many rows and chunks it has", async () => {
    const rows = Array.from(
      { length: 20_000 },
      (_, i) => `3408281002${String(i).padStart(5, "0")},村${i},340828100,是,无,无`,
    );
    const path = await folder("unknown-once", {
      ...REGIONS,
      "villages.csv": `岳西县贫困村,,,,,\r\n${VILLAGE_HEADER},备注,备注\r\n${rows.join("\r\n")}\r\n`,
    });
    const f = dataFindings(await readDatasetFromPath(path));
    expect(brief(f)).toEqual([["data.unknown-column", "villages.csv", 2, "备注"]]);
  });
});

describe("XLSX cells", () => {
  const sheet = {
    name: "村",
    header: ["村代码", "村名称", "乡镇代码", "是否贫困村", "出列日期"],
    rows: [
      ["340828100201", "天堂村", "340828100", "是", new Date("2016-12-20T00:00:00Z")],
      [
        340828100202,
        { richText: [{ text: "莲塘" }, { text: "村", font: { bold: true } }] },
        340828100,
        true,
      ],
      ["340828100203", "城西村", "340828100", false, new Date("2015-03-01T00:00:00Z")],
    ],
    dateFormat: 'yyyy"年"m"月"d"日"',
  };
  const regions = datasetSheets(compliantCounty()).slice(0, 3);

  it.each(["workbook-first", "workbook-last"] as const)(
    "reads shared, rich and inline strings, numbers, booleans and dates (%s)",
    async (order) => {
      const bytes = await peopleWorkbook([...regions, sheet], order);
      const index = await readDatasetFromBytes(bytes, { name: "d.xlsx" });
      expect(dataFindings(index)).toEqual([]);
      expect(
        index.rows("villages").map((v) => [v.id, v.name, v.isPoor, v.exitedPovertyOn]),
      ).toEqual([
        ["340828100201", "天堂村", true, "2016-12-20"],
        ["340828100202", "莲塘村", true, undefined],
        ["340828100203", "城西村", false, "2015-03-01"],
      ]);
    },
  );

  it("reads a workbook written by the streaming writer, continuation sheets included", async () => {
    const { writeDatasetXlsx } = await import("./dataset-writer.js");
    const path = join(dir, "stream.xlsx");
    await writeDatasetXlsx(compliantCounty(), path, { maxRowsPerSheet: 3 });
    const structure: SourceStructure[] = [];
    const index = await readDatasetFromPath(path, { structure });
    expect(snapshot(index)).toEqual(expected());
    expect(
      structure.filter((s) => s.collection === "households").map((s) => [s.sheet, s.rows]),
    ).toEqual([
      ["贫困户", 3],
      ["贫困户 (2)", 2],
    ]);
  });

  it("reports rows as they are read", async () => {
    const { writeDatasetXlsx } = await import("./dataset-writer.js");
    const d = compliantCounty();
    const path = join(dir, "progress.xlsx");
    await writeDatasetXlsx(d, path);
    let n = 0;
    const calls: number[] = [];
    await readDatasetFromPath(path, {
      onRows: (k) => {
        n += k;
        calls.push(n);
      },
    });
    const total = COLLECTION_NAMES.reduce((s, c) => s + (d[c]?.length ?? 0), 0);
    // Every row and every header row counted, sheet by sheet.
    expect(n).toBe(total + COLLECTION_NAMES.filter((c) => d[c].length > 0).length);
    expect(calls.length).toBeGreaterThan(1);
  });
});

describe("the structure of what was read", () => {
  it("lists a JSON dataset's collections with their fields", async () => {
    const structure: SourceStructure[] = [];
    const json = strToU8(
      JSON.stringify({
        cities: [{ id: "1", name: "甲", 备注: "x" }],
        其他: [1, 2],
        parameters: {},
      }),
    );
    await readDatasetFromBytes(json, { name: "d.json", structure });
    expect(structure).toEqual([
      {
        file: "d.json",
        collection: "cities",
        recognisedBy: "name",
        matched: [
          { header: "id", field: "id" },
          { header: "name", field: "name" },
        ],
        ignored: ["备注"],
        rows: 1,
      },
      { file: "d.json", matched: [], ignored: [], rows: 2 },
    ]);
  });
});
