/**
 * The work queue in front of the worker pool: admits a request before its body is read (a slot
 * per worker plus `capacity` waiting; full → 503 with Retry-After), holds the bytes of bodies in
 * flight to a budget, gives every job a timeout (504) and cancels it when its client goes away
 * or the server stops. Jobs wait here, first in first out, and are handed to the pool only when a
 * worker is free (piscina's own queue lets a job that waits be overtaken by later ones). The pool
 * is a `JobRunner`: piscina's worker threads in the server, or the job function in-process.
 */
import { Piscina } from "piscina";
import { LIMIT_ENV, type Limits, sizeText } from "../limits.js";
import { ClientGoneError, ProblemError } from "../problem.js";
import { type Job, type JobResult, runJob } from "./run-job.js";

/** What runs jobs: a pool of workers, or the job function itself. */
export interface JobRunner {
  /** How many jobs run at once. */
  readonly workers: number;
  /** Runs a job; rejects once `signal` aborts (a running job's worker is stopped). */
  run(job: Job, signal: AbortSignal): Promise<JobResult>;
  /** Stops the workers at once (running jobs are abandoned). */
  destroy(): Promise<void>;
}

/**
 * Jobs run in-process, one after another as the event loop takes them: for tests and for
 * runtimes without worker threads. The signal is honoured only between jobs.
 */
export function inlineRunner(): JobRunner {
  return {
    workers: 1,
    run: async (job, signal) => {
      signal.throwIfAborted();
      return runJob(job);
    },
    destroy: async () => {},
  };
}

/** The options of the pool of worker threads. */
export interface PoolOptions {
  /** The built worker file (`dist/worker.js`). */
  filename: URL;
  workers: number;
  queue: number;
  /** Heap of each worker (MiB). */
  heapMiB: number;
  /** How much lower each worker's priority is than the main thread's (Linux). */
  nice?: number;
  /** Told of a worker's error that no job was waiting for (logged by class only). */
  onError?: (error: Error) => void;
}

/**
 * A piscina pool of `workers` threads, all started at once and kept, each with a capped heap;
 * the body's bytes are moved to the worker, not copied.
 * @example piscinaRunner({ filename: new URL("./worker.js", import.meta.url), workers: 2, queue: 64, heapMiB: 1536 })
 */
export function piscinaRunner(options: PoolOptions): JobRunner {
  const pool = new Piscina<Job, JobResult>({
    filename: options.filename.href,
    minThreads: options.workers,
    maxThreads: options.workers,
    idleTimeout: 2 ** 31 - 1,
    // The queue is JobQueue's: a job is handed over only when a worker is free.
    maxQueue: options.workers,
    concurrentTasksPerWorker: 1,
    resourceLimits: { maxOldGenerationSizeMb: options.heapMiB },
    workerData: { nice: options.nice ?? 0 },
  });
  // Without a listener an 'error' event would end the process.
  pool.on("error", (error: Error) => options.onError?.(error));
  return {
    workers: options.workers,
    run: (job, signal) => {
      const buffer = job.body.buffer as ArrayBuffer;
      // Move the bytes when they own their buffer whole; a view of a shared buffer is copied.
      const own = job.body.byteOffset === 0 && job.body.byteLength === buffer.byteLength;
      return pool.run(job, { signal, ...(own ? { transferList: [buffer] } : {}) });
    },
    destroy: () => pool.destroy(),
  };
}

/** Why a job was stopped. */
class Stop {
  constructor(readonly why: "timeout" | "client" | "shutdown") {}
}

/** The queue's state, as `/readyz` reports it. */
export interface QueueState {
  /** Whether a new job would be admitted now. */
  accepting: boolean;
  /** Whether the server is stopping. */
  draining: boolean;
  /** Jobs admitted that do not run yet: their bodies being read, or waiting for a worker. */
  size: number;
  /** How many may wait. */
  capacity: number;
  /** Jobs running on a worker. */
  running: number;
  /** Worker threads. */
  workers: number;
  /** Bytes of request bodies held, and the budget. */
  bodyBytes: { held: number; limit: number };
}

/** A job's place in the queue, from admission (before the body is read) to its answer. */
export interface Slot {
  /** Counts `n` more bytes of body against the in-flight budget; false when it is spent. */
  hold(n: number): boolean;
  /** Runs the job; throws a problem for a timeout or a shutdown, `ClientGoneError` for an abort. */
  run(job: Job, client?: AbortSignal): Promise<JobResult>;
  /** Gives the slot and its bytes back (idempotent). */
  release(): void;
}

/** The queue in front of a `JobRunner`. */
export class JobQueue {
  readonly #runner: JobRunner;
  readonly #capacity: number;
  readonly #timeoutMs: number;
  readonly #budget: number;
  #admitted = 0;
  /** Jobs on a worker. */
  #running = 0;
  /** Jobs waiting for a worker, first in first out. */
  readonly #waiting: (() => void)[] = [];
  #held = 0;
  #draining = false;
  #cancelled = false;
  #meanMs = 1000;
  readonly #controllers = new Set<AbortController>();
  #idle: (() => void)[] = [];

  constructor(runner: JobRunner, limits: Pick<Limits, "queue" | "jobTimeoutMs" | "inflightBytes">) {
    this.#runner = runner;
    this.#capacity = limits.queue;
    this.#timeoutMs = limits.jobTimeoutMs;
    this.#budget = limits.inflightBytes;
  }

  get draining(): boolean {
    return this.#draining;
  }

  /** The queue's state now. */
  state(): QueueState {
    const workers = this.#runner.workers;
    const running = this.#running;
    return {
      accepting:
        !this.#draining && this.#admitted < workers + this.#capacity && this.#held < this.#budget,
      draining: this.#draining,
      size: Math.max(0, this.#admitted - running),
      capacity: this.#capacity,
      running,
      workers,
      bodyBytes: { held: this.#held, limit: this.#budget },
    };
  }

  /** Seconds a refused client should wait: the queue's length at the mean job time. */
  retryAfter(): number {
    const { size, workers } = this.state();
    return Math.min(60, Math.max(1, Math.ceil((this.#meanMs * (size + 1)) / workers / 1000)));
  }

  #busy(detail: string, limit: string): ProblemError {
    return new ProblemError("busy", detail, undefined, {
      limit,
      retryAfter: this.retryAfter(),
      close: true,
    });
  }

  /**
   * Admits a job, or throws a 503 problem: the queue is full, the body budget is spent, or the
   * server is stopping.
   */
  admit(): Slot {
    if (this.#draining) {
      throw new ProblemError(
        "shutting-down",
        "服务正在停止,不再接受新任务 · the server is stopping and takes no new jobs",
        undefined,
        { close: true },
      );
    }
    const workers = this.#runner.workers;
    if (this.#admitted >= workers + this.#capacity) {
      throw this.#busy(
        `队列已满(${this.#capacity} 个等待)· the queue is full (${this.#capacity} waiting, ${workers} running); retry later`,
        LIMIT_ENV.queue.name,
      );
    }
    if (this.#held >= this.#budget) throw this.#bodyBusy();
    this.#admitted++;
    let bytes = 0;
    let released = false;
    return {
      hold: (n) => {
        if (this.#held + n > this.#budget) return false;
        this.#held += n;
        bytes += n;
        return true;
      },
      run: (job, client) => this.#run(job, client),
      release: () => {
        if (released) return;
        released = true;
        this.#admitted--;
        this.#held -= bytes;
        if (this.#admitted === 0) for (const resolve of this.#idle.splice(0)) resolve();
      },
    };
  }

  #bodyBusy(): ProblemError {
    return this.#busy(
      `正在处理的请求体已达 ${sizeText(this.#budget)} · request bodies in flight reached ${sizeText(this.#budget)}; retry later`,
      LIMIT_ENV.inflightBytes.name,
    );
  }

  /** The 503 for a body that would pass the in-flight budget. */
  bodyBudgetSpent(): ProblemError {
    return this.#bodyBusy();
  }

  async #run(job: Job, client: AbortSignal | undefined): Promise<JobResult> {
    const controller = new AbortController();
    const stop = (why: Stop["why"]) => {
      if (!controller.signal.aborted) controller.abort(new Stop(why));
    };
    const timer = setTimeout(() => stop("timeout"), this.#timeoutMs);
    const onClient = () => stop("client");
    client?.addEventListener("abort", onClient, { once: true });
    if (client?.aborted) onClient();
    if (this.#cancelled) stop("shutdown");
    this.#controllers.add(controller);
    const aborted = new Promise<never>((_resolve, reject) => {
      controller.signal.addEventListener("abort", () => reject(controller.signal.reason), {
        once: true,
      });
      if (controller.signal.aborted) reject(controller.signal.reason);
    });
    aborted.catch(() => {});
    let started = false;
    try {
      await this.#permit(controller.signal);
      started = true;
      const start = performance.now();
      const result = await Promise.race([this.#runner.run(job, controller.signal), aborted]);
      this.#meanMs = this.#meanMs * 0.8 + (performance.now() - start) * 0.2;
      return result;
    } catch (error) {
      const reason = controller.signal.reason;
      if (reason instanceof Stop) {
        if (reason.why === "client") throw new ClientGoneError("the client went away");
        if (reason.why === "shutdown") {
          throw new ProblemError(
            "shutting-down",
            "服务正在停止,任务已取消 · the server is stopping; the job was cancelled",
            undefined,
            { close: true },
          );
        }
        throw new ProblemError(
          "timeout",
          `任务超过 ${this.#timeoutMs / 1000} 秒未完成,已取消 · the job took longer than ${this.#timeoutMs / 1000} s and was cancelled (${LIMIT_ENV.jobTimeoutMs.name})`,
          undefined,
          { limit: LIMIT_ENV.jobTimeoutMs.name },
        );
      }
      if ((error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") {
        throw new ProblemError(
          "too-large",
          "处理此数据所需内存超过限制 · the data needs more memory than a worker may use (SHUANGBAO_WORKER_HEAP_MB)",
          "body",
          { limit: LIMIT_ENV.workerHeapMiB.name },
        );
      }
      if (
        error instanceof Error &&
        /queue is at limit|No task queue available/i.test(error.message)
      ) {
        throw this.#busy("队列已满 · the queue is full; retry later", LIMIT_ENV.queue.name);
      }
      throw error;
    } finally {
      clearTimeout(timer);
      client?.removeEventListener("abort", onClient);
      this.#controllers.delete(controller);
      if (started) this.#release();
    }
  }

  /** Waits for a free worker, in turn; rejects if `signal` aborts first. */
  #permit(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.#running < this.#runner.workers) {
      this.#running++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const turn = () => {
        signal.removeEventListener("abort", leave);
        resolve();
      };
      const leave = () => {
        const at = this.#waiting.indexOf(turn);
        if (at >= 0) this.#waiting.splice(at, 1);
        reject(signal.reason);
      };
      signal.addEventListener("abort", leave, { once: true });
      this.#waiting.push(turn);
    });
  }

  /** A job left its worker: the first waiting job gets it, before any later one can. */
  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#running--;
  }

  /** Stops admitting: new jobs get 503, `/readyz` says so. */
  drain(): void {
    this.#draining = true;
  }

  /** Resolves once no job is admitted (running, queued or reading its body). */
  idle(): Promise<void> {
    if (this.#admitted === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Cancels every job still queued or running; their requests answer 503. */
  cancelAll(): void {
    this.#cancelled = true;
    for (const controller of this.#controllers) {
      if (!controller.signal.aborted) controller.abort(new Stop("shutdown"));
    }
  }

  /** Stops the runner's workers. */
  destroy(): Promise<void> {
    return this.#runner.destroy();
  }
}
