/** `shuangbao audit <path>`: audit a dataset and report findings. */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import {
  type AuditReport,
  audit,
  findingsTable,
  maskReport,
  maskText,
  parametersOn,
  parseParameterOverrides,
  parseRuleSelection,
  type Severity,
} from "@shuangbao/core";
import { renderReportHtml, type SourceStructure, tableToCsv, writeReportXlsx } from "@shuangbao/io";
import { command, parse } from "../args.js";
import { type CliIo, UsageError } from "../io.js";
import { renderText } from "../render/text.js";
import { VERSION } from "../version.js";
import {
  asOfFlag,
  checkOutput,
  configured,
  EXIT,
  langFlag,
  oneOf,
  readDataset,
  writeOutput,
} from "./shared.js";

export const auditSpec = command({
  name: "audit",
  summary: "核查数据集，列出问题清单 · Audit a dataset against the policy's rules",
  usage:
    "shuangbao audit <path> [options]   (path: a JSON file, a CSV folder, an XLSX workbook or a zip of CSVs)",
  positionals: { min: 1, max: 1 },
  options: {
    "as-of": { type: "string" },
    format: { type: "string" },
    output: { type: "string", short: "o" },
    force: { type: "boolean" },
    lang: { type: "string" },
    "fail-on": { type: "string" },
    rule: { type: "string", multiple: true },
    "skip-rule": { type: "string", multiple: true },
    severity: { type: "string", multiple: true },
    params: { type: "string" },
    mask: { type: "boolean" },
    quiet: { type: "boolean", short: "q" },
    timings: { type: "boolean" },
  },
  help: {
    "as-of": "核查基准日 · the audit date YYYY-MM-DD (default: today)",
    format:
      "输出格式 · text | json | csv | xlsx | html (default: from the extension of --output, else text)",
    output: "输出文件 · write to FILE (default stdout; required for xlsx)",
    force: "覆盖已存在的输出文件 · overwrite an existing output file",
    lang: "语言 · zh | en, for text and tables (default zh)",
    "fail-on": "退出码1的最低级别 · error | warning | info | never (default error)",
    rule: "只运行该规则 · run only this rule (repeatable, or comma-separated)",
    "skip-rule": "跳过该规则 · skip this rule or data check (repeatable, or comma-separated)",
    severity: "调整级别 · override a severity, ID=LEVEL (repeatable, or comma-separated)",
    params: "参数文件 · flat { name: value } JSON of parameter overrides",
    mask: "遮盖身份证号和手机号 · mask resident ID and phone numbers in every output",
    quiet: "不输出报告 · print nothing; use the exit code",
    timings: "在stderr输出各阶段耗时 · print phase timings (ms) as JSON on stderr",
  },
  examples: [
    "shuangbao audit examples/yuexi --as-of 2018-07-20",
    "shuangbao audit data.xlsx -o 核查报告.xlsx",
    "shuangbao audit data.xlsx --format csv --lang en -o findings.csv",
    "shuangbao audit examples/yuexi --as-of 2018-07-20 -o 核查报告.html",
    "shuangbao audit data/ --rule village.has-unit --severity household.regular-visits=error",
  ],
});

const FAIL_ON = ["error", "warning", "info", "never"] as const;
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Reads a `--params` file: flat `{ name: value }` JSON, a UTF-8 BOM allowed. */
export async function readParams(
  path: string | undefined,
): Promise<Record<string, unknown> | undefined> {
  if (!path) return undefined;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw new UsageError(`--params：无法读取“${path}” · cannot read ${path}: ${code}`);
  }
  return configured(() =>
    parseParameterOverrides(text, { zh: `--params 文件“${path}”`, en: `--params file “${path}”` }),
  );
}

const FORMATS = ["text", "json", "csv", "xlsx", "html"] as const;
type Format = (typeof FORMATS)[number];
const BY_EXTENSION: Record<string, Format> = {
  ".xlsx": "xlsx",
  ".csv": "csv",
  ".json": "json",
  ".html": "html",
  ".htm": "html",
  ".txt": "text",
  ".text": "text",
};

/**
 * The output format: `--format`, else the output file's extension, else text. A `--format` the
 * extension contradicts (`--format csv -o r.xlsx`) is refused.
 * @example outputFormat(undefined, "report.xlsx") // "xlsx"
 */
export function outputFormat(format: string | undefined, output: string | undefined): Format {
  const implied = output ? BY_EXTENSION[extname(output).toLowerCase()] : undefined;
  const chosen = oneOf("format", format, FORMATS, implied ?? "text");
  if (implied && format !== undefined && implied !== chosen)
    throw new UsageError(
      `--format ${chosen} 与输出文件“${output}”的扩展名不符 · --format ${chosen} does not match the extension of ${output}`,
    );
  return chosen;
}

/** The exit code for a report: 1 when a finding is at or above `failOn`. */
export function exitCodeFor(report: AuditReport, failOn: (typeof FAIL_ON)[number]): number {
  if (failOn === "never") return EXIT.ok;
  const limit = RANK[failOn];
  return report.findings.some((f) => RANK[f.severity] <= limit) ? EXIT.findings : EXIT.ok;
}

export async function runAudit(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(auditSpec, argv);
  const input = positionals[0]!;
  const asOf = asOfFlag(values["as-of"], io);
  const output = values.output;
  const format = outputFormat(values.format, output);
  const lang = langFlag(values.lang);
  const failOn = oneOf("fail-on", values["fail-on"], FAIL_ON, "error");
  if (format === "xlsx" && !output)
    throw new UsageError("--format xlsx 需要 --output 文件 · --format xlsx needs --output FILE");
  // Said before a long read: an unknown rule id, level or parameter, a parameter of the wrong kind.
  const rules = configured(() =>
    parseRuleSelection({
      only: values.rule,
      skip: values["skip-rule"],
      severity: values.severity,
    }),
  );
  const parameters = await readParams(values.params);
  configured(() => parametersOn(asOf, parameters));
  const target = { inputs: [input, values.params], force: values.force };
  // Before any work: a refused or unwritable output is said at once, not after a long read.
  if (output && !values.quiet) await checkOutput(output, target);
  const timings = { read: 0, load: 0, audit: 0, write: 0 };
  const structure: SourceStructure[] = [];
  const { index, show } = await readDataset(io, input, { timings, structure });
  show.phase("核查 auditing");
  let t = performance.now();
  let report = configured(() =>
    audit(index, {
      asOf,
      ...(parameters ? { parameters } : {}),
      rules,
    }),
  );
  timings.audit = Math.round(performance.now() - t);
  show.done();
  t = performance.now();
  if (!values.quiet) {
    const mask = values.mask === true;
    if (mask) report = maskReport(report);
    const masked = (text: string) => (mask ? maskText(text) : text);
    let content: string | Uint8Array;
    if (format === "json") content = `${JSON.stringify(report, null, 2)}\n`;
    else if (format === "csv")
      content = masked(tableToCsv(findingsTable(report, index, lang), { headers: lang }));
    else if (format === "xlsx")
      content = await writeReportXlsx(report, index, {
        lang,
        inputs: [input],
        version: VERSION,
        overrides: parameters ?? {},
        structure,
      });
    else if (format === "html")
      content = masked(
        await renderReportHtml(report, index, {
          lang,
          inputs: [input],
          version: VERSION,
          overrides: parameters ?? {},
          structure,
        }),
      );
    else {
      const color = io.stdoutIsTTY && !output && io.env.NO_COLOR === undefined;
      content = masked(renderText(report, index, { lang, color, structure }));
    }
    await writeOutput(io, output, content, target);
  }
  timings.write = Math.round(performance.now() - t);
  if (values.timings) io.stderr(`${JSON.stringify({ timings })}\n`);
  return exitCodeFor(report, failOn);
}
