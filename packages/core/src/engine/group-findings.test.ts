import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { audit } from "../audit.js";
import { compliantCounty, FIXTURE_AS_OF } from "../testing/fixture.js";
import type { Finding } from "./findings.js";
import { groupFindings } from "./group-findings.js";
import { DatasetLoader } from "./loader.js";

const data = (
  field: string,
  line: number | undefined,
  over: Partial<Finding> = {},
  file = "households.csv",
): Finding => ({
  ruleId: "data.invalid-field",
  severity: "error",
  entity: { collection: "households", id: `#${line}` },
  message: { zh: "贫困户记录…", en: "households …" },
  field,
  ...(line === undefined ? {} : { source: { file, line } }),
  ...over,
});
const rule = (id: string): Finding => ({
  ruleId: "village.has-unit",
  severity: "error",
  entity: { collection: "villages", id },
  message: { zh: "…", en: "…" },
});

describe("groupFindings", () => {
  it("groups data findings of one check, collection, field and file, in report order", () => {
    const a = [10, 3, 7, 2, 9, 5, 4].map((line) => data("size", line));
    const findings = [rule("V1"), ...a, data("attribute", 8), rule("V2")];
    const groups = groupFindings(findings);
    expect(groups.map((g) => [g.first.ruleId, g.first.field, g.count, g.lines])).toEqual([
      ["village.has-unit", undefined, 1, []],
      ["data.invalid-field", "size", 7, [2, 3, 4, 5, 7]],
      ["data.invalid-field", "attribute", 1, [8]],
      ["village.has-unit", undefined, 1, []],
    ]);
    expect(groups[1]!.first).toBe(a[0]);
  });

  it("groups from minGroup on (3 by default); fewer stay single", () => {
    const two = [data("size", 2), data("size", 3)];
    expect(groupFindings(two).map((g) => g.count)).toEqual([1, 1]);
    expect(groupFindings(two, 2).map((g) => g.count)).toEqual([2]);
    const three = [...two, data("size", 4)];
    expect(groupFindings(three).map((g) => [g.count, g.lines])).toEqual([[3, [2, 3, 4]]]);
    expect(groupFindings(three, 4).map((g) => g.count)).toEqual([1, 1, 1]);
  });

  it("keeps apart other checks, collections, files and sheets, and never groups rules", () => {
    const findings = [
      data("size", 2),
      data("size", 3, { ruleId: "data.unknown-reference" }),
      data("size", 4, { entity: { collection: "people", id: "#4" } }),
      data("size", 5, {}, "other.csv"),
      data("size", 6, { source: { file: "households.csv", sheet: "贫困户", line: 6 } }),
      rule("V1"),
      rule("V1"),
      rule("V1"),
    ];
    expect(groupFindings(findings).map((g) => g.count)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it("groups findings without lines (JSON input) and names no lines for them", () => {
    const findings = [data("size", undefined), data("size", undefined), data("size", undefined)];
    expect(groupFindings(findings)).toEqual([{ first: findings[0], count: 3, lines: [] }]);
  });

  it("stands for every finding exactly once", () => {
    const finding = fc.oneof(
      fc
        .tuple(
          fc.constantFrom("size", "attribute"),
          fc.option(fc.integer({ min: 2, max: 40 }), { nil: undefined }),
          fc.constantFrom("a.csv", "b.csv"),
        )
        .map(([field, line, file]) => data(field, line, {}, file)),
      fc.constantFrom("V1", "V2").map(rule),
    );
    fc.assert(
      fc.property(
        fc.array(finding, { maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        (findings, min) => {
          const groups = groupFindings(findings, min);
          expect(groups.reduce((n, g) => n + g.count, 0)).toBe(findings.length);
          const firsts = groups.map((g) => findings.indexOf(g.first));
          expect(firsts).toEqual([...firsts].sort((x, y) => x - y));
          for (const g of groups) {
            expect(g.lines.length).toBeLessThanOrEqual(5);
            expect(g.lines).toEqual([...g.lines].sort((x, y) => x - y));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("turns 1,000 rows with one broken field into one line of a report", () => {
    const d = compliantCounty();
    const loader = new DatasetLoader();
    for (const [c, rows] of Object.entries(d)) loader.add(c as never, rows, { file: `${c}.csv` });
    const broken = d.households.map((h) => ({ ...h, id: `${h.id}-x`, size: "几口" }));
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      ...broken[i % broken.length]!,
      id: `X${i}`,
    }));
    loader.add("households", rows, { file: "extra.csv", lines: rows.map((_, i) => i + 2) });
    const report = audit(loader.finish(), { asOf: FIXTURE_AS_OF });
    const groups = groupFindings(report.findings.filter((f) => f.ruleId.startsWith("data.")));
    expect(groups.map((g) => [g.first.field, g.count, g.lines])).toEqual([
      ["size", 1000, [2, 3, 4, 5, 6]],
    ]);
  });
});
