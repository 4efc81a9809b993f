import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureFolder } from "../../test/fixture-folder.js";
import { run } from "../../test/run.js";

describe("shuangbao forms", () => {
  it("writes the four forms as CSV, with Chinese headers", async () => {
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
    expect((await readdir(out)).sort()).toEqual([
      "cadre-register.csv",
      "cadre-summary.csv",
      "unit-register.csv",
      "unit-summary.csv",
    ]);
    const register = await readFile(join(out, "unit-register.csv"), "utf8");
    expect(register).toContain("单位名称");
    expect(register).toContain("省扶贫办");
    expect(r.stderr).toContain("安徽省包村帮扶单位基本情况登记表");
  });

  it("writes XLSX by default", async () => {
    const out = await mkdtemp(join(tmpdir(), "shuangbao-forms-"));
    expect(
      (await run(["forms", await fixtureFolder(), "--out", out, "--as-of", "2018-07-20"])).code,
    ).toBe(0);
    expect((await readdir(out)).every((f) => f.endsWith(".xlsx"))).toBe(true);
  });

  it("exits 2 without --out or on unreadable input", async () => {
    expect((await run(["forms", await fixtureFolder()])).code).toBe(2);
    expect((await run(["forms", "/no/such", "--out", "/tmp/x"])).code).toBe(2);
  });
});
