/**
 * One fresh process for the province's phases — read, load, audit, plan, forms — so that its
 * peak memory is theirs alone. Prints one JSON line per phase.
 */
import {
  audit,
  buildForm,
  CATALOGUE,
  COLLECTION_NAMES,
  FORMS,
  loadDataset,
  planAssignments,
} from "@shuangbao/core";
import { readDatasetFromPath } from "@shuangbao/io";
import { peakRssMiB, phase } from "./measure.js";

const [dir, asOf] = process.argv.slice(2) as [string, string];
const emit = (r: unknown) => process.stdout.write(`${JSON.stringify(r)}\n`);

const timings: { read: number; load: number; workerBytes?: number } = { read: 0, load: 0 };
const t0 = performance.now();
let index = await readDatasetFromPath(dir, { timings });
const total = performance.now() - t0;
const rows = COLLECTION_NAMES.reduce(
  (n, c) => n + (c === "visits" ? index.visits.size : index.rows(c).length),
  0,
);
const peak = peakRssMiB();
emit({
  phase: "read",
  ms: timings.read,
  rows,
  rowsPerSecond: Math.round(rows / (timings.read / 1000)),
  peakRssMiB: peak,
  note: `files → rows (CSV decode + parse; ${Math.round((timings.workerBytes ?? 0) / 2 ** 20)} MiB of visits on worker threads)`,
});
emit({
  phase: "load",
  ms: timings.load,
  rows,
  rowsPerSecond: Math.round(rows / (timings.load / 1000)),
  peakRssMiB: peak,
  note: `validate, index, tally; read + load wall ${Math.round(total)} ms`,
});

const [report, a] = await phase(
  "audit",
  () => rows,
  () => audit(index, { asOf }),
);
emit({ ...a, note: `${report.findings.length} findings, ${CATALOGUE.length} rules + data checks` });

const [forms, f] = await phase(
  "forms",
  (tables) => tables.reduce((n, t) => n + (Array.isArray(t.rows) ? t.rows.length : 0), 0),
  () => FORMS.map((form) => buildForm(form.id, index, { asOf })),
);
emit({ ...f, note: `${forms.length} forms` });

// Planning the province from scratch: the same data without any contract or helper, loaded
// before the clock starts (the phase is the planner's own work).
const bare = index.toDataset({ visits: false });
const villagesAndHouseholds = index.rows("villages").length + index.rows("households").length;
index = undefined as never; // the audited index is done with: free it before the second load
bare.villageAssignments = [];
bare.householdAssignments = [];
const bareIndex = loadDataset(bare);
const [plan, p] = await phase(
  "plan",
  () => villagesAndHouseholds,
  () => planAssignments(bareIndex, { asOf }),
);
emit({
  ...p,
  note: `from scratch: ${plan.rows.villageAssignments.length} contracts + ${plan.rows.householdAssignments.length} helpers proposed, ${plan.unresolved.length} unresolved`,
});
