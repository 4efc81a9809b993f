/**
 * `shuangbao forms <path> -o forms.xlsx`: the policy's four attachment forms in one workbook, a
 * sheet per form with its title, 填报单位 and 截至 lines, set for landscape print; or
 * `--out DIR`: a file per form (CSV, or XLSX laid out the same way).
 */
import { writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { buildForm, FORMS, type Table } from "@shuangbao/core";
import { tablesFile, writeFormsXlsx } from "@shuangbao/io";
import { command, parse } from "../args.js";
import { type CliIo, UsageError } from "../io.js";
import {
  asOfFlag,
  checkOutput,
  checkOutputFolder,
  configured,
  EXIT,
  oneOf,
  readDataset,
  writeOutput,
  writeOutputFolder,
} from "./shared.js";

export const formsSpec = command({
  name: "forms",
  summary: "生成四张附件表（登记表与汇总表） · Write the policy's four attachment forms",
  usage:
    "shuangbao forms <path> (-o FILE.xlsx | --out DIR) [--as-of YYYY-MM-DD] [--format xlsx|csv] [--unit NAME] [--force]",
  positionals: { min: 1, max: 1 },
  options: {
    output: { type: "string", short: "o" },
    out: { type: "string" },
    "as-of": { type: "string" },
    format: { type: "string" },
    unit: { type: "string" },
    force: { type: "boolean" },
  },
  help: {
    output: "输出工作簿 · one XLSX workbook holding the four forms, a sheet each",
    out: "输出文件夹 · a folder for a file per form, DIR/<form-id>.xlsx (or .csv)",
    "as-of": "统计日期 · contracts current at this date (default today)",
    format:
      "文件格式 · xlsx | csv (default: from the extension of -o, else xlsx; csv needs --out DIR)",
    unit: "填报单位 · the reporting office printed on each form (default blank, to fill in by hand)",
    force: "覆盖已存在的输出文件 · overwrite existing output files",
  },
  examples: [
    "shuangbao forms examples/yuexi -o 附件表.xlsx --as-of 2018-07-20",
    "shuangbao forms examples/yuexi --out forms --format csv",
  ],
});

const FORMATS = ["xlsx", "csv"] as const;

export async function runForms(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(formsSpec, argv);
  const input = positionals[0]!;
  const file = values.output;
  const dir = values.out;
  if (file && dir)
    throw new UsageError(
      "-o 与 --out 只能选一个 · give either -o FILE (one workbook) or --out DIR (a file per form)",
    );
  if (!file && !dir)
    throw new UsageError(
      "需要 -o 输出工作簿或 --out 输出文件夹 · -o FILE.xlsx or --out DIR is required",
    );
  const implied = file
    ? (FORMATS as readonly string[]).find((f) => extname(file).toLowerCase() === `.${f}`)
    : undefined;
  const format = oneOf("format", values.format, FORMATS, (implied as "xlsx" | "csv") ?? "xlsx");
  if (file && format === "csv")
    throw new UsageError(
      "CSV每张表一个文件，请用 --out 输出文件夹 · CSV is a file per form: use --out DIR",
    );
  const asOf = asOfFlag(values["as-of"], io);
  const target = {
    inputs: [input],
    force: values.force,
    names: FORMS.map((f) => `${f.id}.${format}`),
  };
  // Before any work: a refused or unwritable output is said at once.
  if (file) await checkOutput(file, target);
  else await checkOutputFolder(dir!, target);

  const { index, show } = await readDataset(io, input);
  show.done();
  const tables: Table[] = FORMS.map((form) =>
    configured(() => buildForm(form.id, index, { asOf })),
  );
  const options = { asOf, ...(values.unit ? { unit: values.unit } : {}) };
  const count = (t: Table) => (Array.isArray(t.rows) ? ` · ${t.rows.length} 行 rows` : "");

  if (file) {
    await writeOutput(io, file, await writeFormsXlsx(tables, options), target);
    io.stderr(`已写入“${file}” · written ${file}\n`);
    tables.forEach((t, i) => {
      io.stderr(`  ${FORMS[i]!.title.zh}${count(t)}\n`);
    });
    return EXIT.ok;
  }
  await writeOutputFolder(dir!, target, async (tmp) => {
    for (const [i, table] of tables.entries()) {
      const name = join(tmp, `${FORMS[i]!.id}.${format}`);
      await writeFile(
        name,
        format === "csv"
          ? await tablesFile([table], "csv")
          : await writeFormsXlsx([table], options),
      );
    }
  });
  tables.forEach((t, i) => {
    io.stderr(`${join(dir!, `${FORMS[i]!.id}.${format}`)}  ${FORMS[i]!.title.zh}${count(t)}\n`);
  });
  return EXIT.ok;
}
