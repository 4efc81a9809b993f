import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { audit, COLLECTION_NAMES, type DatasetIndex, type Finding } from "@shuangbao/core";
import { compliantCounty, FIXTURE_AS_OF } from "@shuangbao/core/testing";
import { strToU8, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { writeDatasetCsv, writeDatasetXlsx } from "./dataset-writer.js";
import { InputError } from "./errors.js";
import { readDatasetFromBytes, readDatasetFromPath } from "./read.js";
import { writeTablesXlsx } from "./xlsx-file.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "shuangbao-io-"));
});

/** What a dataset holds, without provenance: rows of every collection and every visit. */
function snapshot(index: DatasetIndex) {
  const rows = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, index.rows(c)]));
  const visits = [...index.visits.indices()].map((i) => {
    const { source, index: _i, ...v } = index.visits.visit(i);
    return v;
  });
  return { rows, visits };
}
const dataFindings = (index: DatasetIndex) =>
  audit(index, { asOf: FIXTURE_AS_OF }).findings.filter((f) => f.ruleId.startsWith("data."));
const brief = (f: Finding[]) =>
  f.map((x) => [x.ruleId, x.source?.file, x.source?.line ?? x.source?.sheet, x.field]);

const csvFolder = async (name: string, files: Record<string, string | Uint8Array>) => {
  const folder = join(dir, name);
  const { mkdir } = await import("node:fs/promises");
  await mkdir(folder, { recursive: true });
  for (const [f, body] of Object.entries(files)) await writeFile(join(folder, f), body);
  return folder;
};
const REGIONS_CSV = {
  "cities.csv": "id,name\n340800,安庆市\n",
  "counties.csv": "id,name,cityId,isKeyCounty\n340828,岳西县,340800,是\n",
  "townships.csv": "id,name,countyId\n340828100,天堂镇,340828\n",
};

describe("reading datasets", () => {
  const original = () => compliantCounty();

  it("round-trips a dataset through a CSV folder with Chinese headers", async () => {
    const out = join(dir, "zh");
    await writeDatasetCsv(original(), out, { language: "zh" });
    const head = (await readFile(join(out, "units.csv"), "utf8")).split("\r\n")[0];
    expect(head).toBe(
      "\uFEFF单位编号,单位名称,单位性质,单位层级,所属市,所属县,编制人数,是否垂直管理,是否参公管理,定点帮扶县,牵头帮扶县,结对共建村,主要负责同志,分管负责人",
    );
    const back = await readDatasetFromPath(out);
    expect(dataFindings(back)).toEqual([]);
    expect(snapshot(back)).toEqual(
      snapshot((await import("@shuangbao/core")).loadDataset(original())),
    );
  });

  it("round-trips a dataset through a CSV folder with English headers", async () => {
    const out = join(dir, "en");
    await writeDatasetCsv(original(), out, { language: "en" });
    const back = await readDatasetFromPath(out);
    expect(snapshot(back)).toEqual(
      snapshot((await import("@shuangbao/core")).loadDataset(original())),
    );
  });

  it("round-trips a dataset through an XLSX workbook, continuing long sheets", async () => {
    const path = join(dir, "d.xlsx");
    await writeDatasetXlsx(original(), path, { language: "zh", maxRowsPerSheet: 50 });
    const back = await readDatasetFromPath(path);
    expect(dataFindings(back)).toEqual([]);
    expect(snapshot(back)).toEqual(
      snapshot((await import("@shuangbao/core")).loadDataset(original())),
    );
    const bytes = new Uint8Array(await readFile(path));
    expect(snapshot(await readDatasetFromBytes(bytes, { name: "d.xlsx" }))).toEqual(snapshot(back));
  });

  it("reads a GBK CSV folder as it reads the same folder in UTF-8", async () => {
    const villages = "村代码,村名称,乡镇代码,是否贫困村\n340828100201,天堂村,340828100,是\n";
    const utf8 = await csvFolder("utf8", { ...REGIONS_CSV, "villages.csv": villages });
    const gbkBytes = await import("node:child_process").then(({ execFileSync }) =>
      execFileSync("iconv", ["-f", "UTF-8", "-t", "GB18030"], { input: villages }),
    );
    const gbk = await csvFolder("gbk", {
      ...REGIONS_CSV,
      "villages.csv": new Uint8Array(gbkBytes),
    });
    const a = await readDatasetFromPath(utf8);
    const b = await readDatasetFromPath(gbk);
    expect(snapshot(b)).toEqual(snapshot(a));
    expect(b.village("340828100201")?.name).toBe("天堂村");
  });

  it("reads an XLSX with real date cells and ID numbers stored as text", async () => {
    const path = join(dir, "dates.xlsx");
    const d = original();
    await writeDatasetXlsx(d, path, { language: "en" });
    const back = await readDatasetFromPath(path);
    expect(back.tables.villageAssignments.rows[0]!.startDate).toBe("2014-07-15");
    expect(back.household("H-1")?.idNumber).toBe(d.households[0]!.idNumber);
  });

  it("skips a ragged line and a repeated header, keeping their neighbours, naming file and line", async () => {
    const folder = await csvFolder("ragged", {
      ...REGIONS_CSV,
      "villages.csv":
        "id,name,townshipId,isPoor\n1,甲村,340828100,是\n2,乙村,340828100\nid,name,townshipId,isPoor\n3,丙村,340828100,否\n",
    });
    const index = await readDatasetFromPath(folder);
    expect(index.rows("villages").map((v) => v.id)).toEqual(["1", "3"]);
    expect(brief(dataFindings(index))).toEqual([
      ["data.malformed-row", "villages.csv", 3, undefined],
      ["data.malformed-row", "villages.csv", 4, undefined],
    ]);
  });

  it("warns of an unknown column and an unknown file, once each", async () => {
    const folder = await csvFolder("unknown", {
      ...REGIONS_CSV,
      "villages.csv":
        "id,name,townshipId,isPoor,备注\n1,甲村,340828100,是,x\n2,乙村,340828100,是,y\n",
      "notes.csv": "a\n1\n",
    });
    const f = dataFindings(await readDatasetFromPath(folder));
    expect(brief(f)).toEqual([
      ["data.unknown-column", "notes.csv", undefined, undefined],
      ["data.unknown-column", "villages.csv", 1, "备注"],
    ]);
  });

  it("reports an empty sheet of a required collection as missing", async () => {
    const path = join(dir, "empty.xlsx");
    await writeTablesXlsx(
      [
        {
          id: "cities",
          columns: [
            { key: "id", header: "id" },
            { key: "name", header: "name" },
          ],
          rows: [{ id: "1", name: "甲" }],
        },
        { id: "counties", columns: [], rows: [] },
      ],
      path,
    );
    const f = dataFindings(await readDatasetFromPath(path));
    expect(f.filter((x) => x.entity.id === "*").map((x) => x.entity.collection)).toEqual([
      "counties",
      "townships",
      "villages",
    ]);
  });

  it("reads a zip of CSV files and a JSON document from bytes", async () => {
    const zip = zipSync(
      Object.fromEntries(
        Object.entries({
          ...REGIONS_CSV,
          "villages.csv": "id,name,townshipId,isPoor\n1,甲村,340828100,是\n",
        }).map(([k, v]) => [`data/${k}`, strToU8(v)]),
      ),
    );
    const a = await readDatasetFromBytes(zip, { name: "d.zip" });
    expect(a.rows("villages")).toHaveLength(1);
    const json = strToU8(JSON.stringify({ ...compliantCounty(), parameters: { termYears: 4 } }));
    const b = await readDatasetFromBytes(json);
    expect(b.parameterOverrides).toEqual({ termYears: 4 });
    expect(b.rows("households")).toHaveLength(5);
  });

  it("refuses what is not a dataset at all, naming it", async () => {
    await expect(readDatasetFromPath(join(dir, "nope"))).rejects.toThrow(
      /nope: 没有这个文件或文件夹 \/ no such file/,
    );
    const bin = join(dir, "bin.dat");
    await writeFile(bin, new Uint8Array([1, 2, 0, 3]));
    await expect(readDatasetFromPath(bin)).rejects.toThrow(InputError);
    await expect(readDatasetFromBytes(strToU8("[1,2]"))).rejects.toThrow(/not an object/);
    await expect(readDatasetFromBytes(strToU8("hello"))).rejects.toThrow(/not a dataset/);
    const folder = await csvFolder("binary", {
      ...REGIONS_CSV,
      "villages.csv": new Uint8Array([0, 1, 2]),
    });
    await expect(readDatasetFromPath(folder)).rejects.toThrow(/villages.csv: 是二进制文件/);
  });
});

describe("writing XLSX", () => {
  it("gives the same bytes for the same tables", async () => {
    const a = join(dir, "a.xlsx");
    const b = join(dir, "b.xlsx");
    await writeDatasetXlsx(compliantCounty(), a);
    await new Promise((r) => setTimeout(r, 1100));
    await writeDatasetXlsx(compliantCounty(), b);
    expect(Buffer.compare(await readFile(a), await readFile(b))).toBe(0);
  });
});
