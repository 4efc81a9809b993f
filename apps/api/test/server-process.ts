/**
 * The built server in a child process for end-to-end tests: bound to 127.0.0.1 on a port the
 * system picks (PORT=0, read back from the "listening" line), its output collected.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

export const serverJs = fileURLToPath(new URL("../dist/server.js", import.meta.url));
export const KEY = "e2e-key-0123456789abcdef";

export interface RunningServer {
  child: ChildProcess;
  port: number;
  base: string;
  stderr(): string;
  stdout(): string;
  /** Sends SIGTERM (if still running) and resolves with the exit code. */
  stop(): Promise<number | string | null>;
}

/** Starts the built server with `env`; resolves once it listens. */
export async function startServer(
  env: Record<string, string>,
  args: string[] = [],
): Promise<RunningServer> {
  const child = spawn(process.execPath, [serverJs, ...args], {
    env: { ...process.env, HOST: "127.0.0.1", PORT: "0", SHUANGBAO_API_KEYS: KEY, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  let stdout = "";
  child.stdout?.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString();
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(stderr);
      if (match) resolve(Number(match[1]));
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  // The exit code, or the signal that ended the process (a crash names itself in a failing test).
  const exited = once(child, "exit").then(
    ([code, signal]) => (code as number | null) ?? (signal as string | null),
  );
  return {
    child,
    port,
    base: `http://127.0.0.1:${port}`,
    stderr: () => stderr,
    stdout: () => stdout,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

/** Polls `check` every 50 ms until it holds, at most `tries` times; false if it never did. */
export async function eventually(check: () => Promise<boolean>, tries = 200): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/** The queue as /readyz reports it. */
export async function readyz(base: string) {
  const res = await fetch(`${base}/readyz`);
  const body = (await res.json()) as {
    status: string;
    queue: { size: number; running: number; workers: number; bodyBytes: { held: number } };
  };
  return { http: res.status, ...body };
}
