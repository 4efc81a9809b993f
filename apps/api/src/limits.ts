/**
 * The API's limits: each has a default and an environment variable (read by `config.ts`), and a
 * request over one is refused with a problem naming the variable. Shared by the main thread (body,
 * queue, timeouts) and the workers (inflated bytes, nesting, rows, findings, response size).
 */
import { availableParallelism } from "node:os";

const MiB = 1024 * 1024;

/** What a job in a worker is held to. Plain data: it crosses the thread boundary. */
export interface JobLimits {
  /** Bytes an archive (zip of CSV, XLSX workbook) may inflate to, counted as it inflates. */
  inflatedBytes: number;
  /** Nesting of arrays and objects in a JSON document (the dataset object is level 1). */
  jsonDepth: number;
  /** Rows in one collection, in any format (JSON, CSV, XLSX; over all files of a zip). */
  rows: number;
  /** Cells of one sheet or CSV file (a row counts its width). */
  cells: number;
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

/** The defaults (workers: one per core this process may use). */
export const DEFAULT_LIMITS: Limits = {
  bodyBytes: 50 * MiB,
  inflatedBytes: 200 * MiB,
  jsonDepth: 16,
  rows: 300_000,
  cells: 20_000_000,
  findings: 10_000,
  responseBytes: 64 * MiB,
  inflightBytes: 512 * MiB,
  workers: Math.max(1, availableParallelism()),
  queue: 64,
  jobTimeoutMs: 60_000,
  workerHeapMiB: 1024,
  workerNice: 10,
};

/** The environment variable that sets each limit, and its unit. */
export const LIMIT_ENV = {
  bodyBytes: { name: "SHUANGBAO_BODY_LIMIT_MB", unit: "MiB" },
  inflatedBytes: { name: "SHUANGBAO_INFLATED_LIMIT_MB", unit: "MiB" },
  jsonDepth: { name: "SHUANGBAO_MAX_JSON_DEPTH", unit: "count" },
  rows: { name: "SHUANGBAO_MAX_ROWS", unit: "count" },
  cells: { name: "SHUANGBAO_MAX_CELLS", unit: "count" },
  findings: { name: "SHUANGBAO_MAX_FINDINGS", unit: "count" },
  responseBytes: { name: "SHUANGBAO_RESPONSE_LIMIT_MB", unit: "MiB" },
  inflightBytes: { name: "SHUANGBAO_INFLIGHT_LIMIT_MB", unit: "MiB" },
  workers: { name: "SHUANGBAO_WORKERS", unit: "count" },
  queue: { name: "SHUANGBAO_QUEUE", unit: "count" },
  jobTimeoutMs: { name: "SHUANGBAO_JOB_TIMEOUT_S", unit: "s" },
  workerHeapMiB: { name: "SHUANGBAO_WORKER_HEAP_MB", unit: "count" },
  workerNice: { name: "SHUANGBAO_WORKER_NICE", unit: "count" },
} as const satisfies Record<keyof Limits, { name: string; unit: "MiB" | "count" | "s" }>;

/** The job limits of all limits. */
export function jobLimits(limits: Limits): JobLimits {
  const { inflatedBytes, jsonDepth, rows, cells, findings, responseBytes } = limits;
  return { inflatedBytes, jsonDepth, rows, cells, findings, responseBytes };
}

/**
 * A byte count as people read it: whole MiB when it is one, else bytes.
 * @example sizeText(52428800) // "50 MiB"
 */
export function sizeText(bytes: number): string {
  return bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${bytes} bytes`;
}
