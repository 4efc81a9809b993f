import { dirname, resolve } from "node:path";

/** Where a command writes: injected so tests capture output without spawning a process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Whether stderr is a terminal (progress, colours). */
  stderrIsTTY: boolean;
  /** Whether stdout is a terminal (colours). */
  stdoutIsTTY: boolean;
  /** Today's date (YYYY-MM-DD), the default `--as-of`; injected so tests are deterministic. */
  today: () => string;
}

/** A user's mistake: printed as one clear line, exit code 2, never a stack trace. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * The folder the user stands in. `pnpm shuangbao …` (the workspace's script that passes the user's
 * arguments on) runs in the workspace root and records where the user was in `INIT_CWD`: that
 * folder is honoured when the running script is the one named `shuangbao` and the process is still
 * where the package manager put it (the folder of `npm_package_json`). Any other script keeps its
 * own folder, as npm scripts do: `pnpm demo` names `examples/yuexi` from the root, and a script
 * that `cd`s elsewhere first keeps that folder.
 * @example userCwd({ INIT_CWD: "/w/examples", npm_package_json: "/w/package.json", npm_lifecycle_event: "shuangbao" }, "/w") // "/w/examples"
 */
export function userCwd(env: Record<string, string | undefined>, cwd: string): string {
  const init = env.INIT_CWD;
  const manifest = env.npm_package_json;
  if (!init || !manifest || env.npm_lifecycle_event !== "shuangbao") return cwd;
  return resolve(dirname(manifest)) === resolve(cwd) ? resolve(init) : cwd;
}
