/**
 * Runs of rows give back every row's file, line and position as they were added, whatever the
 * pattern: a table's rows one after another, rows left out between them, another file, rows
 * without a line, lines out of order.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RowRuns } from "./row-runs.js";

describe("RowRuns", () => {
  it("gives back each row's file, line and position", () => {
    const step = fc.record({
      file: fc.constantFrom(0, 1, 1, 1, 2),
      line: fc.constantFrom(-3, 0, 1, 1, 1, 2),
      position: fc.constantFrom(1, 1, 1, 2, 5),
      unknownLine: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const runs = new RowRuns();
        const added: { file: number; line: number; position: number }[] = [];
        let line = 1;
        let position = -1;
        for (const s of steps) {
          line = Math.max(1, line + s.line);
          position += s.position;
          const row = { file: s.file, line: s.unknownLine ? 0 : line, position };
          runs.add(row.file, row.line, row.position);
          added.push(row);
        }
        expect(added.map((_, i) => runs.of(i))).toEqual(added);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a clean file as one run, and starts one after a row left out", () => {
    const runs = new RowRuns();
    for (let i = 0; i < 1000; i++) runs.add(1, i + 2, i);
    expect(runs.size).toBe(1);
    runs.add(1, 1003, 1001); // position 1000 was left out
    expect(runs.size).toBe(2);
    expect(runs.of(1000)).toEqual({ file: 1, line: 1003, position: 1001 });
    expect(runs.of(999)).toEqual({ file: 1, line: 1001, position: 999 });
  });
});
