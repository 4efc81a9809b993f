/**
 * The V8 settings the CLI gives itself for a large read, so that a user gets them without
 * knowing V8: semi-spaces of 32 MiB (V8's default on a 64-bit machine is 16 MiB), so that the rows a
 * read keeps are copied from space to space less often. A heap flag cannot be set once V8 runs,
 * so the CLI starts itself again with it, once, when the data it is given is large; on small data
 * it would only cost the start-up.
 *
 * Measured (`bench/province-phases.ts`, the province's 2.4 GB of CSV, 2 cores): read + load
 * 113.2 s with it against 140.8 s without, peak RSS 3,384 MiB against 3,230 MiB.
 */
import { spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";

/** The flags a large read runs with. */
export const LARGE_READ_FLAGS = ["--max-semi-space-size=32"] as const;
/** Set in the restarted process (and settable by a user to keep the CLI from restarting). */
export const V8_FLAGS_ENV = "SHUANGBAO_V8_FLAGS_SET";
/** Data this large (CSV or JSON bytes; a zip or workbook counts 8 times its size) is large. */
export const LARGE_READ_BYTES = 256 * 1024 * 1024;

const READS = new Set(["audit", "plan", "forms"]);

/** Bytes a path's data stands for: a file's (8× for a zip or workbook), a folder's files'. */
function dataBytes(path: string): number {
  try {
    const stat = statSync(path);
    if (stat.isFile()) {
      const packed = [".zip", ".xlsx"].includes(extname(path).toLowerCase());
      return packed ? stat.size * 8 : stat.size;
    }
    if (!stat.isDirectory()) return 0;
    let total = 0;
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.isFile()) total += statSync(join(path, entry.name)).size;
    }
    return total;
  } catch {
    return 0;
  }
}

/**
 * Whether this run should start again with `LARGE_READ_FLAGS`: a command that reads data
 * (`audit`, `plan`, `forms`) given a large path, in a process without the flags (neither on its
 * command line nor in `NODE_OPTIONS`) that was not itself restarted.
 * @example wantsLargeReadFlags(["audit", "/data/province"], {}, []) // true for 2.4 GB of CSV
 */
export function wantsLargeReadFlags(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  execArgv: readonly string[],
): boolean {
  if (!READS.has(args[0] ?? "")) return false;
  if (env[V8_FLAGS_ENV] !== undefined) return false;
  const set = [...execArgv, ...(env.NODE_OPTIONS ?? "").split(/\s+/)];
  if (set.some((a) => a.startsWith("--max-semi-space-size"))) return false;
  // Options' values are not paths to data; a large one would be found as well (harmless).
  return args.slice(1).some((a) => !a.startsWith("-") && dataBytes(a) >= LARGE_READ_BYTES);
}

/**
 * Runs this CLI again in a child process with `LARGE_READ_FLAGS` and the same arguments,
 * standard streams and environment (plus `V8_FLAGS_ENV`); resolves with its exit code. A signal
 * that ends the child (Ctrl-C reaches both) ends this process the same way.
 */
export function restartWithLargeReadFlags(
  script: string,
  args: readonly string[],
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [...LARGE_READ_FLAGS, ...process.execArgv, script, ...args],
      { stdio: "inherit", env: { ...process.env, [V8_FLAGS_ENV]: "1" } },
    );
    // The child handles the terminal's signals (and cleans up after itself); this one waits.
    const ignore = () => {};
    const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
    for (const s of signals) process.on(s, ignore);
    child.on("error", () => resolve(70));
    child.on("exit", (code, signal) => {
      for (const s of signals) process.off(s, ignore);
      if (signal) {
        process.kill(process.pid, signal);
        return;
      }
      resolve(code ?? 70);
    });
  });
}
