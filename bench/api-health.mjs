// The /healthz probe of the API benchmark, in a process of its own so that the load generator's
// work does not delay it: GETs /healthz every 50 ms on one keep-alive connection (loopback only)
// until its standard input closes, then prints the latencies' summary as one JSON line.
import { Agent, request } from "node:http";

const base = process.argv[2];
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(base)) throw new Error("loopback only");
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const latencies = [];
let failures = 0;
let running = true;
process.stdin.on("end", () => {
  running = false;
});
process.stdin.resume();

const probe = () =>
  new Promise((resolve) => {
    const t = performance.now();
    const req = request(`${base}/healthz`, { agent, timeout: 5000 }, (res) => {
      res.resume();
      res.on("end", () => {
        if (res.statusCode === 200) latencies.push(performance.now() - t);
        else failures++;
        resolve();
      });
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => {
      failures++;
      resolve();
    });
    req.end();
  });

while (running && latencies.length + failures < 100_000) {
  await probe();
  await new Promise((r) => setTimeout(r, 50));
}
agent.destroy();
const sorted = latencies.sort((a, b) => a - b);
const at = (q) =>
  Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
process.stdout.write(
  `${JSON.stringify({ samples: sorted.length, p50: at(0.5), p99: at(0.99), max: Math.round((sorted.at(-1) ?? 0) * 10) / 10, failures })}\n`,
);
