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
