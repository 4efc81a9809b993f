import { describe, expect, it } from "vitest";
import { ClientGoneError, ProblemError } from "../problem.js";
import { heldRunner } from "../test-helpers.js";
import { JobQueue } from "./queue.js";
import type { Job } from "./run-job.js";

const LIMITS = { queue: 1, jobTimeoutMs: 60_000, inflightBytes: 1000 };
const job = { op: "plan" } as unknown as Job;
const flush = () => new Promise((resolve) => setImmediate(resolve));

/** The problem a promise rejects with. */
async function rejection(promise: Promise<unknown>): Promise<ProblemError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProblemError);
  return error as ProblemError;
}

describe("JobQueue", () => {
  it("admits a slot per worker plus the queue's capacity, then answers 503 with Retry-After", async () => {
    const { runner, calls } = heldRunner(1);
    const queue = new JobQueue(runner, LIMITS);
    const a = queue.admit();
    const b = queue.admit();
    expect(queue.state()).toMatchObject({ accepting: false, size: 2, running: 0, capacity: 1 });
    let refused: unknown;
    try {
      queue.admit();
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ProblemError);
    const problem = refused as ProblemError;
    expect(problem.kind).toBe("busy");
    expect(problem.limit).toBe("SHUANGBAO_QUEUE");
    expect(problem.headers.retryAfter).toBeGreaterThanOrEqual(1);
    const running = a.run(job);
    await flush();
    expect(queue.state()).toMatchObject({ running: 1, size: 1 });
    calls[0]!.resolve({ ok: true, body: new Uint8Array(), headers: {} });
    await running;
    a.release();
    a.release(); // idempotent
    b.release();
    expect(queue.state()).toMatchObject({ accepting: true, size: 0, running: 0 });
  });

  it("holds request bodies to the in-flight budget", () => {
    const { runner } = heldRunner(4);
    const queue = new JobQueue(runner, LIMITS);
    const a = queue.admit();
    expect(a.hold(600)).toBe(true);
    const b = queue.admit();
    expect(b.hold(600)).toBe(false);
    expect(b.hold(400)).toBe(true);
    expect(queue.state().bodyBytes).toEqual({ held: 1000, limit: 1000 });
    expect(queue.state().accepting).toBe(false);
    expect(queue.bodyBudgetSpent().limit).toBe("SHUANGBAO_INFLIGHT_LIMIT_MB");
    a.release();
    expect(queue.state().bodyBytes.held).toBe(400);
  });

  it("cancels a job past its timeout: 504, and the worker's signal aborts", async () => {
    const { runner, calls } = heldRunner(1);
    const queue = new JobQueue(runner, { ...LIMITS, jobTimeoutMs: 5 });
    const slot = queue.admit();
    const problem = await rejection(slot.run(job));
    expect(problem.kind).toBe("timeout");
    expect(problem.limit).toBe("SHUANGBAO_JOB_TIMEOUT_S");
    expect(calls[0]!.signal.aborted).toBe(true);
  });

  it("cancels a job whose client goes away", async () => {
    const { runner, calls } = heldRunner(1);
    const queue = new JobQueue(runner, LIMITS);
    const client = new AbortController();
    const running = queue.admit().run(job, client.signal);
    await flush();
    client.abort();
    await expect(running).rejects.toBeInstanceOf(ClientGoneError);
    expect(calls[0]!.signal.aborted).toBe(true);
  });

  it("drains: refuses new jobs, lets admitted ones finish, cancels them on demand", async () => {
    const { runner, calls } = heldRunner(2);
    const queue = new JobQueue(runner, LIMITS);
    const a = queue.admit();
    const b = queue.admit();
    const first = a.run(job);
    queue.drain();
    expect(queue.state()).toMatchObject({ draining: true, accepting: false });
    expect(() => queue.admit()).toThrow(ProblemError);
    let idle = false;
    void queue.idle().then(() => {
      idle = true;
    });
    await flush();
    calls[0]!.resolve({ ok: true, body: new Uint8Array(), headers: {} });
    await first;
    a.release();
    const second = b.run(job);
    queue.cancelAll();
    expect((await rejection(second)).kind).toBe("shutting-down");
    expect(idle).toBe(false);
    b.release();
    await flush();
    expect(idle).toBe(true);
  });
});

describe("JobQueue order", () => {
  it("hands workers to waiting jobs first in, first out, before any later job", async () => {
    const { runner, calls } = heldRunner(1);
    const queue = new JobQueue(runner, { ...LIMITS, queue: 10 });
    const order: number[] = [];
    const run = (n: number) =>
      queue
        .admit()
        .run({ n } as unknown as Job)
        .then(() => order.push(n));
    const first = [run(0), run(1), run(2), run(3)];
    await flush();
    expect(queue.state()).toMatchObject({ running: 1, size: 3 });
    // Each time a job ends, a new one arrives at once: it must not overtake those waiting.
    const later: Promise<number>[] = [];
    for (let i = 0; i < 6; i++) {
      calls.shift()!.resolve({ ok: true, body: new Uint8Array(), headers: {} });
      later.push(run(10 + i));
      await flush();
    }
    for (let i = 0; i < 4; i++) {
      calls.shift()!.resolve({ ok: true, body: new Uint8Array(), headers: {} });
      await flush();
    }
    await Promise.all([...first, ...later]);
    expect(order).toEqual([0, 1, 2, 3, 10, 11, 12, 13, 14, 15]);
  });

  it("drops a waiting job whose client goes away, without running it", async () => {
    const { runner, calls } = heldRunner(1);
    const queue = new JobQueue(runner, { ...LIMITS, queue: 10 });
    const running = queue.admit().run(job);
    const client = new AbortController();
    const waiting = queue.admit().run(job, client.signal);
    await flush();
    client.abort();
    await expect(waiting).rejects.toBeInstanceOf(ClientGoneError);
    calls.shift()!.resolve({ ok: true, body: new Uint8Array(), headers: {} });
    await running;
    expect(calls).toHaveLength(0);
    expect(queue.state().running).toBe(0);
  });
});
