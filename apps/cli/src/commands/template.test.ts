import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readDatasetFromBytes } from "@shuangbao/io";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../io.js";
import { runTemplate, TEMPLATE_FILE, templateSpec } from "./template.js";

function io() {
  const out = { stdout: "", stderr: "" };
  const cli: CliIo = {
    stdout: (t) => {
      out.stdout += t;
    },
    stderr: (t) => {
      out.stderr += t;
    },
    env: {},
    stderrIsTTY: false,
    stdoutIsTTY: false,
    today: () => "2017-12-31",
  };
  return { cli, out };
}

describe("shuangbao template", () => {
  it("writes the blank template workbook to -o FILE", async () => {
    const dir = await mkdtemp(join(tmpdir(), "shuangbao-template-"));
    const file = join(dir, "双包数据模板.xlsx");
    const { cli, out } = io();
    expect(await runTemplate(["-o", file], cli)).toBe(0);
    expect(out.stderr).toContain("填表说明");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name).slice(0, 5)).toEqual([
      "填表说明",
      "地市",
      "县区",
      "乡镇",
      "村",
    ]);
    // Read back blank: only the four required collections are missing, nothing else.
    const index = await readDatasetFromBytes(new Uint8Array(await readFile(file)), { name: file });
    expect(index.loadFindings.every((f) => f.ruleId === "data.invalid-field")).toBe(true);
  });

  it("refuses an existing file without --force and replaces it with --force", async () => {
    const dir = await mkdtemp(join(tmpdir(), "shuangbao-template-"));
    const file = join(dir, "t.xlsx");
    await writeFile(file, "keep me");
    await expect(runTemplate(["-o", file], io().cli)).rejects.toThrow(/已存在.*--force/);
    expect(await readFile(file, "utf8")).toBe("keep me");
    expect(await runTemplate(["-o", file, "--force"], io().cli)).toBe(0);
    expect((await readFile(file)).subarray(0, 2).toString()).toBe("PK");
    expect(await readdir(dir)).toEqual(["t.xlsx"]);
  });

  it("names its default file and takes no positional argument", async () => {
    expect(templateSpec.help.output).toContain(TEMPLATE_FILE);
    await expect(runTemplate(["extra"], io().cli)).rejects.toThrow(/多余的参数/);
  });
});
