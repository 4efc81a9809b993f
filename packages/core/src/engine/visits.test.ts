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
    expect((store as unknown as { sources: { size: number } }).sources.size).toBe(1);
  });
});

describe("VisitStore households after finish", () => {
  it("names a visit to a household the dataset does not have, and counts the rest by row", async () => {
    const { compliantCounty } = await import("../testing/fixture.js");
    const { loadDataset } = await import("./loader.js");
    const data = compliantCounty();
    const known = data.visits.find((v) => v.kind === "household_visit" && v.householdId)!;
    const stranger = { ...known, householdId: "NO-SUCH-HOUSEHOLD" };
    const index = loadDataset({ ...data, visits: [...data.visits, stranger] });
    const visits = index.toDataset().visits;
    expect(visits.at(-1)).toEqual(stranger);
    expect(visits.slice(0, -1)).toEqual(data.visits);
    const findings = index.loadFindings.filter((f) => f.ruleId === "data.unknown-reference");
    expect(findings.map((f) => f.message.en)).toEqual([
      expect.stringContaining("NO-SUCH-HOUSEHOLD"),
    ]);
    const day = (d: string) => Date.parse(d) / 86_400_000;
    const count = (householdId: string) =>
      index.visits.count(
        { household: householdId },
        known.personId,
        visitKindCode("household_visit"),
        day("2000-01-01"),
        day("2100-01-01"),
      );
    const expected = data.visits.filter(
      (v) =>
        v.householdId === known.householdId &&
        v.personId === known.personId &&
        v.kind === "household_visit",
    ).length;
    expect(count(known.householdId!)).toBe(expected);
    expect(expected).toBeGreaterThan(0);
    expect(count("NO-SUCH-HOUSEHOLD")).toBe(0);
  });
});
