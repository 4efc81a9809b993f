import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { byId, compliantCounty, ID } from "@shuangbao/core/testing";
import { writeDatasetCsv } from "@shuangbao/io";
import { describe, expect, it } from "vitest";
import { run } from "../../test/run.js";

async function folder(change: (d: ReturnType<typeof compliantCounty>) => void) {
  const d = compliantCounty();
  change(d);
  const dir = join(await mkdtemp(join(tmpdir(), "shuangbao-plan-")), "in");
  await writeDatasetCsv(d, dir);
  return dir;
}

describe("shuangbao plan", () => {
  it("proposes a helper for a household without one and writes the tables and the completed dataset", async () => {
    const input = await folder((d) => {
      d.householdAssignments = d.householdAssignments.filter((a) => a.householdId !== ID.h1);
    });
    const out = await mkdtemp(join(tmpdir(), "shuangbao-plan-out-"));
    const r = await run(["plan", input, "--out", out, "--as-of", "2018-07-20"]);
    expect(r.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      "dataset.json",
      "householdAssignments.csv",
      "villageAssignments.csv",
    ]);
    const helpers = await readFile(join(out, "householdAssignments.csv"), "utf8");
    expect(helpers.split("\r\n")[0]).toContain("依据条款,安排理由,安排理由（英文）");
    expect(helpers).toContain(ID.h1);
    expect(r.stdout).toContain("帮扶责任人安排1条");
    // The office records the proposed helper after sign-off: until then the audit says so.
    expect(r.stdout).toContain("household.helper-recorded");
    const completed = JSON.parse(await readFile(join(out, "dataset.json"), "utf8"));
    expect(
      completed.householdAssignments.filter(
        (a: { householdId: string }) => a.householdId === ID.h1,
      ),
    ).toHaveLength(1);
  });

  it("exits 1 and names what it could not place", async () => {
    const input = await folder((d) => {
      d.villageAssignments = d.villageAssignments.filter((a) => a.villageId !== ID.v4);
      byId(d.units, ID.countyUnit).category = "other";
    });
    const out = await mkdtemp(join(tmpdir(), "shuangbao-plan-out-"));
    const r = await run(["plan", input, "--out", out, "--as-of", "2018-07-20", "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Could not place");
  });

  it("never writes into the data folder it read (plan Y --out Y), nor below it", async () => {
    const input = await folder((d) => {
      d.householdAssignments = d.householdAssignments.filter((a) => a.householdId !== ID.h1);
    });
    const snapshot = async () =>
      Object.fromEntries(
        await Promise.all(
          (await readdir(input))
            .sort()
            .map(async (f) => [f, await readFile(join(input, f), "utf8")]),
        ),
      );
    const before = await snapshot();
    for (const out of [input, join(input, "plan")]) {
      const r = await run(["plan", input, "--out", out, "--as-of", "2018-07-20", "--force"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`输入文件夹“${input}”`);
      expect(r.stderr).toContain(`input folder ${input}`);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("needs --force to replace an earlier plan in the output folder", async () => {
    const input = await folder(() => {});
    const out = await mkdtemp(join(tmpdir(), "shuangbao-plan-out-"));
    expect((await run(["plan", input, "--out", out, "--as-of", "2018-07-20"])).code).toBe(0);
    const again = await run(["plan", input, "--out", out, "--as-of", "2018-07-20"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("--force");
    expect(
      (await run(["plan", input, "--out", out, "--as-of", "2018-07-20", "--force"])).code,
    ).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      "dataset.json",
      "householdAssignments.csv",
      "villageAssignments.csv",
    ]);
  });

  it("exits 2 on unreadable input or without --out", async () => {
    expect((await run(["plan", "/no/such", "--out", "/tmp/x"])).code).toBe(2);
    expect((await run(["plan", await folder(() => {})])).code).toBe(2);
  });
});
