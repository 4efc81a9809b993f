import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../test/run.js";

describe("shuangbao sample", () => {
  it("writes the county sample as a CSV folder that audits as seeded, the same bytes for the same seed", async () => {
    const a = join(await mkdtemp(join(tmpdir(), "shuangbao-s-")), "a");
    const b = join(await mkdtemp(join(tmpdir(), "shuangbao-s-")), "b");
    const r = await run(["sample", "--scale", "county", "--seed", "3", "--out", a]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("0 planted faults");
    await run(["sample", "--scale", "county", "--seed", "3", "--out", b]);
    expect(await readFile(join(a, "households.csv"), "utf8")).toBe(
      await readFile(join(b, "households.csv"), "utf8"),
    );
    expect(await readdir(a)).toContain("visits.csv");
    const audit = await run(["audit", a, "--as-of", "2018-07-20", "--format", "json"]);
    expect(audit.code).toBe(0);
    expect(JSON.parse(audit.stdout).findings).toEqual([]);
  }, 60_000);

  it("exits 2 on a bad share, a seed that is not a whole number, or without --out", async () => {
    expect((await run(["sample", "--violations", "2", "--out", "/tmp/x"])).code).toBe(2);
    expect((await run(["sample"])).code).toBe(2);
    for (const seed of ["abc", "1.5", "-3", "", "1e3"]) {
      const r = await run(["sample", `--seed=${seed}`, "--out", "/tmp/x"]);
      expect(r.code, seed).toBe(2);
      expect(r.stderr).toContain("--seed 须为整数 · must be a whole number");
    }
  });

  it("needs --force to write over an earlier sample, and writes nothing to an unwritable folder", async () => {
    const out = await mkdtemp(join(tmpdir(), "shuangbao-s-"));
    await writeFile(join(out, "households.csv"), "户编号\r\nH-1\r\n");
    const r = await run(["sample", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("households.csv");
    expect(r.stderr).toContain("--force");
    expect(await readdir(out)).toEqual(["households.csv"]);
    const bad = await run(["sample", "--out", "/proc/x"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("无法写入“/proc/x”");
  });
});
