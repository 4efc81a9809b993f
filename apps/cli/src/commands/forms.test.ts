import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { fixtureFolder } from "../../test/fixture-folder.js";
import { run } from "../../test/run.js";

async function load(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  return workbook;
}

const FORM_FILES = [
  "cadre-register.csv",
  "cadre-summary.csv",
  "unit-register.csv",
  "unit-summary.csv",
];

describe("shuangbao forms", () => {
  it("writes the four forms as CSV into --out DIR, with Chinese headers", async () => {
    const out = await mkdtemp(join(tmpdir(), "shuangbao-forms-"));
    const r = await run([
      "forms",
      await fixtureFolder(),
      "--out",
      out,
      "--as-of",
      "2018-07-20",
      "--format",
      "csv",
    ]);
    expect(r.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(FORM_FILES);
    const register = await readFile(join(out, "unit-register.csv"), "utf8");
    expect(register).toContain("单位名称");
    expect(register).toContain("省扶贫办");
    expect(r.stderr).toContain("安徽省包村帮扶单位基本情况登记表");
  });

  it("writes the four forms in one workbook with -o, each with its title, 填报单位 and date", async () => {
    const dir = await mkdtemp(join(tmpdir(), "shuangbao-forms-"));
    const file = join(dir, "附件表.xlsx");
    const r = await run([
      "forms",
      await fixtureFolder(),
      "-o",
      file,
      "--as-of",
      "2018-07-20",
      "--unit",
      "岳西县扶贫办",
    ]);
    expect(r.code).toBe(0);
    expect(await readdir(dir)).toEqual(["附件表.xlsx"]);
    const workbook = await load(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "安徽省包村帮扶单位基本情况登记表",
      "驻村帮扶干部基本情况登记表",
      "安徽省单位包村基本情况汇总表",
      "驻村帮扶干部基本情况汇总表",
    ]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell("A1").value).toBe("安徽省包村帮扶单位基本情况登记表");
    expect(sheet.getCell("A1").isMerged).toBe(true);
    expect(sheet.getCell("A2").value).toBe("填报单位（盖章）：岳西县扶贫办");
    const notes = (sheet.getRow(2).values as unknown[]).filter(Boolean);
    expect(notes).toContain("截至2018年7月20日");
    expect(sheet.getCell("A3").value).toBe("序号");
    expect(sheet.getCell("C3").value).toBe("单位名称");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9 });
    expect(sheet.pageSetup.printTitlesRow).toBe("3:3");
    const rows: unknown[] = [];
    sheet.eachRow((row, n) => {
      if (n > 3) rows.push((row.values as unknown[])[3]);
    });
    expect(rows).toContain("省扶贫办");
    // Widths from the content: the unit-name column fits its longest name, CJK counted double.
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(10);
  });

  it("writes a laid-out XLSX per form into --out DIR by default", async () => {
    const out = await mkdtemp(join(tmpdir(), "shuangbao-forms-"));
    expect(
      (await run(["forms", await fixtureFolder(), "--out", out, "--as-of", "2018-07-20"])).code,
    ).toBe(0);
    const files = (await readdir(out)).sort();
    expect(files).toEqual(FORM_FILES.map((f) => f.replace(".csv", ".xlsx")));
    const workbook = await load(join(out, "unit-summary.xlsx"));
    expect(workbook.worksheets[0]!.getCell("A1").value).toBe("安徽省单位包村基本情况汇总表");
  });

  it("refuses an existing workbook without --force, CSV into one file, and both -o and --out", async () => {
    const input = await fixtureFolder();
    const dir = await mkdtemp(join(tmpdir(), "shuangbao-forms-"));
    const file = join(dir, "forms.xlsx");
    await writeFile(file, "keep me");
    const refused = await run(["forms", input, "-o", file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/已存在.*--force/);
    expect(await readFile(file, "utf8")).toBe("keep me");
    expect((await run(["forms", input, "-o", file, "--force", "--as-of", "2018-07-20"])).code).toBe(
      0,
    );
    expect((await readFile(file)).subarray(0, 2).toString()).toBe("PK");
    const csv = await run(["forms", input, "-o", join(dir, "forms.csv")]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain("--out");
    expect((await run(["forms", input, "-o", file, "--out", dir])).code).toBe(2);
  });

  it("refuses to write into the input folder", async () => {
    const input = await fixtureFolder();
    const r = await run(["forms", input, "--out", input, "--format", "csv"]);
    expect(r.code).toBe(2);
    expect((await readdir(input)).some((f) => f.startsWith("unit-register"))).toBe(false);
  });

  it("exits 2 without an output or on unreadable input", async () => {
    expect((await run(["forms", await fixtureFolder()])).code).toBe(2);
    expect((await run(["forms", "/no/such", "--out", join(tmpdir(), "x-forms")])).code).toBe(2);
  });
});
