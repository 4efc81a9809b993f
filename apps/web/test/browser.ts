/**
 * What the page's end-to-end tests share: Debian's Chromium driven by playwright-core (no browser
 * download), the CLI run from source for the figures and bytes to compare with, and a folder for
 * screenshots (gitignored).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type Browser, chromium } from "playwright-core";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const PAGE = fileURLToPath(new URL("../dist/index.html", import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL("./artifacts/", import.meta.url));
export const EXAMPLES = `${ROOT}examples/`;

/** Chromium from the system (`.ci/run` installs Debian's package): its path. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path))
    throw new Error(`no Chromium at ${path}: apt-get install chromium (or set CHROMIUM_PATH)`);
  return path;
}

export async function launch(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath(),
    // As root (CI), Chromium's sandbox cannot start.
    args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
  });
}

const run = promisify(execFile);

/**
 * Runs `shuangbao …` from source in `cwd` (as a person would type it there; a folder of the
 * repository, where `tsx` is found), returning stdout; exit code 1 (findings) is not a failure.
 */
export async function shuangbao(args: string[], cwd = EXAMPLES): Promise<string> {
  try {
    const { stdout } = await run(
      process.execPath,
      ["--conditions=@shuangbao/source", "--import", "tsx", `${ROOT}apps/cli/src/bin.ts`, ...args],
      { cwd, maxBuffer: 1 << 28, encoding: "utf8" },
    );
    return stdout;
  } catch (error) {
    const e = error as { code?: number; stdout?: string };
    if (e.code === 1 && e.stdout !== undefined) return e.stdout;
    throw error;
  }
}
