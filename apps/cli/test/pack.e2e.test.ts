/**
 * Installable on its own (issue 15): `npm pack` of the CLI gives a tarball that
 * `npm install -g` turns into a working `shuangbao` command with no workspace around it — the
 * workspace packages bundled in, their libraries installed from the registry. Needs the npm
 * registry; runs in `pnpm test`'s e2e phase (after the build) and removes its folders.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plainEnv } from "./built.js";
import { fixtureFolder } from "./fixture-folder.js";

const CLI = fileURLToPath(new URL("../", import.meta.url));
const VERSION = JSON.parse(readFileSync(join(CLI, "package.json"), "utf8")).version as string;

let work: string;
let bin: string;
let prefix: string;
let packed: { dependencies?: Record<string, string> };

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "shuangbao-pack-"));
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", work], {
    cwd: CLI,
    encoding: "utf8",
    env: plainEnv(),
  });
  const { filename } = (JSON.parse(out) as { filename: string }[])[0]!;
  const tarball = join(work, filename.replace(/^@/, "").replace("/", "-"));
  prefix = join(work, "prefix");
  // Installed as a user installs it, from outside any workspace.
  execFileSync("npm", ["install", "-g", "--no-audit", "--no-fund", "--prefix", prefix, tarball], {
    cwd: work,
    encoding: "utf8",
    env: plainEnv(),
    stdio: ["ignore", "pipe", "pipe"],
    // A registry that does not answer is a failure, not a hung test run.
    timeout: 300_000,
  });
  bin = join(prefix, "bin", "shuangbao");
  execFileSync("tar", ["xzf", tarball, "-C", work]);
  packed = JSON.parse(await readFile(join(work, "package", "package.json"), "utf8"));
}, 600_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const run = (args: string[]) =>
  spawnSync(bin, args, { cwd: work, encoding: "utf8", env: plainEnv(), timeout: 120_000 });

describe("the packed and installed shuangbao", () => {
  it("declares only registry dependencies, no workspace package", () => {
    const deps = packed.dependencies ?? {};
    expect(Object.keys(deps)).toContain("exceljs");
    for (const [name, spec] of Object.entries(deps)) {
      expect(name).not.toMatch(/^@shuangbao\//);
      expect(spec).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it("prints the version of its package.json", () => {
    const r = run(["--version"]);
    expect(r.stdout).toBe(`${VERSION}\n`);
    expect(VERSION).not.toBe("0.0.0");
  });

  it("audits a CSV folder, writes an XLSX report, and writes a sample from its regions data", async () => {
    const data = await fixtureFolder({ broken: true });
    const audit = run(["audit", data, "--as-of", "2018-07-20"]);
    expect(audit.stderr).toBe("");
    expect(audit.status).toBe(1);
    expect(audit.stdout).toContain("unit.has-deputy");
    const report = join(work, "核查报告.xlsx");
    expect(run(["audit", data, "--as-of", "2018-07-20", "-o", report]).status).toBe(1);
    expect((await readFile(report)).subarray(0, 2).toString()).toBe("PK");
    const sample = run(["sample", "--seed", "2", "--out", join(work, "sample")]);
    expect(sample.stderr).toBe("");
    expect(sample.status).toBe(0);
    expect(await readdir(join(work, "sample"))).toContain("households.csv");
    await rm(data, { recursive: true, force: true });
  });

  it("carries no workspace package in its installed tree", async () => {
    const installed = join(prefix, "lib", "node_modules", "@shuangbao", "cli");
    const nested = await readdir(join(installed, "node_modules")).catch(() => [] as string[]);
    expect(nested).not.toContain("@shuangbao");
    expect(await readdir(join(prefix, "lib", "node_modules", "@shuangbao"))).toEqual(["cli"]);
  });
});
