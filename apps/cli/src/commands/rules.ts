/** `shuangbao rules`: the catalogue, with clauses and quotes, and the parameters in force. */
import {
  CATALOGUE,
  findingLabel,
  PARAMETER_NAMES,
  PARAMETERS,
  parameterValueOn,
} from "@shuangbao/core";
import { command, parse } from "../args.js";
import type { CliIo } from "../io.js";
import { asOfFlag, EXIT, langFlag, oneOf } from "./shared.js";

export const rulesSpec = command({
  name: "rules",
  summary:
    "列出全部规则及其条款、原文和参数 · List every rule with its clause and quoted sentence, and the parameters",
  usage: "shuangbao rules [--format text|json] [--lang zh|en] [--as-of YYYY-MM-DD]",
  options: { format: { type: "string" }, lang: { type: "string" }, "as-of": { type: "string" } },
  help: {
    format: "输出格式 text | json (default text)",
    lang: "语言 zh | en (default zh)",
    "as-of": "核查基准日，显示当日有效的参数 the day whose parameters are shown (default: today)",
  },
  examples: ["shuangbao rules", "shuangbao rules --format json", "shuangbao rules --lang en"],
});

/** The parameters in force on a day, each marked whether its value is our interpretation. */
function parametersOn(on: string) {
  return PARAMETER_NAMES.map((name) => {
    const def = PARAMETERS[name];
    return {
      name,
      title: def.title,
      value: parameterValueOn(name, on),
      clause: def.clause,
      interpretation: def.interpretation === true,
      ...(def.note ? { note: def.note } : {}),
    };
  });
}

export async function runRules(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(rulesSpec, argv);
  const format = oneOf("format", values.format, ["text", "json"] as const, "text");
  const lang = langFlag(values.lang);
  const on = asOfFlag(values["as-of"], io);
  const parameters = parametersOn(on);
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
    io.stdout(`${JSON.stringify({ on, rules, parameters }, null, 2)}\n`);
    return EXIT.ok;
  }
  const zh = lang === "zh";
  const lines: string[] = [
    zh ? `规则（共${CATALOGUE.length}条）` : `Rules (${CATALOGUE.length})`,
    "",
  ];
  for (const r of CATALOGUE) {
    lines.push(
      `${r.id}  [${r.clause}] ${findingLabel({ ruleId: r.id, severity: r.severity })[lang]} · ${r.scope}`,
      `  ${r.title[lang]}`,
      `  “${r.quote}”`,
    );
    if (r.interpretation)
      lines.push(`  ${zh ? "解释：" : "interpretation: "}${r.interpretation[lang]}`);
    lines.push("");
  }
  lines.push(
    zh
      ? `参数（${on}有效；标“解释”的数值为本工具对原文的解读）`
      : `Parameters in force on ${on} (“interpretation”: our reading of the text)`,
    "",
  );
  for (const p of parameters) {
    const mark = p.interpretation ? (zh ? "  〔解释〕" : "  [interpretation]") : "";
    lines.push(
      `${p.name}  [${p.clause}] ${p.title[lang]}${zh ? "：" : ": "}${String(p.value)}${mark}`,
    );
    if (p.note) lines.push(`  ${p.note[lang]}`);
  }
  lines.push("");
  io.stdout(`${lines.join("\n")}`);
  return EXIT.ok;
}
