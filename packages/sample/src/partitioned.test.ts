import { audit, auditPartitioned } from "@shuangbao/core";
import { describe, expect, it } from "vitest";
import { generateCounties, joinPartitions } from "./generate.js";

describe("the partitioned audit of a small province", () => {
  it("equals the in-memory audit of the same data, merged", () => {
    const partitions = [
      ...generateCounties({ scale: "province", seed: 3, violations: 0.05, limit: 2 }),
    ].map((p) => ({
      ...p,
      dataset: { ...p.dataset, visits: [...p.dataset.visits] },
    }));
    const [first, ...counties] = partitions;
    const merged = auditPartitioned(
      first!.dataset as never,
      counties.map((p) => ({ county: p.county!.id, dataset: p.dataset as never })),
      { asOf: "2018-07-20" },
    );
    const whole = audit(joinPartitions(partitions).dataset, { asOf: "2018-07-20" });
    expect(whole.findings.length).toBeGreaterThan(100);
    expect(JSON.stringify(merged)).toBe(JSON.stringify(whole));
  }, 60_000);
});
