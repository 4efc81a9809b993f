import { CATALOGUE } from "@shuangbao/core";
import { describe, expect, it } from "vitest";
import { run } from "../../test/run.js";

describe("shuangbao rules", () => {
  it("lists every rule with clause and quote", async () => {
    const r = await run(["rules"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("village.has-unit  [一] 不符合 · county");
    expect(r.stdout).toContain(`规则（共${CATALOGUE.length}条）`);
    expect(r.stdout.match(/^\S+\.\S+ {2}\[/gm)).toHaveLength(CATALOGUE.length);
  });

  it("lists the parameters in force, marking the interpretations", async () => {
    const r = await run(["rules", "--as-of", "2018-07-20"]);
    expect(r.stdout).toContain("graceDays  [二(三)2] 材料完成宽限天数：90  〔解释〕");
    expect(r.stdout).toContain("termYears  [四3] 包村帮扶期限（年）：3\n");
    const en = await run(["rules", "--lang", "en", "--as-of", "2018-07-20"]);
    expect(en.stdout).toContain(
      "handOverMaxDays  [二(二)] longest hand-over overlap (days): 30  [interpretation]",
    );
  });

  it("prints the catalogue as JSON", async () => {
    const { rules, parameters } = JSON.parse((await run(["rules", "--format", "json"])).stdout);
    expect(rules).toHaveLength(CATALOGUE.length);
    expect(parameters.filter((p: { interpretation: boolean }) => p.interpretation)).toHaveLength(8);
    expect(rules[0]).toMatchObject({
      id: "village.has-unit",
      clause: "一",
      severity: "error",
      scope: "county",
    });
  });
});
