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

/** Parses argv for a command; throws `UsageError` with a clear message. */
export function parse<const O extends Options>(spec: CommandSpec<O>, argv: string[]) {
  try {
    const parsed = parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>({
      args: argv,
      options: spec.options,
      allowPositionals: true,
      strict: true,
    });
    const n = parsed.positionals.length;
    const want = spec.positionals ?? { min: 0, max: 0 };
    if (n < want.min) throw new UsageError(`缺少参数 missing argument: ${spec.usage}`);
    if (n > want.max)
      throw new UsageError(
        `多余的参数 unexpected argument “${parsed.positionals[want.max]}”: ${spec.usage}`,
      );
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, ""));
  }
}

/** The help text of a command. */
export function helpText<O extends Options>(spec: CommandSpec<O>): string {
  const lines = [`${spec.summary}`, "", `用法 Usage: ${spec.usage}`, "", "选项 Options:"];
  const rows = Object.entries(spec.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : "    "}--${name}${o.type === "string" ? " <value>" : ""}`;
    return [flag, (spec.help as Record<string, string>)[name] ?? ""] as const;
  });
  rows.push(["-h, --help", "显示帮助 show this help"]);
  const width = Math.max(...rows.map(([f]) => f.length)) + 2;
  for (const [flag, text] of rows) lines.push(`  ${flag.padEnd(width)}${text}`);
  lines.push("", "示例 Examples:", ...spec.examples.map((e) => `  ${e}`));
  return `${lines.join("\n")}\n`;
}
