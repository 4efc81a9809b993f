import { describe, expect, it } from "vitest";
import { run } from "../test/run.js";
import { COMMANDS } from "./main.js";
import { VERSION } from "./version.js";

describe("shuangbao", () => {
  it("prints its version", async () => {
    const r = await run(["--version"]);
    expect(r).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("prints help that names the program and lists the commands", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("双包");
    expect(r.stdout).toContain("audit");
    expect(r.stdout).toContain("Exit codes");
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

  it("exits 2 on an unknown command, naming it", async () => {
    const r = await run(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("frobnicate");
  });
});
