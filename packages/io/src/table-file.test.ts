import type { Table } from "@shuangbao/core";
import { describe, expect, it } from "vitest";
import { tableToCsv } from "./csv-writer.js";
import { tablesFile } from "./table-file.js";
import { tablesXlsx } from "./xlsx-writer.js";

const table = (): Table => ({
  id: "t",
  columns: [
    { key: "name", header: "名称", en: "name" },
    { key: "ok", header: "是否", en: "ok", kind: "boolean" },
  ],
  rows: [
    { name: "=1", ok: true },
    { name: "乙", ok: false },
  ],
});
const text = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

describe("tablesFile", () => {
  it("writes CSV as tableToCsv does, in either header language", async () => {
    expect(text(await tablesFile([table()], "csv"))).toBe(tableToCsv(table()));
    expect(text(await tablesFile([table()], "csv", { headers: "en" }))).toBe(
      "\uFEFFname,ok\r\n'=1,true\r\n乙,false\r\n",
    );
  });

  it("writes XLSX as tablesXlsx does, a sheet per table", async () => {
    expect(await tablesFile([table(), table()], "xlsx", { headers: "en" })).toEqual(
      await tablesXlsx([table(), table()], { headers: "en" }),
    );
  });

  it("writes JSON with the rows as an array, even when they were an iterable", async () => {
    const lazy: Table = { ...table(), rows: new Set(table().rows) };
    expect(JSON.parse(text(await tablesFile([lazy], "json")))).toEqual(table());
  });

  it("refuses several tables in one CSV or JSON file", async () => {
    await expect(tablesFile([table(), table()], "csv")).rejects.toThrow(RangeError);
    await expect(tablesFile([], "json")).rejects.toThrow(RangeError);
  });
});
