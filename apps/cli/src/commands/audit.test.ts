import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureFolder } from "../../test/fixture-folder.js";
import { run } from "../../test/run.js";

let clean: string;
let broken: string;
beforeAll(async () => {
  clean = await fixtureFolder();
  broken = await fixtureFolder({ broken: true });
});
const AS_OF = ["--as-of", "2018-07-20"];

describe("shuangbao audit", () => {
  it("exits 0 and says so when nothing is found", async () => {
    const r = await run(["audit", clean, ...AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("未发现问题");
    expect(r.stderr).toBe("");
  });

  it("prints a summary, then findings grouped by rule with clause, quote, entity and file:line", async () => {
    const r = await run(["audit", broken, ...AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("核查基准日：2018年7月20日");
    expect(r.stdout).toContain("截至2018年7月20日，共发现问题1项：不符合1项。");
    expect(r.stdout).toContain("四、问题清单");
    expect(r.stdout).toMatch(/不符合 unit\.has-deputy ［四2］ \S*分管负责人/);
    expect(r.stdout).toContain("“包村帮扶单位要确定分管负责人”");
    expect(r.stdout).toMatch(/安庆市农委（U-C1）.*（units\.csv:3）/);
    expect(r.stdout).not.toContain("\x1b[");
  });

  it("speaks English with --lang en", async () => {
    const r = await run(["audit", broken, ...AS_OF, "--lang", "en"]);
    expect(r.stdout).toContain("As of 2018-07-20, 1 findings: 1 breach.");
    expect(r.stdout).toMatch(/deputy/);
  });

  it("gates the exit code on --fail-on", async () => {
    expect((await run(["audit", broken, ...AS_OF, "--fail-on", "never"])).code).toBe(0);
    expect(
      (await run(["audit", broken, ...AS_OF, "--severity", "unit.has-deputy=warning"])).code,
    ).toBe(0);
    expect(
      (
        await run([
          "audit",
          broken,
          ...AS_OF,
          "--severity",
          "unit.has-deputy=warning",
          "--fail-on",
          "warning",
        ])
      ).code,
    ).toBe(1);
  });

  it("writes exactly the report as JSON, the same bytes twice", async () => {
    const a = await run(["audit", broken, ...AS_OF, "--format", "json"]);
    const report = JSON.parse(a.stdout);
    expect(report.asOf).toBe("2018-07-20");
    expect(report.summary.byRule).toEqual({ "unit.has-deputy": 1 });
    expect(report.findings[0]).toMatchObject({
      ruleId: "unit.has-deputy",
      source: { file: "units.csv", line: 3 },
    });
    expect((await run(["audit", broken, ...AS_OF, "--format", "json"])).stdout).toBe(a.stdout);
  });

  it("writes one CSV row per finding, and XLSX to a file", async () => {
    const r = await run(["audit", broken, ...AS_OF, "--format", "csv", "--lang", "en"]);
    const lines = r.stdout.split("\r\n");
    expect(lines[0]).toBe(
      "\uFEFFkind,severity,ruleId,clause,entity collection,entity id,entity name,related collection,related id,years,message,file,sheet,line,field",
    );
    expect(lines[1]).toMatch(
      /^breach,error,unit.has-deputy,四2,units,U-C1,安庆市农委,,,,.*deputy.*,units.csv,,3,(deputyId)?$/,
    );
    const zh = await run(["audit", broken, ...AS_OF, "--format", "csv"]);
    expect(zh.stdout.split("\r\n")[0]).toMatch(/^\uFEFF问题类别,严重程度,规则,/);
    expect(zh.stdout.split("\r\n")[1]).toMatch(/^不符合,error,unit\.has-deputy,/);
    const out = join(await mkdtemp(join(tmpdir(), "shuangbao-x-")), "f.xlsx");
    expect((await run(["audit", broken, ...AS_OF, "--format", "xlsx"])).code).toBe(2);
    expect((await run(["audit", broken, ...AS_OF, "--format", "xlsx", "-o", out])).code).toBe(1);
    expect((await readFile(out)).subarray(0, 2).toString()).toBe("PK");
  });

  it("runs only --rule, skips --skip-rule, and takes --params overrides", async () => {
    expect(
      JSON.parse(
        (
          await run([
            "audit",
            broken,
            ...AS_OF,
            "--format",
            "json",
            "--skip-rule",
            "unit.has-deputy",
          ])
        ).stdout,
      ).findings,
    ).toEqual([]);
    expect(
      JSON.parse(
        (await run(["audit", broken, ...AS_OF, "--format", "json", "--rule", "village.has-unit"]))
          .stdout,
      ).findings,
    ).toEqual([]);
    const params = join(await mkdtemp(join(tmpdir(), "shuangbao-p-")), "p.json");
    await writeFile(params, JSON.stringify({ principalVisitsPerYear: 3 }));
    const r = JSON.parse(
      (await run(["audit", clean, ...AS_OF, "--format", "json", "--params", params])).stdout,
    );
    expect(r.policy.parameters.principalVisitsPerYear).toBe(3);
    expect(r.summary.byRule["unit.principal-visits"]).toBe(3);
  });

  it("prints timings on stderr with --timings, and nothing with --quiet", async () => {
    const r = await run(["audit", broken, ...AS_OF, "--quiet", "--timings"]);
    expect(r.stdout).toBe("");
    expect(Object.keys(JSON.parse(r.stderr).timings)).toEqual(["read", "load", "audit", "write"]);
  });

  it("shows progress on stderr and colours on stdout only on a terminal, and never with NO_COLOR", async () => {
    const tty = await run(["audit", broken, ...AS_OF], {}, { stdout: true, stderr: true });
    expect(tty.stderr).toContain("核查 auditing");
    expect(tty.stdout).toContain("\x1b[");
    const noColor = await run(
      ["audit", broken, ...AS_OF],
      { NO_COLOR: "1" },
      { stdout: true, stderr: true },
    );
    expect(noColor.stdout).not.toContain("\x1b[");
    const piped = await run(["audit", broken, ...AS_OF]);
    expect(piped.stderr).toBe("");
  });

  it("exits 2 with a clear message for a missing path, a bad flag, a bad date or an unknown rule", async () => {
    for (const argv of [
      ["audit", "/no/such/path"],
      ["audit"],
      ["audit", clean, "--bogus"],
      ["audit", clean, "--as-of", "2015-02-29"],
      ["audit", clean, "--rule", "no.such-rule"],
      ["audit", clean, "--severity", "unit.has-deputy=fatal"],
      ["audit", clean, "--format", "pdf"],
    ]) {
      const r = await run(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/^shuangbao audit: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
