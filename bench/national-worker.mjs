// A worker thread of the national benchmark (plain JS: workers load it without a TS loader):
// generates county partition `k` of the sample, audits it (the map step) and posts the result —
// findings, id digests, facts — to the merge.
import { parentPort, workerData } from "node:worker_threads";
import { auditPartition } from "@shuangbao/core";
import { generateCounties } from "@shuangbao/sample";

const { seed, k, asOf } = workerData;
let shared;
let mine;
let i = 0;
for (const p of generateCounties({ scale: "province", seed, violations: 0, limit: k })) {
  if (i === 0) shared = { ...p.dataset, visits: [...p.dataset.visits] };
  if (i === k && p.county) {
    const dataset = { ...p.dataset, visits: [...p.dataset.visits] };
    mine = { county: p.county.id, dataset, households: p.dataset.households.length };
  }
  i++;
}
if (!shared || !mine) throw new Error(`no partition ${k}`);
const t = performance.now();
const result = auditPartition(shared, { county: mine.county, dataset: mine.dataset }, { asOf });
parentPort.postMessage({
  result,
  households: mine.households,
  visits: mine.dataset.visits.length,
  auditMs: Math.round(performance.now() - t),
  peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
});
