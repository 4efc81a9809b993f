import { mkdtemp, readdir, readFile } from "node:fs/promises";
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
  });

  it("exits 2 on a bad share or without --out", async () => {
    expect((await run(["sample", "--violations", "2", "--out", "/tmp/x"])).code).toBe(2);
    expect((await run(["sample"])).code).toBe(2);
  });
});
