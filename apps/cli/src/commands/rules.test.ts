import { CATALOGUE } from "@shuangbao/core";
import { describe, expect, it } from "vitest";
import { run } from "../../test/run.js";

describe("shuangbao rules", () => {
  it("lists every rule with clause and quote", async () => {
    const r = await run(["rules"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("village.has-unit  [一] error · county");
    expect(r.stdout.match(/^\S+\.\S+ {2}\[/gm)).toHaveLength(CATALOGUE.length);
  });

  it("prints the catalogue as JSON", async () => {
    const rules = JSON.parse((await run(["rules", "--format", "json"])).stdout);
    expect(rules).toHaveLength(CATALOGUE.length);
    expect(rules[0]).toMatchObject({
      id: "village.has-unit",
      clause: "一",
      severity: "error",
      scope: "county",
    });
  });
});
