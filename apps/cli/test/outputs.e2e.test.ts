/**
 * Output people use in Excel, through the built binary: the blank template filled in as a clerk
 * would and audited clean, the XLSX report, the four forms in one workbook.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { COLLECTION_NAMES, COLLECTIONS, type FieldSpec } from "@shuangbao/core";
import { compliantCounty } from "@shuangbao/core/testing";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { fixtureFolder } from "./fixture-folder.js";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const shuangbao = (args: string[], cwd?: string) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    ...(cwd ? { cwd } : {}),
  });

async function load(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  return workbook;
}

/** What a clerk types: text in id columns, real dates, labels from the lists, 是/否, numbers. */
function typed(f: FieldSpec, v: unknown): ExcelJS.CellValue {
  if (v === undefined || v === null) return null;
  if (f.kind === "date") return new Date(`${String(v)}T00:00:00Z`);
  if (f.kind === "boolean") return v ? "是" : "否";
  if (f.kind === "enum") return (f.vocabulary!.labels as Record<string, string>)[String(v)]!;
  if (f.kind === "integer") return Number(v);
  return String(v);
}

describe("output people use in Excel", () => {
  it("template: a blank workbook that, filled in as a clerk would, audits with no data finding", async () => {
    const dir = await mkdtemp(join(tmpdir(), "shuangbao-template-e2e-"));
    const made = shuangbao(["template", "-o", "双包数据模板.xlsx"], dir);
    expect(made.status, made.stderr).toBe(0);
    const file = join(dir, "双包数据模板.xlsx");
    const workbook = await load(file);
    const data = compliantCounty();
    for (const c of COLLECTION_NAMES) {
      const sheet = workbook.getWorksheet(COLLECTIONS[c].zh)!;
      const fields = COLLECTIONS[c].fields;
      (data[c] as unknown as Record<string, unknown>[]).forEach((row, r) => {
        fields.forEach((f, i) => {
          const v = typed(f, row[f.name]);
          if (v !== null) sheet.getCell(r + 2, i + 1).value = v;
        });
      });
    }
    const filled = join(dir, "岳西县双包数据.xlsx");
    await writeFile(filled, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const r = shuangbao(["audit", filled, "--as-of", "2018-07-20", "--format", "json"]);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { findings: { ruleId: string }[] };
    expect(report.findings.filter((f) => f.ruleId.startsWith("data."))).toEqual([]);
    // Never over an existing file without --force.
    const again = shuangbao(["template", "-o", "双包数据模板.xlsx"], dir);
    expect(again.status).toBe(2);
  }, 120_000);

  it("audit --format xlsx: 说明, 汇总, 问题清单 and 读取情况, in Chinese words", async () => {
    const input = await fixtureFolder({ broken: true });
    const out = join(await mkdtemp(join(tmpdir(), "shuangbao-report-e2e-")), "核查报告.xlsx");
    const r = shuangbao(["audit", input, "--as-of", "2018-07-20", "-o", out]);
    expect(r.status, r.stderr).toBe(1);
    const workbook = await load(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "说明",
      "汇总",
      "问题清单",
      "读取情况",
    ]);
    const list = workbook.getWorksheet("问题清单")!;
    expect(list.getCell("A2").value).toBe("不符合");
    expect(list.getCell("B2").value).toBe("unit.has-deputy");
    expect(list.getCell("I2").value).toBe("安庆市农委");
    expect(list.autoFilter).toBeTruthy();
    const bytes = await readFile(out);
    const twice = join(await mkdtemp(join(tmpdir(), "shuangbao-report-e2e-")), "r.xlsx");
    shuangbao(["audit", input, "--as-of", "2018-07-20", "-o", twice]);
    expect(bytes.equals(await readFile(twice))).toBe(true);
  });

  it("forms -o FILE.xlsx: the four forms in one workbook, each with its title and date", async () => {
    const input = await fixtureFolder();
    const out = join(await mkdtemp(join(tmpdir(), "shuangbao-forms-e2e-")), "附件表.xlsx");
    const r = shuangbao(["forms", input, "--as-of", "2018-07-20", "-o", out]);
    expect(r.status, r.stderr).toBe(0);
    const workbook = await load(out);
    expect(workbook.worksheets).toHaveLength(4);
    for (const sheet of workbook.worksheets) {
      expect(sheet.getCell("A1").value).toBe(sheet.name);
      expect([...new Set((sheet.getRow(2).values as unknown[]).filter(Boolean))]).toEqual([
        "填报单位（盖章）：",
        "截至2018年7月20日",
      ]);
      expect(sheet.pageSetup.orientation).toBe("landscape");
    }
  });
});
