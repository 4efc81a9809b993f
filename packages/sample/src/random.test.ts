import { describe, expect, it } from "vitest";
import { Random } from "./random.js";

const draw = (r: Random) => Array.from({ length: 5 }, () => r.int(0, 1_000_000));

describe("Random", () => {
  it("draws the same numbers for the same seed and stream", () => {
    expect(draw(new Random(42, "plan"))).toEqual(draw(new Random(42, "plan")));
    expect(draw(new Random("42", "plan"))).toEqual(draw(new Random(42, "plan")));
  });

  it("draws other numbers for another seed or stream", () => {
    expect(draw(new Random(43, "plan"))).not.toEqual(draw(new Random(42, "plan")));
    expect(draw(new Random(42, "county:340828"))).not.toEqual(draw(new Random(42, "plan")));
  });

  it("keeps integers within their inclusive bounds and shuffles without loss", () => {
    const r = new Random(1);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(r.int(3, 5));
    expect([...seen].sort()).toEqual([3, 4, 5]);
    expect(r.shuffled([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(r.sample([1, 2, 3], 5)).toHaveLength(3);
  });
});
