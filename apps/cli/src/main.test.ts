import { readFileSync } from "node:fs";
import { READ_LIMIT_ENV, READ_THREADS_ENV } from "@shuangbao/io";
import { describe, expect, it } from "vitest";
import { run } from "../test/run.js";
import { userCwd } from "./io.js";
import { COMMANDS } from "./main.js";
import { V8_FLAGS_ENV } from "./v8-flags.js";
import { VERSION } from "./version.js";

describe("shuangbao", () => {
  it("prints its version", async () => {
    const r = await run(["--version"]);
    expect(r).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
    expect(VERSION).not.toBe("0.0.0");
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(VERSION).toBe(pkg.version);
  });

  it("shows a command's help with help <command>", async () => {
    const r = await run(["help", "audit"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe((await run(["audit", "--help"])).stdout);
    expect(r.stdout).toContain("shuangbao audit <path>");
    expect((await run(["help"])).stdout).toContain("命令 Commands:");
    const unknown = await run(["help", "frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("未知命令“frobnicate”");
  });

  it("prints help that names the program and lists the commands", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("双包");
    expect(r.stdout).toContain("audit");
    expect(r.stdout).toContain("Exit codes");
  });

  it("lists every environment variable the CLI reads in its help", async () => {
    const r = await run(["--help"]);
    for (const name of [
      ...Object.values(READ_LIMIT_ENV).map((v) => v.name),
      READ_THREADS_ENV,
      V8_FLAGS_ENV,
    ])
      expect(r.stdout).toContain(name);
  });

  it("prints each command's help with an example", async () => {
    for (const name of Object.keys(COMMANDS)) {
      const r = await run([name, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`shuangbao ${name}`);
      expect(r.stdout).toContain("Examples:");
    }
  });

  it("prints the help on stderr and exits 2 without a command", async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Usage");
  });

  it("resolves paths from the folder the user stood in under pnpm or npm (INIT_CWD)", () => {
    const env = {
      INIT_CWD: "/w/examples",
      npm_package_json: "/w/package.json",
      npm_lifecycle_event: "shuangbao",
    };
    expect(userCwd(env, "/w")).toBe("/w/examples");
    // Another script (pnpm demo) names its paths from the package's folder.
    expect(userCwd({ ...env, npm_lifecycle_event: "demo" }, "/w")).toBe("/w");
    // A script that changed folder before running shuangbao keeps its folder.
    expect(userCwd(env, "/w/apps/cli")).toBe("/w/apps/cli");
    expect(userCwd({}, "/home/u")).toBe("/home/u");
    expect(userCwd({ INIT_CWD: "/elsewhere" }, "/home/u")).toBe("/home/u");
  });

  it("exits 2 on an unknown command, naming it", async () => {
    const r = await run(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("frobnicate");
  });
});
