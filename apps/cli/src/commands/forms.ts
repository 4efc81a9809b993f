/** `shuangbao forms <path> --out DIR`: the four attachment forms as XLSX or CSV files. */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { buildForm, ConfigurationError, FORMS } from "@shuangbao/core";
import { writeTableCsv, writeTablesXlsx } from "@shuangbao/io";
import { command, parse } from "../args.js";
import { type CliIo, UsageError } from "../io.js";
import { dateFlag, EXIT, oneOf, progress, readInput } from "./shared.js";

export const formsSpec = command({
  name: "forms",
  summary: "生成四张附件表(登记表与汇总表)· Write the policy's four attachment forms",
  usage: "shuangbao forms <path> --out DIR [--as-of YYYY-MM-DD] [--format xlsx|csv]",
  positionals: { min: 1, max: 1 },
  options: {
    out: { type: "string" },
    "as-of": { type: "string" },
    format: { type: "string" },
  },
  help: {
    out: "输出目录 the folder to write DIR/<form-id>.xlsx (or .csv) into (required)",
    "as-of": "统计日期 contracts current at this date (default today)",
    format: "文件格式 xlsx | csv (default xlsx)",
  },
  examples: [
    "shuangbao forms examples/yuexi --out forms --as-of 2018-07-20",
    "shuangbao forms data.xlsx --out out --format csv",
  ],
});

export async function runForms(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(formsSpec, argv);
  if (!values.out) throw new UsageError("需要 --out DIR · --out DIR is required");
  const asOf = dateFlag("as-of", values["as-of"], io.today());
  const format = oneOf("format", values.format, ["xlsx", "csv"] as const, "xlsx");
  const show = progress(io);
  const index = await readInput(positionals[0]!, { onRows: show.rows });
  show.done();
  await mkdir(values.out, { recursive: true });
  for (const form of FORMS) {
    let table: ReturnType<typeof buildForm>;
    try {
      table = buildForm(form.id, index, { asOf });
    } catch (error) {
      if (error instanceof ConfigurationError) throw new UsageError(error.message);
      throw error;
    }
    const file = join(values.out, `${form.id}.${format}`);
    if (format === "csv") await writeTableCsv(table, file);
    else await writeTablesXlsx([table], file);
    const rows = Array.isArray(table.rows) ? table.rows.length : undefined;
    io.stderr(`${file}  ${form.title.zh}${rows === undefined ? "" : ` · ${rows} 行 rows`}\n`);
  }
  return EXIT.ok;
}
