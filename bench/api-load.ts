/**
 * The load side of the API benchmark, in its own process (never the server's): on loopback only,
 * bounded in time and count. Two modes, chosen by the JSON argument's `mode`:
 *
 * - `levels`: POSTs the county sample to the audit endpoint at each concurrency for `seconds`,
 *   probing `/healthz` every 50 ms meanwhile from a third process (bench/api-health.mjs); per
 *   level: audits/s, p50/p99, and /healthz latency.
 * - `burst`: valid audits sent at once with hostile requests (a zip bomb, deep nesting, a huge
 *   `asOf`, aborted uploads, oversized bodies); per kind: statuses and latency, whether every valid
 *   report is byte-identical to a quiet run, /healthz latency, and the server's peak RSS.
 *
 * Prints one JSON line.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { Agent, request } from "node:http";
import { connect } from "node:net";
import { setPriority } from "node:os";
import { deflateRawSync, gzipSync } from "node:zlib";

interface Options {
  mode: "levels" | "burst";
  base: string;
  key: string;
  body: string;
  asOf: string;
  levels?: number[];
  seconds?: number;
  pid?: number;
  bodyLimitBytes?: number;
  /** `levels`: send the body gzipped (`Content-Encoding: gzip`), compressed once beforehand. */
  gzip?: boolean;
}

const options = JSON.parse(process.argv[2]!) as Options;
// This process stands in for clients elsewhere: on Linux it runs at the priority of the server's
// workers (niceness 10), so that on a small machine it does not take the cores from the server
// more than remote clients would. The /healthz probe keeps the normal priority.
if (process.platform === "linux") setPriority(10);
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(options.base)) throw new Error("loopback only");
const body = await readFile(options.body);
const sent = options.gzip ? gzipSync(body) : body;
const sentHeaders: Record<string, string> = options.gzip ? { "Content-Encoding": "gzip" } : {};
const port = Number(new URL(options.base).port);
const auditPath = `/v1/audit?asOf=${options.asOf}`;
const MAX_REQUESTS = 5000;

const percentile = (sorted: number[], q: number) =>
  sorted.length === 0
    ? 0
    : Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: Math.round((sorted.at(-1) ?? 0) * 10) / 10,
  };
};

/**
 * One keep-alive connection per concurrent client, as clients elsewhere would hold. Node's own
 * HTTP client: per request it writes the body in one piece, with less of this process's CPU than
 * fetch takes (the machine's two cores are the server's too).
 */
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function post(
  path: string,
  data: Uint8Array | string,
  type = "application/json",
  headers: Record<string, string> = {},
): Promise<{ status: number; bytes: Buffer; ms: number; retryAfter: string | null }> {
  const t = performance.now();
  const payload = typeof data === "string" ? Buffer.from(data) : data;
  return new Promise((resolve, reject) => {
    const req = request(
      `${options.base}${path}`,
      {
        method: "POST",
        agent,
        headers: {
          Authorization: `Bearer ${options.key}`,
          "Content-Type": type,
          "Content-Length": String(payload.byteLength),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            bytes: Buffer.concat(chunks),
            ms: performance.now() - t,
            retryAfter: (res.headers["retry-after"] as string | undefined) ?? null,
          }),
        );
      },
    );
    // A server that refuses early may close before the whole body is written: its answer stands.
    req.on("error", reject);
    req.end(payload);
  });
}

/**
 * Probes /healthz every 50 ms from a process of its own (bench/api-health.mjs) until `stop()`:
 * the load this process generates does not delay the probe.
 */
function probeHealth() {
  const child = spawn(
    process.execPath,
    [new URL("./api-health.mjs", import.meta.url).pathname, options.base],
    {
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  let out = "";
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
  });
  return {
    stop: async () => {
      child.stdin.end();
      await once(child, "exit");
      return JSON.parse(out) as ReturnType<typeof summary> & { failures: number };
    },
  };
}

async function level(concurrency: number, seconds: number) {
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let started = 0;
  const health = probeHealth();
  const worker = async () => {
    while (performance.now() < deadline && started < MAX_REQUESTS) {
      started++;
      const r = await post(auditPath, sent, "application/json", sentHeaders);
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      if (r.status === 200) {
        latencies.push(r.ms);
      } else if (r.status === 503) {
        // As a client should: wait as long as Retry-After says (within the window).
        const wait = Math.min(
          Number(r.retryAfter ?? 1) * 1000,
          Math.max(0, deadline - performance.now()),
        );
        await new Promise((res) => setTimeout(res, wait));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wall = (performance.now() - start) / 1000;
  const healthz = await health.stop();
  const audits = summary(latencies);
  return {
    concurrency,
    seconds,
    // Audits answered over the wall time: from the first request to the last answer (requests
    // stop being sent at `seconds`; those in flight are waited for).
    wallSeconds: Math.round(wall * 10) / 10,
    auditsPerSecond: Math.round((latencies.length / wall) * 100) / 100,
    completed: latencies.length,
    statuses,
    p50: audits.p50,
    p99: audits.p99,
    healthz,
  };
}

/** A zip archive of one file, deflated, made by hand (zlib's raw deflate, CRC not needed). */
function zipOf(name: string, content: Buffer): Buffer {
  const data = deflateRawSync(content, { level: 9 });
  const file = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(file.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + file.length, 12);
  end.writeUInt32LE(local.length + file.length + data.length, 16);
  return Buffer.concat([local, file, data, central, file, end]);
}

/** A POST whose head promises `length` bytes; sends `sent` of them, then the client goes away. */
async function abortedUpload(length: number, sent: number) {
  const t = performance.now();
  const socket = connect(port, "127.0.0.1");
  socket.on("error", () => {});
  await once(socket, "connect");
  socket.write(
    `POST ${auditPath} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${options.key}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`,
  );
  socket.write(body.subarray(0, sent));
  await new Promise((r) => setTimeout(r, 100));
  socket.destroy();
  return { status: "aborted", ms: performance.now() - t };
}

/** A POST declaring a body over the limit: the server answers before the body is sent. */
async function oversized(length: number) {
  const t = performance.now();
  const socket = connect(port, "127.0.0.1");
  socket.on("error", () => {});
  await once(socket, "connect");
  let answer = "";
  socket.on("data", (d: Buffer) => {
    answer += d.toString("latin1");
  });
  socket.write(
    `POST ${auditPath} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${options.key}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`,
  );
  socket.write(Buffer.alloc(64 * 1024, 0x20));
  await Promise.race([once(socket, "close"), new Promise((r) => setTimeout(r, 10_000))]);
  socket.destroy();
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
  return { status, ms: performance.now() - t, closed: /\r\nconnection: close\r\n/i.test(answer) };
}

const peakRssMiB = async (pid: number | undefined) => {
  if (!pid) return undefined;
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
};

async function burst() {
  const quiet = await post(auditPath, body);
  if (quiet.status !== 200) throw new Error(`quiet audit answered ${quiet.status}`);
  const bomb = zipOf("villages.csv", Buffer.alloc(300 * 1024 * 1024, "1,x\n"));
  const deep = `{"villages":[${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}]}`;
  const health = probeHealth();
  const kinds: Record<
    string,
    Promise<{ status: number | string; ms: number; closed?: boolean; same?: boolean }>[]
  > = {
    valid: Array.from({ length: 16 }, async () => {
      const r = await post(auditPath, body);
      return { status: r.status, ms: r.ms, same: r.status === 200 && r.bytes.equals(quiet.bytes) };
    }),
    zipBomb: Array.from({ length: 4 }, () => post(auditPath, bomb, "application/zip")),
    deepNesting: Array.from({ length: 4 }, () => post(auditPath, deep)),
    hugeAsOf: Array.from({ length: 4 }, () => post("/v1/audit?asOf=9999-12-31", body)),
    abortedUpload: Array.from({ length: 4 }, () => abortedUpload(body.length, 1 << 20)),
    oversizedBody: Array.from({ length: 4 }, () =>
      oversized((options.bodyLimitBytes ?? 50 * 2 ** 20) + 1),
    ),
  };
  const t = performance.now();
  const out: Record<string, unknown> = {};
  let identical = true;
  for (const [kind, pending] of Object.entries(kinds)) {
    const results = await Promise.all(pending);
    const statuses: Record<string, number> = {};
    for (const r of results) statuses[String(r.status)] = (statuses[String(r.status)] ?? 0) + 1;
    if (kind === "valid") identical = results.every((r) => r.same === true);
    out[kind] = {
      requests: results.length,
      statuses,
      ...summary(results.map((r) => r.ms)),
      ...(kind === "oversizedBody" ? { connectionClose: results.every((r) => r.closed) } : {}),
    };
  }
  const wallMs = Math.round(performance.now() - t);
  const healthz = await health.stop();
  // The server still answers, and its queue is empty again.
  const ready = await fetch(`${options.base}/readyz`);
  return {
    kinds: out,
    validIdenticalToQuiet: identical,
    wallMs,
    healthz,
    readyAfter: ready.status,
    serverPeakRssMiB: await peakRssMiB(options.pid),
  };
}

if (options.mode === "levels") {
  const results = [];
  for (const c of options.levels ?? [1]) results.push(await level(c, options.seconds ?? 10));
  process.stdout.write(
    `${JSON.stringify({ bodyBytes: body.length, sentBytes: sent.length, levels: results })}\n`,
  );
} else {
  process.stdout.write(`${JSON.stringify(await burst())}\n`);
}
