/**
 * Findings as a person reads them: when one field of one file fails on many rows, one line with
 * the count and the first rows, not a screenful of the same sentence. The JSON report keeps every
 * finding; the text report and the XLSX 问题清单 show the groups.
 */
import type { Finding } from "./findings.js";

/** A group of like findings, in the place of its first. */
export interface FindingGroup {
  /** The first finding of the group (in report order). */
  first: Finding;
  /** How many findings the group stands for (1 for a single finding). */
  count: number;
  /** The source lines of the group's first findings (at most 5), ascending. */
  lines: number[];
}

/** How many lines a group names. */
const LINES = 5;

/** Like data findings: one check, collection, field and file/sheet. */
function groupKey(f: Finding): string | undefined {
  if (!f.ruleId.startsWith("data.")) return undefined;
  return [
    f.ruleId,
    f.entity.collection,
    f.field ?? "",
    f.source?.file ?? "",
    f.source?.sheet ?? "",
  ].join("\u0000");
}

/** The `n` least distinct values of `lines`, ascending. */
function firstLines(lines: readonly number[], n: number): number[] {
  return [...new Set(lines)].sort((a, b) => a - b).slice(0, n);
}

/**
 * Groups data findings of one check, collection, field and file/sheet when there are at least
 * `minGroup` of them; every other finding is a group of one. Report order kept: a group stands
 * where its first finding stood. A group's `lines` are the first rows of the file it names (the
 * least line numbers of its findings), which is what "第2、3、4、5、6行…" shows; policy findings
 * are never grouped.
 * @example groupFindings(report.findings).map((g) => g.count) // [120, 1, 1]
 */
export function groupFindings(findings: readonly Finding[], minGroup = 3): FindingGroup[] {
  const members = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = groupKey(f);
    if (key === undefined) continue;
    const list = members.get(key);
    if (list) list.push(f);
    else members.set(key, [f]);
  }
  const lineOf = (f: Finding) => (f.source?.line === undefined ? [] : [f.source.line]);
  const groups: FindingGroup[] = [];
  for (const f of findings) {
    const key = groupKey(f);
    const list = key === undefined ? undefined : members.get(key);
    if (!list || list.length < Math.max(minGroup, 2)) {
      groups.push({ first: f, count: 1, lines: lineOf(f) });
      continue;
    }
    if (list[0] !== f) continue; // stands in its first finding's place
    const lines = firstLines(
      list.flatMap((m) => lineOf(m)),
      LINES,
    );
    groups.push({ first: f, count: list.length, lines });
  }
  return groups;
}
