import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { shuangbao } from "./built.js";
import { fixtureFolder } from "./fixture-folder.js";

let utf8: string;
let gbk: string;
beforeAll(async () => {
  utf8 = await fixtureFolder({ broken: true });
  gbk = `${utf8}-gbk`;
  await mkdir(gbk);
  for (const f of await readdir(utf8)) {
    const text = (await readFile(join(utf8, f), "utf8")).replace(/^\uFEFF/, "");
    await writeFile(
      join(gbk, f),
      execFileSync("iconv", ["-f", "UTF-8", "-t", "GB18030"], { input: text }),
    );
  }
});

describe("the built shuangbao binary", () => {
  it("prints its version", () => {
    expect(shuangbao(["--version"]).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("audits a CSV folder and exits 1 on its error", () => {
    const r = shuangbao(["audit", utf8, "--as-of", "2018-07-20"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("unit.has-deputy");
    expect(r.stderr).toBe("");
  });

  it("audits the bundled sample folder, naming its planted faults", () => {
    const example = fileURLToPath(new URL("../../../examples/yuexi", import.meta.url));
    const r = shuangbao(["audit", example, "--as-of", "2018-07-20", "--format", "json"]);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as {
      summary: { error: number };
      findings: {
        ruleId: string;
        entity: { collection: string; id: string };
        source?: { file: string };
      }[];
    };
    // The example's README lists every planted fault as `| \`rule\` | collection \`id\` | … |`:
    // the audit finds exactly those (same rule, same entity) and nothing else.
    const readme = readFileSync(join(example, "README.md"), "utf8");
    const planted = [
      ...readme.matchAll(/^\| `([a-z-]+\.[a-z-]+)` \| ([A-Za-z]+) `([^`]+)` \|/gm),
    ].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    expect(planted.length).toBeGreaterThanOrEqual(90);
    const found = report.findings.map((f) => `${f.ruleId} ${f.entity.collection} ${f.entity.id}`);
    expect([...new Set(found)].sort()).toEqual([...new Set(planted)].sort());
    expect(new Set(report.findings.map((f) => f.ruleId)).size).toBeGreaterThanOrEqual(35);
    expect(
      report.findings.every((f) => f.source === undefined || f.source.file.endsWith(".csv")),
    ).toBe(true);
    expect(shuangbao(["audit", example, "--as-of", "2018-07-20", "--format", "json"]).stdout).toBe(
      r.stdout,
    );
  });

  it("writes a sample and plans it", async () => {
    const out = `${utf8}-sample`;
    expect(shuangbao(["sample", "--scale", "county", "--seed", "5", "--out", out]).status).toBe(0);
    const plan = shuangbao(["plan", out, "--out", `${out}-plan`, "--as-of", "2018-07-20"]);
    expect(plan.status).toBe(0);
    expect(plan.stdout).toContain("提出包村安排0条");
  });

  it("reads a GBK CSV folder as the same data", () => {
    const a = shuangbao(["audit", utf8, "--as-of", "2018-07-20", "--format", "json"]);
    const b = shuangbao(["audit", gbk, "--as-of", "2018-07-20", "--format", "json"]);
    expect(b.status).toBe(1);
    expect(b.stdout).toBe(a.stdout);
  });

  it("exits 2 without a stack trace on unreadable input", () => {
    const r = shuangbao(["audit", "/no/such/folder"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("/no/such/folder");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
