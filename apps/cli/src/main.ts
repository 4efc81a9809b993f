import { type CommandDef, defineCommand, renderUsage, runCommand } from "citty";
import { type CliIo, UsageError } from "./io.js";
import { VERSION } from "./version.js";

/** Exit codes, documented in the README: a CI pipeline gates on them. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

// biome-ignore lint/suspicious/noExplicitAny: citty's command map is heterogeneous
type AnyCommand = CommandDef<any>;

export function rootCommand(subCommands: Record<string, AnyCommand>): AnyCommand {
  return defineCommand({
    meta: {
      name: "shuangbao",
      version: VERSION,
      description: "审计安徽省“单位包村、干部包户”数据 · Audit data of Anhui's 2014 “双包” policy",
    },
    subCommands,
  });
}

/** The commands this build provides; later steps add to the map. */
export function commands(): Record<string, AnyCommand> {
  return {};
}

/**
 * Runs the CLI with `argv` (without node and script) and returns the exit code.
 * @example await main(["--version"], io) // prints the version, returns 0
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const subs = commands();
  const root = rootCommand(subs);
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h") {
    io.stdout(`${await renderUsage(root)}\n`);
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  if (argv[0] === "--version" || argv[0] === "-v") {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const name = argv[0] ?? "";
  const sub = subs[name];
  if (!sub) {
    io.stderr(`shuangbao: 未知命令 unknown command “${name}”. Run shuangbao --help.\n`);
    return EXIT.usage;
  }
  const rest = argv.slice(1);
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`${await renderUsage(sub, root)}\n`);
    return EXIT.ok;
  }
  try {
    const { result } = await runCommand(sub, { rawArgs: rest, data: io });
    return typeof result === "number" ? result : EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code === "EARG") {
      io.stderr(`shuangbao ${name}: ${(error as Error).message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
