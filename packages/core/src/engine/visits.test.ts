/**
 * The visit store names each visit's file and line from runs of visits, not two numbers a visit:
 * every pattern of lines a reader gives — a table's rows one after another, a row the store did
 * not take between them, another file, a document without lines, lines out of order — names
 * each visit as it was added.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Source } from "./findings.js";
import { VisitStore, visitKindCode } from "./visits.js";

const VISIT = visitKindCode("principal_research");

describe("VisitStore sources", () => {
  it("gives back each visit's file and line", () => {
    const source = fc.oneof(
      fc.constant(undefined),
      fc.record({
        file: fc.constantFrom("visits.csv", "走访.csv", "book.xlsx"),
        line: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(source, fc.constantFrom(0, 1, 1, 1, 2)), { maxLength: 60 }),
        (steps) => {
          const store = new VisitStore();
          const added: (Source | undefined)[] = [];
          let line = 1;
          for (const [s, jump] of steps) {
            // Mostly the next line, as a table's rows come; sometimes the same one, or one further.
            line += jump;
            const src = s && (s.line === undefined ? { file: s.file } : { file: s.file, line });
            store.add("P-1", VISIT, 0, "V-1", undefined, src);
            added.push(src);
          }
          expect(added.map((_, i) => store.visit(i).source)).toEqual(
            added.map((s) => (s ? { ...s } : undefined)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps a file's consecutive lines as one run", () => {
    const store = new VisitStore();
    for (let line = 2; line < 10_002; line++)
      store.add("P-1", VISIT, 0, "V-1", undefined, { file: "visits.csv", line });
    expect(store.visit(9_999).source).toEqual({ file: "visits.csv", line: 10_001 });
    expect((store as unknown as { sources: { runs: number } }).sources.runs).toBe(1);
  });
});
