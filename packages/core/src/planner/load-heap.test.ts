import { describe, expect, it } from "vitest";
import { LoadHeap } from "./load-heap.js";

describe("LoadHeap", () => {
  it("answers undefined when empty", () => {
    expect(new LoadHeap(new Int32Array(0)).top()).toBeUndefined();
  });

  it("returns the least loaded helper, ties to the lowest index", () => {
    const loads = Int32Array.from([3, 1, 1, 0, 2]);
    const heap = new LoadHeap(loads);
    for (const i of [0, 1, 2, 4]) heap.push(i);
    expect(heap.top()).toBe(1);
  });

  it("follows loads that rise outside the heap", () => {
    const loads = Int32Array.from([0, 0, 0]);
    const heap = new LoadHeap(loads);
    for (const i of [2, 1, 0]) heap.push(i);
    const order: number[] = [];
    for (let n = 0; n < 6; n++) {
      const i = heap.top()!;
      order.push(i);
      loads[i]!++;
    }
    expect(order).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it("finds a helper whose load went down once it is pushed again", () => {
    const loads = Int32Array.from([2, 1]);
    const heap = new LoadHeap(loads);
    heap.push(0);
    heap.push(1);
    loads[0] = 0;
    heap.push(0);
    expect(heap.top()).toBe(0);
    loads[0] = 5;
    expect(heap.top()).toBe(1);
  });
});
