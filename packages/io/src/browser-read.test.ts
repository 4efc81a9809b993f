/**
 * Reading from bytes as a browser does (no Node API on the way): a folder's files picked one by
 * one read as the CLI reads the folder — the same rows, findings, lines and structure.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { audit } from "@shuangbao/core";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { InputError } from "./errors.js";
import { baseName, extName } from "./names.js";
import { readDatasetFromFiles, readDatasetFromPath } from "./read.js";
import type { SourceStructure } from "./structure.js";
import { resolvePart } from "./xlsx-reader.js";

const YUEXI = fileURLToPath(new URL("../../../examples/yuexi/", import.meta.url));
const AS_OF = "2018-07-20";

async function picked(dir: string) {
  const names = await readdir(dir);
  return Promise.all(
    names.map(async (name) => ({ name: `yuexi/${name}`, bytes: await readFile(join(dir, name)) })),
  );
}

describe("readDatasetFromFiles", () => {
  it("reads a folder's files as the CLI reads the folder: same findings, sources and structure", async () => {
    const fromPath: SourceStructure[] = [];
    const fromFiles: SourceStructure[] = [];
    const a = await readDatasetFromPath(YUEXI, { structure: fromPath });
    const b = await readDatasetFromFiles(await picked(YUEXI), {
      name: "yuexi",
      structure: fromFiles,
    });
    expect(fromFiles).toEqual(fromPath);
    expect(audit(b, { asOf: AS_OF })).toEqual(audit(a, { asOf: AS_OF }));
  });

  it("reads a GBK CSV as the CLI does", async () => {
    const csv = "村代码,村名称,所属乡镇,是否贫困村\n340828100201,河口村,340828100,是\n";
    const gbk = new Uint8Array(iconv.encode(csv, "gbk"));
    const structure: SourceStructure[] = [];
    const index = await readDatasetFromFiles([{ name: "村.csv", bytes: gbk }], { structure });
    expect(index.rows("villages").map((v) => v.name)).toEqual(["河口村"]);
    expect(structure[0]?.encoding).toBe("gb18030");
  });

  it("reads one workbook, JSON or zip as readDatasetFromBytes does", async () => {
    const json = new TextEncoder().encode(
      JSON.stringify({ cities: [{ id: "340800", name: "安庆市" }] }),
    );
    const index = await readDatasetFromFiles([{ name: "data.json", bytes: json }]);
    expect(index.rows("cities").map((c) => c.name)).toEqual(["安庆市"]);
  });

  it("refuses no files, and several files that are not CSV", async () => {
    await expect(readDatasetFromFiles([], { name: "x" })).rejects.toThrow(InputError);
    const json = new TextEncoder().encode("{}");
    await expect(
      readDatasetFromFiles([
        { name: "a.json", bytes: json },
        { name: "b.json", bytes: json },
      ]),
    ).rejects.toThrow(/CSV files/);
  });
});

describe("paths without node:path", () => {
  it("names files and resolves a workbook's relationships as POSIX does", () => {
    expect(baseName("yuexi/村.csv")).toBe("村.csv");
    expect(baseName("a/贫困户.csv", ".csv")).toBe("贫困户");
    expect(extName("a/b.tar.csv")).toBe(".csv");
    expect(extName(".hidden")).toBe("");
    expect(resolvePart("xl", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolvePart("xl/worksheets", "../sharedStrings.xml")).toBe("xl/sharedStrings.xml");
    expect(resolvePart("", "_rels/.rels")).toBe("_rels/.rels");
  });
});
