import { main } from "../src/main.js";

/** Runs the CLI's main with argv and captures stdout, stderr and the exit code. */
export async function run(
  argv: string[],
  env: Record<string, string | undefined> = {},
  tty: { stdout?: boolean; stderr?: boolean } = {},
) {
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
    stderrIsTTY: tty.stderr ?? false,
    stdoutIsTTY: tty.stdout ?? false,
    today: () => "2017-12-31",
  });
  return { code, stdout, stderr };
}
