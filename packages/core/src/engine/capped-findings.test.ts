/**
 * The loader keeps at most `maxFindingsPerColumn` data findings of one kind in one column of one
 * file; the rest are one finding that counts them. At the limit nothing is cut; one past it, one.
 */
import { describe, expect, it } from "vitest";
import { compliantCounty } from "../testing/fixture.js";
import { DEFAULT_MAX_FINDINGS_PER_COLUMN } from "./capped-findings.js";
import { DatasetLoader } from "./loader.js";

/** The fixture with `n` extra visits by a person the dataset does not have, from visits.csv. */
function loadWithStrangers(n: number, limit?: number) {
  const data = compliantCounty();
  const loader = new DatasetLoader(limit === undefined ? {} : { maxFindingsPerColumn: limit });
  const { visits, ...rest } = data;
  for (const [c, rows] of Object.entries(rest)) {
    if (Array.isArray(rows)) loader.add(c as never, rows);
  }
  const village = data.villages[0]!.id;
  const strangers = Array.from({ length: n }, (_, i) => ({
    personId: `NOBODY-${i % 7}`,
    date: "2016-03-01",
    kind: "主要负责同志调研",
    villageId: village,
  }));
  loader.add("visits", [...visits, ...strangers], {
    file: "visits.csv",
    lines: Array.from({ length: visits.length + n }, (_, i) => i + 2),
  });
  return loader.finish().loadFindings;
}

const unknownPeople = (
  findings: readonly { ruleId: string; field?: string; entity: { id: string } }[],
) => findings.filter((f) => f.ruleId === "data.unknown-reference" && f.field === "personId");

describe("data findings are capped per column", () => {
  it("lists every finding up to the limit", () => {
    const found = unknownPeople(loadWithStrangers(5, 5));
    expect(found).toHaveLength(5);
    expect(found.every((f) => f.entity.id !== "*")).toBe(true);
  });

  it("past the limit lists the first ones and one finding that counts the rest", () => {
    const findings = loadWithStrangers(8, 5);
    const found = unknownPeople(findings);
    expect(found).toHaveLength(6);
    const more = found.find((f) => f.entity.id === "*")!;
    expect(more).toBeDefined();
    const full = findings.find((f) => f === (more as never))!;
    expect(full.message.zh).toContain("另有3条同类数据问题");
    expect(full.message.zh).toContain("每列至多逐条列出5条");
    expect(full.message.en).toContain("3 more findings");
    expect(full.message.en).toContain("SHUANGBAO_MAX_FINDINGS_PER_COLUMN");
    expect(full.source).toEqual({ file: "visits.csv" });
    // The ones listed are the first in the file.
    const lines = found
      .filter((f) => f !== more)
      .map((f) => (f as { source?: { line?: number } }).source?.line);
    expect(lines).toEqual([...lines].sort((a, b) => a! - b!));
  });

  it("holds a city's worth of strangers to the default in bounded memory", () => {
    const n = DEFAULT_MAX_FINDINGS_PER_COLUMN * 5;
    const found = unknownPeople(loadWithStrangers(n));
    expect(found).toHaveLength(DEFAULT_MAX_FINDINGS_PER_COLUMN + 1);
    expect(found.at(-1)!.entity.id).toBe("*");
  });
});
