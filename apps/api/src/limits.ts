/**
 * The API's limits: each has a default and an environment variable (read by `config.ts`), and a
 * request over one is refused with a problem naming the variable. Shared by the main thread (body,
 * queue, timeouts) and the workers (inflated bytes, nesting, rows, findings, response size). The
 * read limits (inflated bytes, rows, cells) are io's, with their variables (`READ_LIMIT_ENV`): the
 * API sets only its own, smaller defaults for them.
 */
import { availableParallelism } from "node:os";
import { READ_LIMIT_ENV, type ReadLimits } from "@shuangbao/io";

const MiB = 1024 * 1024;

/**
 * What a job in a worker is held to: io's read limits (bytes an archive inflates to, rows of a
 * collection, cells of a sheet) and the API's own. Plain data: it crosses the thread boundary.
 */
export interface JobLimits extends ReadLimits {
  /** Nesting of arrays and objects in a JSON document (the dataset object is level 1). */
  jsonDepth: number;
  /** Findings in one response; more are cut, and the report says so (`truncated`). */
  findings: number;
  /** Bytes of one response body. */
  responseBytes: number;
}

/** Every limit of the API. */
export interface Limits extends JobLimits {
  /** Bytes of a request body, counted as it streams in. */
  bodyBytes: number;
  /** Bytes of request bodies held at once (being read, queued or running); over it: 503. */
  inflightBytes: number;
  /** Worker threads that run audits, plans and forms. */
  workers: number;
  /** Jobs that may wait for a worker; more: 503 with Retry-After. */
  queue: number;
  /** Milliseconds a job may wait and run before it is cancelled: 504. */
  jobTimeoutMs: number;
  /** Heap (MiB) of each worker; a job that needs more is stopped: 413. */
  workerHeapMiB: number;
  /** How much lower a worker thread's priority is than the main thread's (Linux, 0–19). */
  workerNice: number;
}

/**
 * The API's defaults of io's read limits: a request's dataset, not the whole province a CLI
 * reads (io's `DEFAULT_READ_LIMITS`).
 */
export const API_READ_LIMITS: ReadLimits = {
  inflatedBytes: 200 * MiB,
  rows: 300_000,
  cells: 20_000_000,
  findingsPerColumn: 10_000,
};

/** The defaults (workers: one per core this process may use). */
export const DEFAULT_LIMITS: Limits = {
  bodyBytes: 50 * MiB,
  ...API_READ_LIMITS,
  jsonDepth: 16,
  findings: 10_000,
  responseBytes: 64 * MiB,
  inflightBytes: 512 * MiB,
  workers: Math.max(1, availableParallelism()),
  queue: 64,
  jobTimeoutMs: 60_000,
  workerHeapMiB: 1024,
  workerNice: 10,
};

/**
 * How the environment sets a number: its variable and unit (`MiB` and `s`: a positive number,
 * fractions allowed; `count`: a whole number from `min`, default 1, up to `max`).
 */
export interface EnvNumber {
  name: string;
  unit: "MiB" | "count" | "s";
  min?: number;
  max?: number;
}

/** The variable of each of the API's own limits (the read limits' are io's). */
export const OWN_LIMIT_ENV = {
  bodyBytes: { name: "SHUANGBAO_BODY_LIMIT_MB", unit: "MiB" },
  jsonDepth: { name: "SHUANGBAO_MAX_JSON_DEPTH", unit: "count", min: 2 },
  findings: { name: "SHUANGBAO_MAX_FINDINGS", unit: "count" },
  responseBytes: { name: "SHUANGBAO_RESPONSE_LIMIT_MB", unit: "MiB" },
  inflightBytes: { name: "SHUANGBAO_INFLIGHT_LIMIT_MB", unit: "MiB" },
  workers: { name: "SHUANGBAO_WORKERS", unit: "count" },
  queue: { name: "SHUANGBAO_QUEUE", unit: "count", min: 0 },
  jobTimeoutMs: { name: "SHUANGBAO_JOB_TIMEOUT_S", unit: "s" },
  workerHeapMiB: { name: "SHUANGBAO_WORKER_HEAP_MB", unit: "count", min: 64 },
  workerNice: { name: "SHUANGBAO_WORKER_NICE", unit: "count", min: 0, max: 19 },
} as const satisfies Record<Exclude<keyof Limits, keyof ReadLimits>, EnvNumber>;

/** The environment variable that sets each limit (problems name it). */
export const LIMIT_ENV = { ...READ_LIMIT_ENV, ...OWN_LIMIT_ENV } as const satisfies Record<
  keyof Limits,
  { name: string }
>;

/** The job limits of all limits. */
export function jobLimits(limits: Limits): JobLimits {
  const { inflatedBytes, jsonDepth, rows, cells, findingsPerColumn, findings, responseBytes } =
    limits;
  return { inflatedBytes, jsonDepth, rows, cells, findingsPerColumn, findings, responseBytes };
}

/**
 * A byte count as people read it: whole MiB when it is one, else bytes.
 * @example sizeText(52428800) // "50 MiB"
 */
export function sizeText(bytes: number): string {
  return bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${bytes} bytes`;
}
