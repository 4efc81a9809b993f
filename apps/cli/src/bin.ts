import { rmSync } from "node:fs";
import { PENDING } from "./commands/shared.js";
import { userCwd } from "./io.js";
import { main } from "./main.js";
import { restartWithLargeReadFlags, wantsLargeReadFlags } from "./v8-flags.js";

const today = () => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

// Relative paths are the user's: under `pnpm shuangbao …` the script starts in the workspace root.
const cwd = userCwd(process.env, process.cwd());
if (cwd !== process.cwd()) {
  try {
    process.chdir(cwd);
  } catch {
    // The folder the user stood in is gone: stay where we are.
  }
}

const args = process.argv.slice(2);
// A large read runs in a child with the V8 flags it needs (`v8-flags.ts`); this process waits.
const restart = wantsLargeReadFlags(args, process.env, process.execArgv);

/** Removes the temporary files being written, so nothing half-written stays behind. */
const cleanUp = () => {
  for (const path of PENDING) rmSync(path, { recursive: true, force: true });
};

// `shuangbao audit … | head`: the reader went away; stop quietly, as a command line tool does.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    cleanUp();
    process.exit(0);
  });
}

// Ctrl-C while writing: clean up, then end as the signal ends a process.
for (const signal of restart ? [] : (["SIGINT", "SIGTERM", "SIGHUP"] as const)) {
  process.once(signal, () => {
    cleanUp();
    process.kill(process.pid, signal);
  });
}

const run = restart
  ? restartWithLargeReadFlags(process.argv[1]!, args)
  : main(args, {
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stderr.write(t),
      env: process.env,
      stderrIsTTY: Boolean(process.stderr.isTTY),
      stdoutIsTTY: Boolean(process.stdout.isTTY),
      today,
    });
run.then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `shuangbao: 内部错误，请报告此问题 · internal error, please report it: ${(error as Error).message}\n`,
    );
    process.exitCode = 70;
  },
);
