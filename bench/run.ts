/**
 * `pnpm bench`: the benchmark, on this machine. Generates the province (the sample's generator,
 * streamed to a CSV folder), then measures in a fresh process each phase — read, load, audit, plan,
 * forms — and the API (audits of the county sample per second from a second process on loopback).
 * `pnpm bench --scale national --partitions N` audits N county partitions on worker threads (the
 * map), merges them (the reduce), and extrapolates to the nation. Prints a table and writes
 * `bench/results.json`. Runs the built packages (`pnpm bench` builds first).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { cpus, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { mergePartitions, type PartitionResult } from "@shuangbao/core";
import { datasetJson, generate, generateCounties, writeSample } from "@shuangbao/sample";
import { type PhaseResult, peakRssMiB } from "./measure.js";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "province" },
    partitions: { type: "string", default: "4" },
    seed: { type: "string", default: "1" },
    out: { type: "string", default: "bench/out" },
    "api-seconds": { type: "string", default: "10" },
  },
});
const seed = Number(values.seed);
const ASOF = "2018-07-20";
const here = new URL(".", import.meta.url).pathname;
const nodeArgs = ["--import", "tsx"];
const results: Record<string, unknown> = {
  date: new Date().toISOString().slice(0, 10),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  asOf: ASOF,
  seed,
};

function table(rows: PhaseResult[]) {
  const lines = ["phase      wall (s)      rows     rows/s   peak RSS (MiB)  note"];
  for (const r of rows) {
    lines.push(
      `${r.phase.padEnd(9)} ${(r.ms / 1000).toFixed(1).padStart(8)} ${String(r.rows).padStart(10)} ${String(r.rowsPerSecond).padStart(10)} ${String(r.peakRssMiB).padStart(14)}  ${r.note ?? ""}`,
    );
  }
  return lines.join("\n");
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function province() {
  const dir = `${values.out}/province-seed${seed}`;
  const phases: PhaseResult[] = [];
  if (!existsSync(`${dir}/.complete`)) {
    const t = performance.now();
    const written = await writeSample({
      scale: "province",
      seed,
      violations: 0,
      out: dir,
      format: "csv",
    });
    const ms = Math.round(performance.now() - t);
    const rows = Object.values(written.counts).reduce((a, b) => a + b, 0);
    await writeFile(`${dir}/.complete`, JSON.stringify(written.counts));
    phases.push({
      phase: "generate",
      ms,
      rows,
      rowsPerSecond: Math.round((rows / ms) * 1000),
      peakRssMiB: peakRssMiB(),
      note: "sample → CSV folder (not a target)",
    });
  }
  process.stderr.write(`province: measuring read, load, audit, plan, forms on ${dir}\n`);
  // The heap limit makes V8 collect before it grows: the peak is the data's, not the collector's slack.
  const child = spawnSync(
    process.execPath,
    [
      "--max-old-space-size=2304",
      "--max-semi-space-size=32",
      ...nodeArgs,
      `${here}province-phases.ts`,
      dir,
      ASOF,
    ],
    {
      encoding: "utf8",
      maxBuffer: 1 << 24,
    },
  );
  if (child.status !== 0) throw new Error(`province phases failed: ${child.stderr}`);
  for (const line of child.stdout.trim().split("\n")) phases.push(JSON.parse(line) as PhaseResult);
  const get = (p: string) => phases.find((x) => x.phase === p)!;
  const readLoadAudit = get("read").ms + get("load").ms + get("audit").ms;
  results.province = {
    phases,
    readLoadAuditSeconds: Math.round(readLoadAudit / 100) / 10,
    rulesCostRatio: Math.round(((get("load").ms + get("audit").ms) / get("read").ms) * 100) / 100,
    targets: {
      "read+load+audit ≤ 120 s": readLoadAudit <= 120_000,
      "peak memory < 3 GB": Math.max(get("read").peakRssMiB, get("audit").peakRssMiB) < 3000,
      "audit < 5 s": get("audit").ms < 5000,
      "plan < 30 s": get("plan").ms < 30_000,
    },
  };
  process.stdout.write(
    `${table(phases)}\n(load + audit) / read = ${(results.province as { rulesCostRatio: number }).rulesCostRatio}\n`,
  );
}

async function api() {
  const server = `${here}../apps/api/dist/server.js`;
  if (!existsSync(server)) throw new Error("apps/api is not built: run `pnpm build` first");
  const body = `${values.out}/county-seed${seed}.json`;
  await mkdir(values.out!, { recursive: true });
  await writeFile(body, datasetJson(generate({ scale: "county", seed, violations: 0.02 }).dataset));
  const port = await freePort();
  const key = "bench-key-0123456789abcdef";
  const proc = spawn(process.execPath, [server], {
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), SHUANGBAO_API_KEYS: key },
    stdio: ["ignore", "ignore", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    proc.stderr!.on("data", (d: Buffer) => d.toString().includes("listening") && resolve());
    proc.on("exit", (c) => reject(new Error(`server exited ${c}`)));
  });
  try {
    const load = spawnSync(
      process.execPath,
      [
        ...nodeArgs,
        `${here}api-load.ts`,
        `http://127.0.0.1:${port}/v1/audit?asOf=${ASOF}`,
        key,
        body,
        values["api-seconds"]!,
        "2",
      ],
      { encoding: "utf8" },
    );
    if (load.status !== 0) throw new Error(`api load failed: ${load.stderr}`);
    results.api = JSON.parse(load.stdout);
    const a = results.api as {
      perSecond: number;
      p50: number;
      p95: number;
      requests: number;
      bodyBytes: number;
    };
    process.stdout.write(
      `api: ${a.perSecond} audits/s of the county sample (${(a.bodyBytes / 2 ** 20).toFixed(1)} MiB JSON), p50 ${a.p50} ms, p95 ${a.p95} ms, ${a.requests} requests, 2 connections\n`,
    );
  } finally {
    proc.kill("SIGTERM");
  }
}

async function national() {
  const n = Number(values.partitions);
  const shared = (() => {
    for (const p of generateCounties({ scale: "province", seed, violations: 0, limit: 0 })) {
      return { ...p.dataset, visits: [...p.dataset.visits] };
    }
    throw new Error("no first partition");
  })();
  const t = performance.now();
  const pool = Math.max(1, Math.min(cpus().length, n));
  const outputs: {
    result: PartitionResult;
    households: number;
    visits: number;
    auditMs: number;
    peakRssMiB: number;
  }[] = [];
  let next = 1;
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const go = () => {
        if (next > n) return resolve();
        const k = next++;
        const w = new Worker(new URL("./national-worker.mjs", import.meta.url), {
          workerData: { seed, k, asOf: ASOF },
        });
        w.once("message", (m) => {
          outputs[k - 1] = m;
          go();
        });
        w.once("error", reject);
      };
      go();
    });
  await Promise.all(Array.from({ length: pool }, run));
  const mapMs = performance.now() - t;
  const t2 = performance.now();
  const report = mergePartitions(
    shared as never,
    outputs.map((o) => o.result),
    { asOf: ASOF },
  );
  const mergeMs = performance.now() - t2;
  const households = outputs.reduce((a, o) => a + o.households, 0);
  const visits = outputs.reduce((a, o) => a + o.visits, 0);
  const wall = mapMs + mergeMs;
  const perSecond = households / (wall / 1000);
  const NATION = 29_000_000;
  results.national = {
    partitions: n,
    workers: pool,
    households,
    visits,
    wallSeconds: Math.round(wall / 100) / 10,
    mapSeconds: Math.round(mapMs / 100) / 10,
    mergeSeconds: Math.round(mergeMs / 100) / 10,
    householdsPerSecond: Math.round(perSecond),
    findings: report.findings.length,
    peakRssMiB: peakRssMiB(),
    extrapolated: {
      households: NATION,
      hours: Math.round((NATION / perSecond / 3600) * 10) / 10,
      idDigestsMiB: Math.round((NATION * 8) / 2 ** 20),
      note: "time at this machine's rate (generation included); memory stays bounded by the largest county per worker plus the digests and facts",
    },
  };
  process.stdout.write(`${JSON.stringify(results.national, null, 2)}\n`);
}

if (values.scale === "national") await national();
else {
  await province();
  await api();
}
// Keep the other scale's figures: `pnpm bench` and `pnpm bench --scale national` fill one file.
const previous = existsSync(`${here}results.json`)
  ? (JSON.parse(await readFile(`${here}results.json`, "utf8")) as Record<string, unknown>)
  : {};
await writeFile(`${here}results.json`, `${JSON.stringify({ ...previous, ...results }, null, 2)}\n`);
process.stdout.write(`written ${here}results.json\n`);
