/**
 * One fresh process for the province's phases — read, load, audit, plan, forms — so that its
 * peak memory is theirs alone. Prints one JSON line per phase.
 */
import { audit, buildForm, COLLECTION_NAMES, FORMS, planAssignments } from "@shuangbao/core";
import { readDatasetFromPath } from "@shuangbao/io";
import { peakRssMiB, phase } from "./measure.js";

const [dir, asOf] = process.argv.slice(2) as [string, string];
const emit = (r: unknown) => process.stdout.write(`${JSON.stringify(r)}\n`);

const timings = { read: 0, load: 0 };
const t0 = performance.now();
const index = await readDatasetFromPath(dir, { timings });
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
  note: "files → rows (CSV decode + parse)",
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
emit({ ...a, note: `${report.findings.length} findings, 47 rules + data checks` });

const [plan, p] = await phase(
  "plan",
  () => index.rows("villages").length + index.rows("households").length,
  () => planAssignments(index, { asOf }),
);
emit({
  ...p,
  note: `${plan.rows.villageAssignments.length + plan.rows.householdAssignments.length} rows proposed, ${plan.unresolved.length} unresolved`,
});

const [forms, f] = await phase(
  "forms",
  (tables) => tables.reduce((n, t) => n + (Array.isArray(t.rows) ? t.rows.length : 0), 0),
  () => FORMS.map((form) => buildForm(form.id, index, { asOf })),
);
emit({ ...f, note: `${forms.length} forms` });
