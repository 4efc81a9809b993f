/**
 * `shuangbao template -o 双包数据模板.xlsx`: the blank data template — a sheet per collection with
 * Chinese headers, id columns as text, dates with a date check, drop-down lists for enums and
 * 是/否, and a 填表说明 sheet. Filled in, it is read back with no data finding.
 */
import { writeTemplateXlsx } from "@shuangbao/io";
import { command, parse } from "../args.js";
import type { CliIo } from "../io.js";
import { checkOutput, EXIT, writeOutput } from "./shared.js";

/** Where the template goes without `-o`. */
export const TEMPLATE_FILE = "双包数据模板.xlsx";

export const templateSpec = command({
  name: "template",
  summary: "生成空白数据模板（XLSX） · Write the blank data template workbook",
  usage: `shuangbao template [-o FILE.xlsx] [--force]`,
  options: {
    output: { type: "string", short: "o" },
    force: { type: "boolean" },
  },
  help: {
    output: `输出文件 · the workbook to write (default ${TEMPLATE_FILE} in the current folder)`,
    force: "覆盖已存在的输出文件 · overwrite an existing file",
  },
  examples: ["shuangbao template -o 双包数据模板.xlsx", "shuangbao audit 双包数据模板.xlsx"],
});

export async function runTemplate(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(templateSpec, argv);
  const file = values.output ?? TEMPLATE_FILE;
  const target = { inputs: [], force: values.force };
  await checkOutput(file, target);
  await writeOutput(io, file, await writeTemplateXlsx(), target);
  io.stderr(
    `已写入数据模板“${file}”：每类数据一个工作表，填写说明见“填表说明”表 · wrote the data template ${file}: a sheet per collection; see the sheet 填表说明\n`,
  );
  return EXIT.ok;
}
