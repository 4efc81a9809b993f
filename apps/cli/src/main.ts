import { READ_LIMIT_ENV, READ_THREADS_ENV } from "@shuangbao/io";
import { type CommandSpec, helpText, type Options } from "./args.js";
import { auditSpec, runAudit } from "./commands/audit.js";
import { formsSpec, runForms } from "./commands/forms.js";
import { planSpec, runPlan } from "./commands/plan.js";
import { rulesSpec, runRules } from "./commands/rules.js";
import { runSample, sampleSpec } from "./commands/sample.js";
import { EXIT } from "./commands/shared.js";
import { runTemplate, templateSpec } from "./commands/template.js";
import { type CliIo, UsageError } from "./io.js";
import { V8_FLAGS_ENV } from "./v8-flags.js";
import { VERSION } from "./version.js";

/** The environment variables the CLI reads, as `--help` lists them (the README says more). */
const ENVIRONMENT: readonly [string, string][] = [
  [
    READ_LIMIT_ENV.inflatedBytes.name,
    "压缩包和工作簿解压上限（MiB）· MiB zips and workbooks may inflate to",
  ],
  [READ_LIMIT_ENV.rows.name, "每张数据表的行数上限 · rows of one collection"],
  [READ_LIMIT_ENV.cells.name, "每个工作表或CSV文件的单元格上限 · cells of one sheet or CSV file"],
  [
    READ_LIMIT_ENV.findingsPerColumn.name,
    "每列逐条列出的同类数据问题上限，其余合计 · data findings listed per column; the rest counted",
  ],
  [READ_THREADS_ENV, "读取走访记录的线程数（0：单线程）· threads reading visits (0: one)"],
  [
    V8_FLAGS_ENV,
    "设置后大数据不再以V8参数重新启动 · set: a large read does not restart with V8 flags",
  ],
];

export { EXIT };

interface Command {
  spec: CommandSpec<Options>;
  run: (argv: string[], io: CliIo) => Promise<number>;
}

/** The commands, in the order `--help` lists them. */
export const COMMANDS: Record<string, Command> = {
  audit: { spec: auditSpec as unknown as CommandSpec<Options>, run: runAudit },
  rules: { spec: rulesSpec as unknown as CommandSpec<Options>, run: runRules },
  forms: { spec: formsSpec as unknown as CommandSpec<Options>, run: runForms },
  plan: { spec: planSpec as unknown as CommandSpec<Options>, run: runPlan },
  sample: { spec: sampleSpec as unknown as CommandSpec<Options>, run: runSample },
  template: { spec: templateSpec as unknown as CommandSpec<Options>, run: runTemplate },
};

function rootHelp(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length)) + 2;
  return [
    `shuangbao ${VERSION} — 安徽省“单位包村、干部包户”数据核查 · audits data of Anhui's 2014 “双包” policy`,
    "",
    "用法 Usage: shuangbao <command> [options]",
    "",
    "命令 Commands:",
    ...names.map((n) => `  ${n.padEnd(width)}${COMMANDS[n]!.spec.summary}`),
    "",
    "  shuangbao <command> --help   每个命令的帮助与示例 · help and examples for a command",
    "  shuangbao help <command>     同上 · the same",
    "  shuangbao --version          版本 · the version",
    "",
    "环境变量 Environment:",
    ...ENVIRONMENT.map(([name, what]) => `  ${name}\n      ${what}`),
    "",
    "退出码 Exit codes: 0 无达到 --fail-on 级别的问题 · nothing at or above --fail-on",
    "                  1 有达到该级别的问题 · findings at or above it",
    "                  2 用法错误、无法读取的输入或无法写入的输出 · usage error, unreadable input or unwritable output",
    "",
  ].join("\n");
}

function unknownCommand(name: string, io: CliIo): number {
  io.stderr(
    `shuangbao: 未知命令“${name}”，运行 shuangbao --help 查看命令 · unknown command ${name}; run shuangbao --help\n`,
  );
  return EXIT.usage;
}

/**
 * Runs the CLI with `argv` (without node and script) and returns the exit code. Never throws for
 * a user's mistake: it prints one clear line and returns 2.
 * @example await main(["--version"], io) // prints the version, returns 0
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(rootHelp());
    return EXIT.usage;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? rest[0] : undefined;
    if (topic === undefined || topic === "--help" || topic === "-h") {
      io.stdout(rootHelp());
      return EXIT.ok;
    }
    const command = COMMANDS[topic];
    if (!command) return unknownCommand(topic, io);
    io.stdout(helpText(command.spec));
    return EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) return unknownCommand(name, io);
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(helpText(command.spec));
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`shuangbao ${name}: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
