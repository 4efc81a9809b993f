/**
 * The built CLI as a user meets it (issue 15, "Never lose the user's data" and "A command line
 * that behaves like one"): separate processes, real files, pipes, symlinks and package managers.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { compliantCounty } from "@shuangbao/core/testing";
import { writeDatasetXlsx } from "@shuangbao/io";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, plainEnv, REPO, shuangbao } from "./built.js";
import { fixtureFolder } from "./fixture-folder.js";

const AS_OF = ["--as-of", "2018-07-20"];
let root: string;
let folder: string;
let workbook: string;

/** Every file of a folder with its bytes, to compare before and after. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of (await readdir(dir)).sort())
    out[f] = (await readFile(join(dir, f))).toString("base64");
  return out;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "shuangbao-e2e-"));
  folder = await fixtureFolder({ broken: true });
  workbook = join(root, "岳西县双包数据.xlsx");
  await writeDatasetXlsx(compliantCounty(), workbook);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("shuangbao never loses the user's data", () => {
  it("refuses audit d.xlsx -o d.xlsx, with or without --format and --force, naming both", async () => {
    const before = await readFile(workbook);
    for (const extra of [["--format", "xlsx"], [], ["--force"]]) {
      const r = shuangbao(["audit", workbook, ...AS_OF, ...extra, "-o", workbook]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`输出“${workbook}”就是输入文件“${workbook}”`);
      expect(r.stderr).toContain(`it is the input file ${workbook}`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(await readFile(workbook)).toEqual(before);
  });

  it("sees through a symlink to the input, and a symlinked input folder", async () => {
    const link = join(root, "report.xlsx");
    await symlink(workbook, link);
    const before = await readFile(workbook);
    expect(shuangbao(["audit", workbook, ...AS_OF, "-o", link, "--force"]).status).toBe(2);
    expect(await readFile(workbook)).toEqual(before);
    const linkedFolder = join(root, "linked-data");
    await symlink(folder, linkedFolder);
    const r = shuangbao(["audit", linkedFolder, ...AS_OF, "-o", join(folder, "report.txt")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("位于输入文件夹");
    expect(await readdir(folder)).not.toContain("report.txt");
  });

  it("refuses plan Y --out Y and leaves every row of the data folder", async () => {
    const data = await fixtureFolder();
    const before = await snapshot(data);
    const r = shuangbao(["plan", data, "--out", data, ...AS_OF]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`就是输入文件夹“${data}”`);
    expect(r.stderr).toContain(`it is the input folder ${data}`);
    expect(await snapshot(data)).toEqual(before);
  });

  it("needs --force to replace an existing report, and then writes it whole", async () => {
    const out = join(root, "核查报告.txt");
    await writeFile(out, "last month's report");
    const refused = shuangbao(["audit", folder, ...AS_OF, "-o", out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`输出文件“${out}”已存在；如要覆盖，请加 --force`);
    expect(await readFile(out, "utf8")).toBe("last month's report");
    expect(shuangbao(["audit", folder, ...AS_OF, "-o", out, "--force"]).status).toBe(1);
    expect(await readFile(out, "utf8")).toContain("五、问题清单");
    expect((await readdir(root)).filter((f) => f.endsWith(".tmp") || f.startsWith("."))).toEqual(
      [],
    );
  });

  it("writes -o report.xlsx as XLSX without --format, and refuses a contradicting --format", async () => {
    const out = join(root, "report.xlsx.d");
    await mkdir(out);
    expect(shuangbao(["audit", folder, ...AS_OF, "-o", join(out, "r.xlsx")]).status).toBe(1);
    expect((await readFile(join(out, "r.xlsx"))).subarray(0, 4)).toEqual(
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
    );
    const r = shuangbao(["audit", folder, ...AS_OF, "--format", "text", "-o", join(out, "x.xlsx")]);
    expect(r.status).toBe(2);
    expect(await readdir(out)).toEqual(["r.xlsx"]);
  });
});

describe("shuangbao interrupted", () => {
  it("leaves no half-written file behind on Ctrl-C", async () => {
    const out = join(root, "province");
    const child = spawn(process.execPath, [BIN, "sample", "--scale", "province", "--out", out], {
      env: plainEnv(),
      stdio: "ignore",
    });
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      child.on("exit", (_code, signal) => done(signal)),
    );
    // Wait until the province is being written into the temporary folder.
    const writing = async () => {
      const tmp = (await readdir(out).catch(() => [] as string[])).find((f) =>
        f.startsWith(".shuangbao-"),
      );
      return tmp !== undefined && (await readdir(join(out, tmp))).length > 0;
    };
    for (let i = 0; i < 600 && !(await writing()); i++) await sleep(100);
    expect(await writing()).toBe(true);
    child.kill("SIGINT");
    expect(await exited).toBe("SIGINT");
    expect(await readdir(out)).toEqual([]);
  }, 120_000);
});

describe("shuangbao behaves like a command line tool", () => {
  it("exits quietly when the reader of its output goes away (| head)", () => {
    const r = spawnSync(
      "bash",
      [
        "-c",
        `"${process.execPath}" "${BIN}" audit "${REPO}examples/yuexi" --as-of 2018-07-20 --format json | head -c 10 >/dev/null; echo "status=\${PIPESTATUS[0]}"`,
      ],
      { encoding: "utf8", env: plainEnv(), timeout: 120_000 },
    );
    expect(r.stdout.trim()).toBe("status=0");
    expect(r.stderr).toBe("");
  });

  it("says an unwritable output is a usage error (exit 2), not an internal error, and returns", async () => {
    for (const argv of [
      ["audit", folder, ...AS_OF, "-o", "/proc/x"],
      ["audit", folder, ...AS_OF, "-o", "/dev/null/x.txt"],
      ["sample", "--out", "/proc/x"],
      ["plan", folder, "--out", "/proc/x", ...AS_OF],
    ]) {
      const r = shuangbao(argv, { timeout: 60_000 });
      expect(r.signal, argv.join(" ")).toBeNull();
      expect(r.status, argv.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/^shuangbao \w+: 无法写入“[^”]+”：.* · cannot write /);
    }
  });

  it.skipIf(process.getuid?.() === 0)(
    "says a folder without write permission is a usage error",
    async () => {
      const locked = join(root, "locked");
      await mkdir(locked, { mode: 0o555 });
      const r = shuangbao(["audit", folder, ...AS_OF, "-o", join(locked, "r.txt")]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("没有写入权限");
    },
  );

  it("shows audit's help with help audit, and refuses --seed abc and a repeated flag", () => {
    const help = shuangbao(["help", "audit"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("用法 Usage: shuangbao audit <path>");
    for (const [argv, words] of [
      [["sample", "--seed", "abc", "--out", join(root, "s")], "--seed 须为整数"],
      [["audit", folder, "--as-of", "2018-07-20", "--as-of", "2019-01-01"], "只能给一次"],
      [["audit", folder, "--lang", "en", "--lang", "zh"], "option --lang is given more than once"],
      [["audit", folder, "--bogus"], "未知选项“--bogus” · unknown option --bogus"],
    ] as const) {
      const r = shuangbao([...argv]);
      expect(r.status, argv.join(" ")).toBe(2);
      expect(r.stderr).toContain(words);
    }
  });

  it("resolves relative paths from the folder the user stands in (INIT_CWD under pnpm)", async () => {
    // The built binary started by a package manager in the package folder, the user elsewhere.
    const here = await mkdtemp(join(tmpdir(), "shuangbao-cwd-"));
    execFileSync("cp", ["-r", folder, join(here, "data")]);
    const r = shuangbao(["audit", "data", ...AS_OF, "-o", "report.txt"], {
      cwd: REPO,
      env: plainEnv({
        INIT_CWD: here,
        npm_package_json: join(REPO, "package.json"),
        npm_lifecycle_event: "shuangbao",
      }),
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    expect((await readdir(here)).sort()).toEqual(["data", "report.txt"]);
    await rm(here, { recursive: true, force: true });
  });

  it("runs `cd examples && pnpm shuangbao audit yuexi`", () => {
    const pkg = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8"));
    const r = spawnSync(
      "npx",
      [
        "-y",
        pkg.packageManager,
        "--silent",
        "shuangbao",
        "audit",
        "yuexi",
        ...AS_OF,
        "--format",
        "json",
      ],
      { cwd: join(REPO, "examples"), encoding: "utf8", env: plainEnv(), timeout: 180_000 },
    );
    expect(r.stderr).not.toContain("无法读取");
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).asOf).toBe("2018-07-20");
  }, 200_000);
});
