import { describe, expect, it } from "vitest";
import { run } from "../test/run.js";
import { VERSION } from "./version.js";

describe("shuangbao", () => {
  it("prints its version", async () => {
    const r = await run(["--version"]);
    expect(r).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("prints help that names the program", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("shuangbao");
    expect(r.stdout).toContain("双包");
  });

  it("exits 2 on an unknown command, naming it", async () => {
    const r = await run(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("frobnicate");
  });
});
