/**
 * A rule section's `index.ts` is generated, not written: one `export *` for each file of the
 * section that defines a rule (`defineRule(`), in name order, under the section's title. Adding a
 * rule is its file and its test; `pnpm --filter @shuangbao/core spec` writes the index, and the
 * catalogue's test fails while an index is not what this makes of its folder.
 */

/** The folders of the rule sections, in the order of `rules.md`. */
export const RULE_SECTIONS = [
  "1-targets",
  "2-unit-contracts",
  "3-household-contracts",
  "4-requirements",
] as const;

/**
 * The text of a section's `index.ts`: its title (the doc comment the file opens with) and an
 * `export *` for each of `files` (name and text) that defines a rule.
 * @example sectionIndexSource("// 一", [{ name: "has-unit.ts", text: "defineRule(" }]) // '// 一\nexport * from "./has-unit.js";\n'
 */
export function sectionIndexSource(
  title: string,
  files: readonly { name: string; text: string }[],
): string {
  const rules = files
    .filter((f) => f.name.endsWith(".ts") && !f.name.endsWith(".test.ts") && f.name !== "index.ts")
    .filter((f) => f.text.includes("defineRule("))
    .map((f) => f.name.slice(0, -3))
    .sort();
  return `${[title, ...rules.map((r) => `export * from "./${r}.js";`)].join("\n")}\n`;
}

/** The title of a section's `index.ts`: its first line (a doc comment). */
export const sectionTitle = (index: string): string => index.split("\n", 1)[0]!;
