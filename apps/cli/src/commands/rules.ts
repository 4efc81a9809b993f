/** `shuangbao rules`: the catalogue, with clauses and quotes. */
import { CATALOGUE } from "@shuangbao/core";
import { command, parse } from "../args.js";
import type { CliIo } from "../io.js";
import { EXIT, oneOf } from "./shared.js";

export const rulesSpec = command({
  name: "rules",
  summary: "列出全部规则及其条款和原文 · List every rule with its clause and quoted sentence",
  usage: "shuangbao rules [--format text|json] [--lang zh|en]",
  options: { format: { type: "string" }, lang: { type: "string" } },
  help: { format: "输出格式 text | json (default text)", lang: "语言 zh | en (default zh)" },
  examples: ["shuangbao rules", "shuangbao rules --format json"],
});

export async function runRules(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(rulesSpec, argv);
  const format = oneOf("format", values.format, ["text", "json"] as const, "text");
  const lang = oneOf("lang", values.lang, ["zh", "en"] as const, "zh");
  if (format === "json") {
    const rules = CATALOGUE.map((r) => ({
      id: r.id,
      clause: r.clause,
      severity: r.severity,
      scope: r.scope,
      title: r.title,
      quote: r.quote,
      ...(r.interpretation ? { interpretation: r.interpretation } : {}),
    }));
    io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
    return EXIT.ok;
  }
  const lines: string[] = [];
  for (const r of CATALOGUE) {
    lines.push(
      `${r.id}  [${r.clause}] ${r.severity} · ${r.scope}`,
      `  ${r.title[lang]}`,
      `  “${r.quote}”`,
    );
    if (r.interpretation)
      lines.push(`  ${lang === "zh" ? "解释" : "interpretation"}: ${r.interpretation[lang]}`);
    lines.push("");
  }
  io.stdout(`${lines.join("\n")}`);
  return EXIT.ok;
}
