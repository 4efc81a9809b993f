/** What several commands share: reading the input, progress on a TTY, writing output. */
import { writeFile } from "node:fs/promises";
import { type DatasetIndex, isIsoDate } from "@shuangbao/core";
import { InputError, type ReadOptions, readDatasetFromPath } from "@shuangbao/io";
import { type CliIo, UsageError } from "../io.js";

/** Exit codes, documented in the README: a CI pipeline gates on them. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** A progress line on stderr, only when stderr is a terminal. */
export function progress(io: CliIo) {
  const start = Date.now();
  let rows = 0;
  let last = 0;
  const show = (phase: string, force = false) => {
    if (!io.stderrIsTTY) return;
    const now = Date.now();
    if (!force && now - last < 200) return;
    last = now;
    const secs = ((now - start) / 1000).toFixed(1);
    io.stderr(`\r\x1b[K${phase} · ${rows.toLocaleString("en")} 行 rows · ${secs}s`);
  };
  return {
    rows: (n: number) => {
      rows += n;
      show("读取 reading");
    },
    phase: (name: string) => show(name, true),
    done: () => {
      if (io.stderrIsTTY) io.stderr("\r\x1b[K");
    },
  };
}

/** Reads a dataset, turning unreadable input into a usage-level error (exit 2). */
export async function readInput(path: string, options: ReadOptions = {}): Promise<DatasetIndex> {
  try {
    return await readDatasetFromPath(path, options);
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(`无法读取 cannot read ${error.message}`);
    throw error;
  }
}

/** Checks a YYYY-MM-DD date flag. */
export function dateFlag(name: string, value: string | undefined, fallback: string): string {
  const v = value ?? fallback;
  if (!isIsoDate(v)) {
    throw new UsageError(`--${name} 须为日期 must be a date YYYY-MM-DD, not “${v}”`);
  }
  return v;
}

/** Writes text or bytes to `--output`, or text to stdout. */
export async function emit(
  io: CliIo,
  output: string | undefined,
  content: string | Uint8Array,
): Promise<void> {
  if (output) await writeFile(output, content);
  else io.stdout(typeof content === "string" ? content : Buffer.from(content).toString("utf8"));
}

/** One of the allowed values of a flag. */
export function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  const v = (value ?? fallback) as T;
  if (!allowed.includes(v))
    throw new UsageError(`--${name} 须为 must be one of ${allowed.join(", ")}, not “${v}”`);
  return v;
}
