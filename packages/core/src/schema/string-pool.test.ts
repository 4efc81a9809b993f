import { describe, expect, it } from "vitest";
import { FieldPool, StringPools } from "./string-pool.js";

describe("FieldPool", () => {
  it("keeps one copy of each repeated text and answers every cell with its own text", () => {
    const pool = new FieldPool();
    const days = ["2015-03-01", "2015-03-02", "2016-01-01"];
    for (let i = 0; i < 10_000; i++) {
      const day = days[i % 3]!;
      // A cell as a parser hands it over: a slice of a longer chunk.
      const cell = `x,${day},y`.slice(2, 12);
      expect(pool.own(cell)).toBe(day);
    }
    expect(pool.size).toBe(3);
  });

  it("stops pooling a field whose sample does not repeat (a reference to a household)", () => {
    const pool = new FieldPool();
    for (let i = 0; i < 4095; i++) pool.own(`34082210020300${String(i).padStart(4, "0")}`);
    expect(pool.size).toBe(4095);
    pool.own("340822100203009999");
    expect(pool.size).toBe(0);
    expect(pool.own("340822100203000001")).toBe("340822100203000001");
    expect(pool.size).toBe(0);
  });

  it("keeps pooling a field whose sample repeats half the time", () => {
    const pool = new FieldPool();
    for (let i = 0; i < 4096; i++) pool.own(`P-${i % 2048}`);
    expect(pool.size).toBe(2048);
    pool.own("P-new");
    expect(pool.size).toBe(2049);
  });
});

describe("StringPools", () => {
  it("has one pool per collection and field", () => {
    const pools = new StringPools();
    expect(pools.of("households", "villageId")).toBe(pools.of("households", "villageId"));
    expect(pools.of("households", "villageId")).not.toBe(pools.of("people", "villageId"));
  });
});
