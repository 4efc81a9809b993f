/**
 * The built CLI (`dist/bin.js`, made by `pnpm build`) as a user runs it: a separate process, with
 * its own working folder and environment. For end-to-end tests.
 */
import { type SpawnSyncOptions, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
export const REPO = fileURLToPath(new URL("../../../", import.meta.url));

/** The environment of a plain shell: no colours, no package manager's variables. */
export function plainEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(npm_|INIT_CWD$|PNPM_|pnpm_)/i.test(k)) env[k] = v;
  return { ...env, NO_COLOR: "1", ...extra };
}

/** Runs `shuangbao args…` and returns its status, stdout and stderr (text). */
export function shuangbao(
  args: string[],
  options: SpawnSyncOptions & { env?: NodeJS.ProcessEnv } = {},
): { status: number | null; stdout: string; stderr: string; signal: NodeJS.Signals | null } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: plainEnv(),
    // A command that spins is a failure, not a hung test run.
    timeout: 120_000,
    ...options,
  });
  return {
    status: r.status,
    stdout: String(r.stdout),
    stderr: String(r.stderr),
    signal: r.signal,
  };
}
