/**
 * End to end, the built `shuangbao` reading the files clerks make: workbooks with a merged title
 * and notes above the header, sheets and files named as people name them, GBK and UTF-16 CSV with
 * blank rows and mixed line endings, zips made by Windows with GBK names.
 */
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compliantCounty } from "@shuangbao/core/testing";
import { strToU8 } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import {
  csvText,
  datasetSheets,
  gbk,
  peopleWorkbook,
  sheetCsv,
  utf16le,
  windowsZip,
} from "../../../packages/io/src/testing/made-by-people.js";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const shuangbao = (args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    timeout: 120_000,
  });
const AS_OF = ["--as-of", "2018-07-20"];

interface JsonReport {
  findings: { ruleId: string; field?: string; source?: { file?: string; sheet?: string } }[];
}
const dataFindings = (stdout: string) =>
  (JSON.parse(stdout) as JsonReport).findings.filter((f) => f.ruleId.startsWith("data."));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "shuangbao-files-e2e-"));
});

describe("shuangbao audit on the files people make", () => {
  it("reads a workbook with merged titles and notes, its sheets named 贫困户信息表 and Sheet1…", async () => {
    const sheets = datasetSheets(compliantCounty(), {
      naming: (c, i) => (c === "households" ? "贫困户信息表" : `Sheet${i + 1}`),
    });
    const path = join(dir, "岳西县双包数据.xlsx");
    await writeFile(path, await peopleWorkbook(sheets));
    const r = shuangbao(["audit", path, ...AS_OF]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("未发现问题");
    expect(r.stdout).toContain("贫困户信息表");
    expect(r.stdout).toContain("按表头识别");
    expect(r.stdout).toContain("表头在第5行");
    const json = shuangbao(["audit", path, ...AS_OF, "--format", "json"]);
    expect(dataFindings(json.stdout)).toEqual([]);
  });

  it("reads a CSV folder as Excel saves it: GBK with titles, Unicode text, blank rows, mixed line endings", async () => {
    const folder = join(dir, "csv");
    await mkdir(folder);
    for (const s of datasetSheets(compliantCounty(), { naming: "zh" })) {
      let bytes: Uint8Array;
      if (s.name === "村") {
        // Excel's "Unicode text": UTF-16LE with a BOM, tab-separated, saved as .txt, named oddly.
        await writeFile(join(folder, "贫困村名单.txt"), utf16le(sheetCsv(s, "\r\n", "\t")));
        continue;
      }
      if (s.name === "贫困户") {
        // Blank rows left between records, and LF lines pasted into a CRLF file.
        const [head, ...rows] = sheetCsv(s).split("\r\n");
        const mixed = rows.map((line, i) => (i % 2 ? `${line}\n` : `${line}\r\n`)).join("");
        bytes = strToU8(`${head}\r\n,,,,,,,,,,,,\r\n${mixed}\r\n\r\n`);
      } else bytes = gbk(sheetCsv(s));
      await writeFile(join(folder, `${s.name}.csv`), bytes);
    }
    const r = shuangbao(["audit", folder, ...AS_OF]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("未发现问题");
    expect(r.stdout).toContain("贫困村名单.txt");
    const json = shuangbao(["audit", folder, ...AS_OF, "--format", "json"]);
    expect(dataFindings(json.stdout)).toEqual([]);
  });

  it("reads a zip made by Windows, its Chinese file names in GBK", async () => {
    const files = Object.fromEntries(
      datasetSheets(compliantCounty(), { naming: "zh", title: false, notes: [], blankRows: 0 }).map(
        (s) => [`${s.name}.csv`, gbk(sheetCsv(s))],
      ),
    );
    const path = join(dir, "岳西.zip");
    await writeFile(path, windowsZip(files));
    const r = shuangbao(["audit", path, ...AS_OF]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("岳西.zip/村.csv");
    expect(r.stdout).not.toMatch(/Ã|Â|¡|¢|£/);
  });

  it("warns of an unknown column once per file, not per sheet or row", async () => {
    const [cities, counties, townships, villages] = datasetSheets(compliantCounty());
    const noted = (name: string, rows: unknown[][]) => ({
      ...villages!,
      name,
      header: [...villages!.header, "备注"],
      rows: rows.map((r) => [...r, "无"]),
    });
    const path = join(dir, "备注.xlsx");
    await writeFile(
      path,
      await peopleWorkbook([
        cities!,
        counties!,
        townships!,
        noted("村", villages!.rows.slice(0, 2)),
        noted("村 (2)", villages!.rows.slice(2)),
      ]),
    );
    const json = shuangbao(["audit", path, ...AS_OF, "--format", "json"]);
    const unknown = dataFindings(json.stdout).filter((f) => f.ruleId === "data.unknown-column");
    expect(unknown.map((f) => [f.field, f.source?.file, f.source?.sheet])).toEqual([
      ["备注", "备注.xlsx", "村"],
    ]);
    const csv = join(dir, "备注-csv");
    await mkdir(csv);
    for (const s of [cities!, counties!, townships!]) {
      await writeFile(join(csv, `${s.name}.csv`), sheetCsv(s));
    }
    const rows = Array.from({ length: 5000 }, (_, i) => [
      `34082810020${String(i).padStart(4, "0")}`,
      `村${i}`,
      "340828100",
      "否",
      "",
      "",
      "",
      "无",
    ]);
    await writeFile(join(csv, "村.csv"), csvText([[...villages!.header, "备注"], ...rows]));
    const r = shuangbao(["audit", csv, ...AS_OF, "--format", "json"]);
    const once = dataFindings(r.stdout).filter((f) => f.ruleId === "data.unknown-column");
    expect(once.map((f) => f.field)).toEqual(["备注"]);
  });
});
