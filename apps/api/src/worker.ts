/**
 * The worker threads' entry (piscina loads `dist/worker.js`, built beside `server.js`): runs one
 * job at a time and answers with plain data. On Linux, where niceness is per thread, each worker
 * lowers its own priority: when the cores are busy, the main thread (which answers /healthz and
 * reads bodies) is scheduled first.
 */
import { getPriority, setPriority } from "node:os";
import { workerData } from "piscina";
import { type Job, type JobResult, runJob } from "./jobs/run-job.js";

const nice = Number((workerData as { nice?: number } | undefined)?.nice ?? 0);
if (process.platform === "linux" && nice > 0) {
  try {
    // On Linux the priority of "process 0" is the calling thread's: this worker's only.
    setPriority(Math.min(19, getPriority() + nice));
  } catch {
    // Not allowed here: the worker runs at the main thread's priority.
  }
}

export default function work(job: Job): Promise<JobResult> {
  return runJob(job);
}
