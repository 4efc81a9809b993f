/**
 * Flag parsing on Node's own `util.parseArgs` (strict: an unknown flag or a missing value is a
 * usage error naming it), with each command's help text beside its options.
 */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./io.js";

export type Options = NonNullable<ParseArgsConfig["options"]>;

/** A command: its name, one-line summary, usage, options with help, and examples. */
export interface CommandSpec<O extends Options> {
  name: string;
  summary: string;
  usage: string;
  options: O;
  /** Help for each option, by name. */
  help: { [K in keyof O]: string };
  examples: readonly string[];
  positionals?: { min: number; max: number };
}

/** Declares a command (keeps the option types exact for `parse`). */
export function command<const O extends Options>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}

/** A `parseArgs` error of Node (English) as a usage error, Chinese first. */
function parseError(error: Error & { code?: string }): UsageError {
  // “Option '-q, --quiet' does not take an argument”: name the long form.
  const option = /'(?:-\w, )?(-[^' ]+)/.exec(error.message)?.[1] ?? "";
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return new UsageError(`未知选项“${option}” · unknown option ${option}`);
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /does not take/.test(error.message)
        ? new UsageError(`选项“${option}”不带值 · option ${option} takes no value`)
        : new UsageError(
            `选项“${option}”缺少值（以“-”开头的值请写作 ${option}=值） · option ${option} needs a value (write ${option}=VALUE for a value starting with -)`,
          );
    default:
      return new UsageError(`参数有误 · ${error.message.replace(/\. To specify.*$/s, "")}`);
  }
}

/**
 * Parses argv for a command; throws `UsageError` with a clear message. A flag given twice is
 * refused unless it is a list flag (`multiple: true`, e.g. `--rule`).
 */
export function parse<const O extends Options>(spec: CommandSpec<O>, argv: string[]) {
  let parsed: ReturnType<
    typeof parseArgs<{
      args: string[];
      options: O;
      allowPositionals: true;
      strict: true;
      tokens: true;
    }>
  >;
  try {
    parsed = parseArgs<{
      args: string[];
      options: O;
      allowPositionals: true;
      strict: true;
      tokens: true;
    }>({
      args: argv,
      options: spec.options,
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    throw parseError(error as Error & { code?: string });
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "option") continue;
    if (spec.options[token.name]?.multiple) continue;
    if (seen.has(token.name))
      throw new UsageError(
        `选项“--${token.name}”只能给一次 · option --${token.name} is given more than once`,
      );
    seen.add(token.name);
  }
  const n = parsed.positionals.length;
  const want = spec.positionals ?? { min: 0, max: 0 };
  if (n < want.min) throw new UsageError(`缺少参数 · missing argument: ${spec.usage}`);
  if (n > want.max)
    throw new UsageError(
      `多余的参数“${parsed.positionals[want.max]}” · unexpected argument ${parsed.positionals[want.max]}: ${spec.usage}`,
    );
  return parsed;
}

/**
 * A whole-number flag (0 or more, at most `Number.MAX_SAFE_INTEGER`), or `fallback` when absent.
 * @example wholeNumber("seed", "7", 1) // 7
 */
export function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n))
    throw new UsageError(`--${name} 须为整数 · must be a whole number, not “${value}”`);
  return n;
}

/** The help text of a command. */
export function helpText<O extends Options>(spec: CommandSpec<O>): string {
  const lines = [`${spec.summary}`, "", `用法 Usage: ${spec.usage}`, "", "选项 Options:"];
  const rows = Object.entries(spec.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : "    "}--${name}${o.type === "string" ? " <value>" : ""}`;
    return [flag, (spec.help as Record<string, string>)[name] ?? ""] as const;
  });
  rows.push(["-h, --help", "显示帮助 · show this help"]);
  const width = Math.max(...rows.map(([f]) => f.length)) + 2;
  for (const [flag, text] of rows) lines.push(`  ${flag.padEnd(width)}${text}`);
  lines.push("", "示例 Examples:", ...spec.examples.map((e) => `  ${e}`));
  return `${lines.join("\n")}\n`;
}
