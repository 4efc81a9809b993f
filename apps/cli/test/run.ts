import { main } from "../src/main.js";

/** Runs the CLI's main with argv and captures stdout, stderr and the exit code. */
export async function run(argv: string[], env: Record<string, string | undefined> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env,
    stderrIsTTY: false,
    stdoutIsTTY: false,
    today: () => "2017-12-31",
  });
  return { code, stdout, stderr };
}
