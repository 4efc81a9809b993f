import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { maskText } from "@shuangbao/core";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { byId, fixtureFolder, ID } from "../../test/fixture-folder.js";
import { run } from "../../test/run.js";
import { outputFormat } from "./audit.js";

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
    expect(r.stdout).toContain("一、数据读取情况");
    expect(r.stdout).toContain("  units.csv：读作帮扶单位（按名称识别），表头在第1行，");
    expect(r.stdout).toContain("五、问题清单");
    expect(r.stdout).toMatch(/不符合 unit\.has-deputy ［四2］ \S*分管负责人/);
    expect(r.stdout).toContain("“包村帮扶单位要确定分管负责人”");
    expect(r.stdout).toMatch(/安庆市农委（U-C1）.*（units\.csv第3行）/);
    expect(r.stdout).not.toContain("\x1b[");
  });

  it("holds the read to the limits of the environment, naming the limit (exit 2)", async () => {
    // The fixture's largest collection is its 116 visits: 116 rows pass, 115 do not.
    const at = await run(["audit", clean, ...AS_OF], { SHUANGBAO_MAX_ROWS: "116" });
    expect(at.code).toBe(0);
    const over = await run(["audit", clean, ...AS_OF], { SHUANGBAO_MAX_ROWS: "115" });
    expect(over.code).toBe(2);
    expect(over.stderr).toContain("数据表“走访调研”的行数超过上限 115（SHUANGBAO_MAX_ROWS）");
    const cells = await run(["audit", clean, ...AS_OF], { SHUANGBAO_MAX_CELLS: "3" });
    expect(cells.code).toBe(2);
    expect(cells.stderr).toContain("SHUANGBAO_MAX_CELLS");
    const bad = await run(["audit", clean, ...AS_OF], { SHUANGBAO_MAX_ROWS: "many" });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("SHUANGBAO_MAX_ROWS=many");
  });

  it("reads on the worker threads the environment asks for, refusing a value that is no count", async () => {
    expect((await run(["audit", clean, ...AS_OF], { SHUANGBAO_READ_THREADS: "0" })).code).toBe(0);
    const bad = await run(["audit", clean, ...AS_OF], { SHUANGBAO_READ_THREADS: "-1" });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("SHUANGBAO_READ_THREADS=-1");
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
    expect(lines[0]).toMatch(
      /^\uFEFFkind,severity,ruleId,clause,.*,message,file,sheet,line,field$/,
    );
    expect(lines[1]).toMatch(
      /^breach,error,unit.has-deputy,四2,.*deputy.*,units.csv,,3,(deputyId)?$/,
    );
    const zh = await run(["audit", broken, ...AS_OF, "--format", "csv"]);
    expect(zh.stdout.split("\r\n")[0]).toMatch(/^\uFEFF问题类别,严重程度,规则,/);
    expect(zh.stdout.split("\r\n")[1]).toMatch(/^不符合,[^,]*,unit\.has-deputy,/);
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
      ["audit", clean, "--as-of", "9999-12-31"],
      ["audit", clean, "--as-of", "2014-07-08"],
      ["audit", clean, "--rule", "no.such-rule"],
      ["audit", clean, "--severity", "unit.has-deputy=fatal"],
      ["audit", clean, "--format", "pdf"],
      ["audit", clean, "--as-of", "2018-07-20", "--as-of", "2018-07-21"],
      ["audit", clean, "-o", "/tmp/a.txt", "--output", "/tmp/b.txt"],
      ["audit", clean, "--as-of"],
      ["audit", clean, "--quiet=yes"],
      ["audit", clean, "extra"],
    ]) {
      const r = await run(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/^shuangbao audit: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      // Chinese first, English alongside.
      const [zh, en] = r.stderr.replace(/^shuangbao audit: /, "").split(/ [·/] /);
      expect(zh, r.stderr).toMatch(/[\u4e00-\u9fff]/);
      expect(en, r.stderr).toMatch(/[a-z]{3}/);
    }
    expect(
      (await run(["audit", clean, "--as-of", "2018-07-20", "--as-of", "2018-07-21"])).stderr,
    ).toContain("--as-of");
    // The window: the policy's date to today (2017-12-31 in tests) + 10 years, both included.
    expect((await run(["audit", clean, "--as-of", "2027-12-31", "--fail-on", "never"])).code).toBe(
      0,
    );
    expect((await run(["audit", clean, "--as-of", "2028-01-01"])).stderr).toContain(
      "2014-07-09至2027-12-31",
    );
  });

  it("reads the rule selection as the API does (core's parser): ID:LEVEL, commas, the bad entry named", async () => {
    const sel = ["--severity", "unit.has-deputy:warning", "--skip-rule", "village.has-unit,x.y"];
    const bad = await run(["audit", broken, ...AS_OF, ...sel]);
    expect(bad.stderr).toBe(
      "shuangbao audit: 没有编号为“x.y”的规则或数据检查 · unknown rule id “x.y”\n",
    );
    expect((await run(["audit", broken, ...AS_OF, ...sel.slice(0, 2)])).code).toBe(0);
    const level = await run(["audit", broken, ...AS_OF, "--severity", "unit.has-deputy=fatal"]);
    expect(level.stderr).toContain("“fatal”");
  });

  it("takes list flags more than once", async () => {
    const r = await run([
      "audit",
      broken,
      ...AS_OF,
      "--format",
      "json",
      "--skip-rule",
      "unit.has-deputy",
      "--skip-rule",
      "village.has-unit",
    ]);
    expect(r.code).toBe(0);
  });
});

describe("shuangbao audit: output", () => {
  it("infers the format from the output file's extension, and refuses a mismatch", async () => {
    const dir = await mkdtemp(join(tmpdir(), "shuangbao-fmt-"));
    const at = (name: string) => join(dir, name);
    expect((await run(["audit", broken, ...AS_OF, "-o", at("r.xlsx")])).code).toBe(1);
    expect((await readFile(at("r.xlsx"))).subarray(0, 2).toString()).toBe("PK");
    await run(["audit", broken, ...AS_OF, "-o", at("r.csv")]);
    expect(await readFile(at("r.csv"), "utf8")).toMatch(/^\uFEFF问题类别,/);
    await run(["audit", broken, ...AS_OF, "-o", at("R.JSON")]);
    expect(JSON.parse(await readFile(at("R.JSON"), "utf8")).asOf).toBe("2018-07-20");
    for (const name of ["r.txt", "r.text", "r.report"]) {
      await run(["audit", broken, ...AS_OF, "-o", at(name)]);
      expect(await readFile(at(name), "utf8")).toContain("核查基准日：2018年7月20日");
    }
    const mismatch = await run(["audit", broken, ...AS_OF, "--format", "csv", "-o", at("m.xlsx")]);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain("--format csv 与输出文件");
    expect(mismatch.stderr).toContain("does not match the extension");
    expect((await readdir(dir)).sort()).toEqual([
      "R.JSON",
      "r.csv",
      "r.report",
      "r.text",
      "r.txt",
      "r.xlsx",
    ]);
    // An extension it does not know leaves --format free.
    expect(outputFormat("json", "report.out")).toBe("json");
    expect(outputFormat(undefined, undefined)).toBe("text");
  });

  it("never writes over its input, and needs --force to replace a report", async () => {
    const dir = await mkdtemp(join(tmpdir(), "shuangbao-safe-"));
    const params = join(dir, "p.json");
    await writeFile(params, "{}");
    const before = await readFile(join(broken, "units.csv"));
    for (const out of [join(broken, "units.csv"), join(broken, "report.txt"), params]) {
      const r = await run(["audit", broken, ...AS_OF, "--params", params, "-o", out, "--force"]);
      expect(r.code, out).toBe(2);
      expect(r.stderr).toMatch(/输入文件/);
      expect(r.stderr).toContain(out);
    }
    expect(await readFile(join(broken, "units.csv"))).toEqual(before);
    expect(await readFile(params, "utf8")).toBe("{}");
    const report = join(dir, "report.txt");
    await writeFile(report, "yesterday's report");
    const refused = await run(["audit", broken, ...AS_OF, "-o", report]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`输出文件“${report}”已存在`);
    expect(await readFile(report, "utf8")).toBe("yesterday's report");
    expect((await run(["audit", broken, ...AS_OF, "-o", report, "--force"])).code).toBe(1);
    expect(await readFile(report, "utf8")).toContain("问题清单");
    expect((await readdir(dir)).sort()).toEqual(["p.json", "report.txt"]);
  });

  it("reads a --params file with a UTF-8 BOM, and names a file that is not JSON", async () => {
    const dir = await mkdtemp(join(tmpdir(), "shuangbao-params-"));
    const bom = join(dir, "参数.json");
    await writeFile(bom, `\uFEFF${JSON.stringify({ principalVisitsPerYear: 3 })}\r\n`);
    const r = await run(["audit", clean, ...AS_OF, "--format", "json", "--params", bom]);
    expect(JSON.parse(r.stdout).policy.parameters.principalVisitsPerYear).toBe(3);
    const bad = join(dir, "bad.json");
    await writeFile(bad, "{ principalVisitsPerYear: 3 }");
    for (const path of [bad, join(dir, "missing.json")]) {
      const e = await run(["audit", clean, ...AS_OF, "--params", path]);
      expect(e.code).toBe(2);
      expect(e.stderr).toContain(`“${path}”`);
    }
    await writeFile(bad, JSON.stringify({ principalVisitsPerYear: "three" }));
    const kind = await run(["audit", clean, ...AS_OF, "--params", bad]);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/^shuangbao audit: 参数“principalVisitsPerYear”的取值有误 · /);
  });

  it("masks resident ID and phone numbers in every format with --mask", async () => {
    let id = "";
    const folder = await fixtureFolder({
      change: (d) => {
        const h = byId(d.households, ID.h1);
        // A wrong check digit: the finding quotes the number.
        id = h.idNumber!.slice(0, 17) + (h.idNumber!.endsWith("1") ? "2" : "1");
        h.idNumber = id;
      },
    });
    const plain = await run(["audit", folder, ...AS_OF, "--format", "json"]);
    expect(plain.stdout).toContain(id);
    const masked = maskText(id);
    expect(masked).toMatch(/^\d{4,6}\*+\d{3}[\dX]$/);
    for (const format of ["json", "csv", "text"]) {
      const r = await run(["audit", folder, ...AS_OF, "--format", format, "--mask"]);
      expect(r.stdout, format).not.toContain(id);
      expect(r.stdout, format).toContain(masked);
    }
    const xlsx = join(await mkdtemp(join(tmpdir(), "shuangbao-mask-")), "r.xlsx");
    await run(["audit", folder, ...AS_OF, "--mask", "-o", xlsx]);
    const xml = Object.values(unzipSync(await readFile(xlsx)))
      .map((b) => strFromU8(b))
      .join("");
    expect(xml).not.toContain(id);
    expect(xml).toContain(masked);
  });
});

describe("shuangbao audit: the text report", () => {
  it("says what was read as what, and shows many like findings as one line", async () => {
    const folder = await fixtureFolder({
      change: (d) => {
        for (const p of d.people) p.birthDate = "1970-02-30";
      },
    });
    // Columns the data model does not know, as clerks add them.
    const file = join(folder, "households.csv");
    const lines = (await readFile(file, "utf8")).split("\r\n");
    await writeFile(
      file,
      lines.map((l, i) => (i === 0 ? `${l},备注,联系人,经办人` : l ? `${l},,,` : l)).join("\r\n"),
    );
    const r = await run(["audit", folder, ...AS_OF]);
    const text = r.stdout;
    const read = text.indexOf("一、数据读取情况");
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(text.indexOf("二、总体情况"));
    expect(text).toMatch(
      / {2}households\.csv：读作贫困户（按名称识别），表头在第1行，匹配\d+列，忽略3列（“备注”、“联系人”、“经办人”），数据5行。/,
    );
    // The unknown columns: one line for the file.
    expect(text).toContain(
      "贫困户表中的3列不在数据模型中，已忽略：“备注”、“经办人”、“联系人”。（households.csv）",
    );
    expect(text.match(/不在数据模型中/g)).toHaveLength(1);
    // One field of one file failing on every row: one line with the count and the first rows.
    const people = JSON.parse(
      (await run(["audit", folder, ...AS_OF, "--format", "json"])).stdout,
    ).findings.filter((f: { ruleId: string; field?: string }) => f.field === "birthDate");
    expect(people.length).toBeGreaterThan(5);
    expect(text).toMatch(
      new RegExp(`  - 共${people.length}行（people\\.csv第2、3、4、5、6行…），例如：`),
    );
    expect(text.match(/“出生日期”/g)?.length ?? 0).toBeLessThan(3);
    const en = (await run(["audit", folder, ...AS_OF, "--lang", "en"])).stdout;
    expect(en).toContain("1. What was read");
    expect(en).toContain(`  - ${people.length} rows (people.csv lines 2, 3, 4, 5, 6…), e.g. `);
  });
});
