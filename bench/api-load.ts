/**
 * The load side of the API benchmark, in its own process: POSTs the county sample to the audit
 * endpoint on loopback with a few connections for a bounded time and count, and prints one JSON
 * line with the audits per second and the latencies.
 */
const [url, key, bodyFile, seconds = "10", connections = "2"] = process.argv.slice(2) as string[];
const { readFile } = await import("node:fs/promises");
const body = await readFile(bodyFile!);
const deadline = performance.now() + Number(seconds) * 1000;
const MAX_REQUESTS = 10_000;
const latencies: number[] = [];
let failed = 0;
async function worker() {
  while (performance.now() < deadline && latencies.length + failed < MAX_REQUESTS) {
    const t = performance.now();
    const res = await fetch(url!, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
      body,
    });
    await res.arrayBuffer();
    if (res.status === 200) latencies.push(performance.now() - t);
    else failed++;
  }
}
const start = performance.now();
await Promise.all(Array.from({ length: Number(connections) }, worker));
const wall = (performance.now() - start) / 1000;
latencies.sort((a, b) => a - b);
const at = (q: number) =>
  Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
process.stdout.write(
  `${JSON.stringify({ requests: latencies.length, failed, seconds: Math.round(wall * 10) / 10, perSecond: Math.round((latencies.length / wall) * 10) / 10, p50: at(0.5), p95: at(0.95), connections: Number(connections), bodyBytes: body.length })}\n`,
);
