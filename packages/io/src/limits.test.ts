import type { Finding } from "@shuangbao/core";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_READ_LIMITS,
  READ_LIMIT_ENV,
  READ_THREADS_ENV,
  ReadLimitError,
  readLimitsFromEnv,
  readThreadsFromEnv,
} from "./limits.js";
import { readDatasetFromBytes, readDatasetFromFiles } from "./read-bytes.js";
import { csvText, peopleWorkbook } from "./testing/made-by-people.js";

const MiB = 1024 * 1024;

/** `n` villages as CSV (with their township's header only: enough to count rows). */
const villagesCsv = (n: number) =>
  csvText([
    ["id", "name", "townshipId", "isPoor"],
    ...Array.from({ length: n }, (_, i) => [`V${i}`, `村${i}`, "T1", "否"]),
  ]);

/** What a read throws, or `undefined`. */
async function thrown(read: Promise<unknown>): Promise<ReadLimitError | undefined> {
  try {
    await read;
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ReadLimitError);
    return error as ReadLimitError;
  }
}

/** Sets the declared (central directory) uncompressed size of every entry of a zip to `size`. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let p = 0; p + 46 <= out.length; p++) {
    if (view.getUint32(p, true) === 0x02014b50) view.setUint32(p + 24, size, true);
  }
  return out;
}

describe("the rows limit", () => {
  it("takes a collection of exactly the limit and refuses one more row, naming the limit", async () => {
    const at = await readDatasetFromFiles(
      [{ name: "villages.csv", bytes: strToU8(villagesCsv(10)) }],
      {
        limits: { rows: 10 },
      },
    );
    expect(at.rows("villages")).toHaveLength(10);
    const over = await thrown(
      readDatasetFromFiles([{ name: "villages.csv", bytes: strToU8(villagesCsv(11)) }], {
        limits: { rows: 10 },
      }),
    );
    expect(over?.limit).toBe("SHUANGBAO_MAX_ROWS");
    expect(over?.message).toContain("villages.csv");
    expect(over?.message).toContain("数据表“村”的行数超过上限 10（SHUANGBAO_MAX_ROWS）");
    expect(over?.message).toContain("collection villages has more than 10 rows");
  });

  it("counts a collection over all its files, and JSON collections too", async () => {
    const half = { bytes: strToU8(villagesCsv(6)) };
    const err = await thrown(
      readDatasetFromFiles(
        [
          { name: "村.csv", ...half },
          { name: "villages.csv", ...half },
        ],
        { limits: { rows: 10 } },
      ),
    );
    expect(err?.limit).toBe("SHUANGBAO_MAX_ROWS");
    const json = strToU8(JSON.stringify({ villages: Array.from({ length: 11 }, () => ({})) }));
    expect((await thrown(readDatasetFromBytes(json, { limits: { rows: 10 } })))?.kind).toBe("rows");
    expect(await thrown(readDatasetFromBytes(json, { limits: { rows: 11 } }))).toBeUndefined();
  });
});

describe("the cells limit", () => {
  it("refuses a sheet whose rows are wider than the limit allows, naming the sheet", async () => {
    const header = ["id", "name", "townshipId", "isPoor"];
    const rows = Array.from({ length: 9 }, (_, i) => [`V${i}`, `村${i}`, "T1", "否"]);
    const bytes = await peopleWorkbook([{ name: "村", header, rows }]);
    // 10 records of 4 cells: 40 cells.
    expect(await thrown(readDatasetFromBytes(bytes, { limits: { cells: 40 } }))).toBeUndefined();
    const err = await thrown(readDatasetFromBytes(bytes, { limits: { cells: 39 } }));
    expect(err?.limit).toBe("SHUANGBAO_MAX_CELLS");
    expect(err?.message).toContain("工作表“村”的单元格数超过上限 39");
    expect(err?.message).toContain("line 10");
  });

  it("counts a sparse row by its width (a cell in column XFD)", async () => {
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`;
    const bytes = zipSync({
      "[Content_Types].xml": strToU8(
        `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
      ),
      "_rels/.rels": strToU8(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      "xl/workbook.xml": strToU8(
        `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="村" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      "xl/_rels/workbook.xml.rels": strToU8(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      "xl/worksheets/sheet1.xml": strToU8(sheet),
    });
    const err = await thrown(readDatasetFromBytes(bytes, { limits: { cells: 16_383 } }));
    expect(err?.limit).toBe("SHUANGBAO_MAX_CELLS");
    expect(
      await thrown(readDatasetFromBytes(bytes, { limits: { cells: 16_384 } })),
    ).toBeUndefined();
  });
});

describe("the inflated bytes limit", () => {
  const bomb = () =>
    zipSync({ "villages.csv": strToU8(villagesCsv(1).padEnd(2.5 * MiB, " ")) }, { level: 9 });

  it("refuses a zip whose entries inflate past the limit, before inflating what it declares", async () => {
    const zip = bomb();
    expect(zip.length).toBeLessThan(64 * 1024);
    const err = await thrown(
      readDatasetFromBytes(zip, { name: "z.zip", limits: { inflatedBytes: 2 * MiB } }),
    );
    expect(err?.limit).toBe("SHUANGBAO_INFLATED_LIMIT_MB");
    expect(err?.message).toContain("z.zip/villages.csv");
    expect(err?.message).toContain("解压后的数据超过上限 2 MiB");
    expect(
      await thrown(readDatasetFromBytes(zip, { limits: { inflatedBytes: 3 * MiB } })),
    ).toBeUndefined();
  });

  it("stops at the limit when the zip lies about its sizes", async () => {
    const liar = lieAboutSizes(bomb(), 10);
    const err = await thrown(readDatasetFromBytes(liar, { limits: { inflatedBytes: 2 * MiB } }));
    expect(err?.kind).toBe("inflatedBytes");
  });

  it("counts a workbook's parts as they stream", async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [
      `V${i}`,
      `村${i}`.padEnd(200, "x"),
      "T1",
      "否",
    ]);
    const bytes = await peopleWorkbook([
      { name: "村", header: ["id", "name", "townshipId", "isPoor"], rows },
    ]);
    const err = await thrown(
      readDatasetFromBytes(lieAboutSizes(bytes, 10), { limits: { inflatedBytes: 100_000 } }),
    );
    expect(err?.kind).toBe("inflatedBytes");
    expect(await thrown(readDatasetFromBytes(bytes))).toBeUndefined();
  });
});

describe("readLimitsFromEnv", () => {
  it("reads each variable over the defaults and refuses a value that is no count", () => {
    expect(readLimitsFromEnv({})).toEqual(DEFAULT_READ_LIMITS);
    expect(
      readLimitsFromEnv({
        [READ_LIMIT_ENV.inflatedBytes.name]: "5",
        [READ_LIMIT_ENV.rows.name]: "7",
        [READ_LIMIT_ENV.cells.name]: "9",
        [READ_LIMIT_ENV.findingsPerColumn.name]: "11",
      }),
    ).toEqual({ inflatedBytes: 5 * MiB, rows: 7, cells: 9, findingsPerColumn: 11 });
    expect(() => readLimitsFromEnv({ SHUANGBAO_MAX_ROWS: "-1" })).toThrow(/SHUANGBAO_MAX_ROWS/);
    expect(() => readLimitsFromEnv({ SHUANGBAO_MAX_CELLS: "1e400" })).toThrow(
      /SHUANGBAO_MAX_CELLS/,
    );
  });
});

describe("readThreadsFromEnv", () => {
  it("reads a count from 0 to 256, and nothing when unset", () => {
    expect(readThreadsFromEnv({})).toBeUndefined();
    expect(readThreadsFromEnv({ [READ_THREADS_ENV]: " " })).toBeUndefined();
    expect(readThreadsFromEnv({ [READ_THREADS_ENV]: "0" })).toBe(0);
    expect(readThreadsFromEnv({ [READ_THREADS_ENV]: "256" })).toBe(256);
    for (const text of ["257", "-1", "1.5", "two"])
      expect(() => readThreadsFromEnv({ [READ_THREADS_ENV]: text })).toThrow(
        `SHUANGBAO_READ_THREADS=${text}`,
      );
  });
});

describe("findings per column", () => {
  it("lists at most findingsPerColumn data findings of a kind in a column, and counts the rest", async () => {
    // Five visits by people the dataset does not have, in visits.csv of a zip.
    const visits = [
      "人员编号,日期,类型,村代码",
      ...Array.from(
        { length: 5 },
        (_, i) => `NOBODY-${i},2016-03-01,主要负责同志调研,340822100201`,
      ),
    ].join("\n");
    const bytes = zipSync({ "visits.csv": strToU8(visits) });
    const unknownPeople = (findings: readonly Finding[]) =>
      findings.filter((f) => f.ruleId === "data.unknown-reference" && f.field === "personId");
    const all = await readDatasetFromBytes(bytes, { limits: { findingsPerColumn: 5 } });
    expect(unknownPeople(all.loadFindings)).toHaveLength(5);
    const cut = await readDatasetFromBytes(bytes, { limits: { findingsPerColumn: 2 } });
    const found = unknownPeople(cut.loadFindings);
    expect(found).toHaveLength(3);
    expect(found[2]!.message.zh).toContain("另有3条同类数据问题");
  });
});
