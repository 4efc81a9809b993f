/** `shuangbao audit <path>`: audit a dataset and report findings. */
import { readFile } from "node:fs/promises";
import { PassThrough } from "node:stream";
import { buffer } from "node:stream/consumers";
import {
  type AuditReport,
  audit,
  ConfigurationError,
  findingsTable,
  type Severity,
} from "@shuangbao/core";
import { tableToCsv, writeTablesXlsx } from "@shuangbao/io";
import { command, parse } from "../args.js";
import { type CliIo, UsageError } from "../io.js";
import { renderText } from "../render/text.js";
import { dateFlag, EXIT, emit, oneOf, progress, readInput } from "./shared.js";

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
    lang: { type: "string" },
    "fail-on": { type: "string" },
    rule: { type: "string", multiple: true },
    "skip-rule": { type: "string", multiple: true },
    severity: { type: "string", multiple: true },
    params: { type: "string" },
    quiet: { type: "boolean", short: "q" },
    timings: { type: "boolean" },
  },
  help: {
    "as-of": "核查基准日 the audit date YYYY-MM-DD (default: today)",
    format: "输出格式 text | json | csv | xlsx (default text)",
    output: "输出文件 write to FILE (default stdout; required for xlsx)",
    lang: "语言 zh | en, for text and tables (default zh)",
    "fail-on": "退出码1的最低级别 error | warning | info | never (default error)",
    rule: "只运行该规则 run only this rule (repeatable)",
    "skip-rule": "跳过该规则 skip this rule or data check (repeatable)",
    severity: "调整级别 override a severity, ID=LEVEL (repeatable)",
    params: "参数文件 flat { name: value } JSON of parameter overrides",
    quiet: "不输出报告 print nothing; use the exit code",
    timings: "在stderr输出各阶段耗时 print phase timings (ms) as JSON on stderr",
  },
  examples: [
    "shuangbao audit examples/yuexi --as-of 2018-07-20",
    "shuangbao audit data.xlsx --format csv --lang en -o findings.csv",
    "shuangbao audit data/ --rule village.has-unit --severity household.regular-visits=error",
  ],
});

const FAIL_ON = ["error", "warning", "info", "never"] as const;
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function severityOverrides(values: string[] | undefined): Record<string, Severity> {
  const out: Record<string, Severity> = {};
  for (const v of values ?? []) {
    const m = /^([^=]+)=(error|warning|info)$/.exec(v);
    if (!m) throw new UsageError(`--severity 须为 must be ID=error|warning|info, not “${v}”`);
    out[m[1]!] = m[2] as Severity;
  }
  return out;
}

async function readParams(path: string | undefined): Promise<Record<string, unknown> | undefined> {
  if (!path) return undefined;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new UsageError(`--params: 无法读取 cannot read ${path}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `--params ${path}: 不是有效的JSON not valid JSON: ${(error as Error).message}`,
    );
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new UsageError(`--params ${path}: 须为 must be a flat JSON object { name: value }`);
  }
  return doc as Record<string, unknown>;
}

/** The exit code for a report: 1 when a finding is at or above `failOn`. */
export function exitCodeFor(report: AuditReport, failOn: (typeof FAIL_ON)[number]): number {
  if (failOn === "never") return EXIT.ok;
  const limit = RANK[failOn];
  return report.findings.some((f) => RANK[f.severity] <= limit) ? EXIT.findings : EXIT.ok;
}

export async function runAudit(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(auditSpec, argv);
  const asOf = dateFlag("as-of", values["as-of"], io.today());
  const format = oneOf("format", values.format, ["text", "json", "csv", "xlsx"] as const, "text");
  const lang = oneOf("lang", values.lang, ["zh", "en"] as const, "zh");
  const failOn = oneOf("fail-on", values["fail-on"], FAIL_ON, "error");
  if (format === "xlsx" && !values.output)
    throw new UsageError("--format xlsx 需要 needs --output FILE");
  const severity = severityOverrides(values.severity);
  const parameters = await readParams(values.params);

  const timings = { read: 0, load: 0, audit: 0, write: 0 };
  const show = progress(io);
  const index = await readInput(positionals[0]!, { onRows: show.rows, timings });
  show.phase("核查 auditing");
  let t = performance.now();
  let report: AuditReport;
  try {
    report = audit(index, {
      asOf,
      ...(parameters ? { parameters } : {}),
      rules: {
        ...(values.rule ? { only: values.rule } : {}),
        ...(values["skip-rule"] ? { skip: values["skip-rule"] } : {}),
        severity,
      },
    });
  } catch (error) {
    if (error instanceof ConfigurationError) throw new UsageError(error.message);
    throw error;
  }
  timings.audit = Math.round(performance.now() - t);
  show.done();
  t = performance.now();
  if (!values.quiet) {
    if (format === "json") await emit(io, values.output, `${JSON.stringify(report, null, 2)}\n`);
    else if (format === "csv")
      await emit(
        io,
        values.output,
        tableToCsv(findingsTable(report, index, lang), { headers: lang }),
      );
    else if (format === "xlsx") {
      const sink = new PassThrough();
      const bytes = buffer(sink);
      await writeTablesXlsx([findingsTable(report, index, lang)], sink, { headers: lang });
      await emit(io, values.output, new Uint8Array(await bytes));
    } else {
      const color = io.stdoutIsTTY && !values.output && io.env.NO_COLOR === undefined;
      await emit(io, values.output, renderText(report, index, { lang, color }));
    }
  }
  timings.write = Math.round(performance.now() - t);
  if (values.timings) io.stderr(`${JSON.stringify({ timings })}\n`);
  return exitCodeFor(report, failOn);
}
