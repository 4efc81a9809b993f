/**
 * `shuangbao plan <path> --out DIR`: propose contracts and helpers for what is missing, and say
 * whether the dataset completed by the proposal would pass the audit (as `POST /v1/plan` does).
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PLAN_TABLES, planTable, zhDate } from "@shuangbao/core";
import { planAndAudit, tablesFile } from "@shuangbao/io";
import { command, parse } from "../args.js";
import { type CliIo, UsageError } from "../io.js";
import {
  asOfFlag,
  checkOutputFolder,
  configured,
  EXIT,
  langFlag,
  oneOf,
  readDataset,
  writeOutputFolder,
} from "./shared.js";

export const planSpec = command({
  name: "plan",
  summary:
    "为缺少包村单位的贫困村和缺少帮扶责任人的贫困户提出安排，并核查补全后的数据集 · Propose contracts and helpers, and audit the dataset they complete",
  usage:
    "shuangbao plan <path> --out DIR [--as-of YYYY-MM-DD] [--format csv|xlsx] [--lang zh|en] [--force]",
  positionals: { min: 1, max: 1 },
  options: {
    out: { type: "string" },
    force: { type: "boolean" },
    "as-of": { type: "string" },
    format: { type: "string" },
    lang: { type: "string" },
  },
  help: {
    out: "输出文件夹（不能是输入文件夹） · the folder for villageAssignments, householdAssignments and dataset.json, not the input folder (required)",
    force:
      "覆盖输出文件夹中已有的同名文件 · overwrite files of the same names in the output folder",
    "as-of": "安排日期 · proposed rows start on this date (default today)",
    format: "文件格式 · csv | xlsx (default csv)",
    lang: "语言 · zh | en, for what is printed (default zh)",
  },
  examples: ["shuangbao plan examples/yuexi --out plan --as-of 2018-07-20"],
});

export async function runPlan(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(planSpec, argv);
  const input = positionals[0]!;
  const dir = values.out;
  if (!dir) throw new UsageError("需要 --out 输出文件夹 · --out DIR is required");
  const asOf = asOfFlag(values["as-of"], io);
  const format = oneOf("format", values.format, ["csv", "xlsx"] as const, "csv");
  const lang = langFlag(values.lang);
  // The plan is a proposal for an office to sign off, never written over the data it read.
  const target = {
    inputs: [input],
    force: values.force,
    names: [...PLAN_TABLES.map((c) => `${c}.${format}`), "dataset.json"],
  };
  await checkOutputFolder(dir, target);
  const { index, show } = await readDataset(io, input);
  show.phase("规划并核查 planning, auditing");
  const { plan, completed, report } = configured(() => planAndAudit(index, { asOf }));
  show.done();
  await writeOutputFolder(dir, target, async (tmp) => {
    for (const c of PLAN_TABLES)
      await writeFile(join(tmp, `${c}.${format}`), await tablesFile([planTable(plan, c)], format));
    await writeFile(join(tmp, "dataset.json"), `${JSON.stringify(completed)}\n`);
  });
  const zh = lang === "zh";
  const out: string[] = [
    zh
      ? `提出包村安排${plan.rows.villageAssignments.length}条，帮扶责任人安排${plan.rows.householdAssignments.length}条，已写入“${dir}”。`
      : `Proposed ${plan.rows.villageAssignments.length} village contracts and ${plan.rows.householdAssignments.length} household helpers, written to ${dir}`,
  ];
  if (plan.unresolved.length > 0) {
    out.push(
      "",
      zh ? `未能安排${plan.unresolved.length}项：` : `Could not place ${plan.unresolved.length}:`,
    );
    for (const u of plan.unresolved)
      out.push(
        zh
          ? `  - ${index.label(u.collection as never, u.id)}［${u.clause}］：${u.reason.zh}`
          : `  - ${index.label(u.collection as never, u.id)} [${u.clause}]: ${u.reason.en}`,
      );
  }
  const s = report.summary;
  out.push(
    "",
    zh
      ? `按安排补全后的数据集核查（核查基准日${zhDate(asOf)}）：不符合${s.error}项，需说明${s.warning}项，提示${s.info}项。`
      : `Audit of the completed dataset (${asOf}): ${s.error} errors, ${s.warning} warnings, ${s.info} info`,
  );
  for (const [id, n] of Object.entries(s.byRule)) out.push(`  ${String(n).padStart(6)}  ${id}`);
  io.stdout(`${out.join("\n")}\n`);
  return plan.unresolved.length > 0 ? EXIT.findings : EXIT.ok;
}
