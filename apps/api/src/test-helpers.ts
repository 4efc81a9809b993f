/**
 * Test helpers: an app with known keys and a fixed clock, the core fixture as a JSON body, and
 * request shortcuts. Not part of the build (tsup builds only app.ts and server.ts).
 */
import { makeIdNumber } from "@shuangbao/core";
import { compliantCounty, FIXTURE_AS_OF } from "@shuangbao/core/testing";
import { type AppOptions, createApp } from "./app.js";
import type { JobRunner } from "./jobs/queue.js";
import { type Job, type JobResult, runJob } from "./jobs/run-job.js";

export { compliantCounty, FIXTURE_AS_OF };

export const KEY = "test-key-0123456789";
export const UNMASK_KEY = "unmask-key-0123456789";
/** 2018-07-19 17:00 UTC is 2018-07-20 01:00 in Shanghai: the fixture's audit date. */
export const NOW = new Date("2018-07-19T17:00:00Z");
export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The app with `KEY` and `UNMASK_KEY`, a fixed clock and log lines collected in `lines`. */
export function testApp(options: AppOptions = {}) {
  const lines: string[] = [];
  const app = createApp({
    apiKeys: [KEY],
    unmaskKeys: [UNMASK_KEY],
    now: () => NOW,
    log: (line) => lines.push(line),
    ...options,
  });
  return { app, lines };
}

/** Headers with the Bearer key (and more). */
export const authed = (headers: Record<string, string> = {}, key = KEY) => ({
  Authorization: `Bearer ${key}`,
  ...headers,
});

/** A JSON POST with the key. */
export const postJson = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: authed({ "Content-Type": "application/json", ...headers }),
  body: typeof body === "string" ? body : JSON.stringify(body),
});

/** A valid resident ID number and a mobile number, to find (masked or not) in responses. */
export const PERSONAL = {
  idNumber: makeIdNumber("340828", "1980-01-01", 27),
  mobile: "13912345678",
} as const;

/** A job runner whose jobs wait until the test settles them: for the queue's states. */
export function heldRunner(workers = 1) {
  const calls: {
    job: Job;
    signal: AbortSignal;
    resolve: (result: JobResult) => void;
  }[] = [];
  const runner: JobRunner = {
    workers,
    run: (job, signal) =>
      new Promise<JobResult>((resolve, reject) => {
        calls.push({ job, signal, resolve });
        signal.addEventListener("abort", () => reject(signal.reason));
      }),
    destroy: async () => {},
  };
  /** Settles every waiting job by running it for real. */
  const runAll = async () => {
    for (const call of calls.splice(0)) call.resolve(await runJob(call.job));
  };
  return { runner, calls, runAll };
}
