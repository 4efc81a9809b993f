/** `shuangbao sample`: write realistic synthetic data (a county, or the province) as CSV. */
import { COLLECTION_NAMES } from "@shuangbao/core";
import { writeSample } from "@shuangbao/sample";
import { command, parse, wholeNumber } from "../args.js";
import { type CliIo, UsageError } from "../io.js";
import { EXIT, langFlag, oneOf, writeOutputFolder } from "./shared.js";

export const sampleSpec = command({
  name: "sample",
  summary: "生成样本数据（CSV文件夹） · Write synthetic sample data as a CSV folder",
  usage:
    "shuangbao sample --scale county|city|province --seed N [--violations SHARE] --out DIR [--force]",
  options: {
    scale: { type: "string" },
    seed: { type: "string" },
    violations: { type: "string" },
    out: { type: "string" },
    force: { type: "boolean" },
    lang: { type: "string" },
  },
  help: {
    scale:
      "规模 · county (岳西县, in memory) | city (安庆市, ~200,000 households) | province (安徽省, 70 counties, ~2.4 GB) (default county)",
    seed: "随机种子（整数） · a whole number; the same seed gives the same bytes (default 1)",
    violations: "问题比例 · share (0–1) of realistic faults to plant (default 0)",
    out: "输出文件夹 · the folder to write <collection>.csv into (required)",
    force: "覆盖输出文件夹中已有的同名文件 · overwrite files of the same names in the folder",
    lang: "表头语言 · zh | en headers and labels (default zh)",
  },
  examples: [
    "shuangbao sample --scale county --seed 7 --violations 0.02 --out yuexi",
    "shuangbao sample --scale city --seed 1 --out /data/anqing",
    "shuangbao sample --scale province --seed 1 --out /data/anhui",
  ],
});

export async function runSample(argv: string[], io: CliIo): Promise<number> {
  const { values } = parse(sampleSpec, argv);
  const dir = values.out;
  if (!dir) throw new UsageError("需要 --out 输出文件夹 · --out DIR is required");
  const scale = oneOf("scale", values.scale, ["county", "city", "province"] as const, "county");
  const language = langFlag(values.lang);
  const violations = Number(values.violations ?? "0");
  if (
    values.violations?.trim() === "" ||
    !Number.isFinite(violations) ||
    violations < 0 ||
    violations > 1
  ) {
    throw new UsageError(
      `--violations 须为0到1之间的数 · must be a number from 0 to 1, not “${values.violations}”`,
    );
  }
  const seed = wholeNumber("seed", values.seed, 1);
  const names = COLLECTION_NAMES.map((c) => `${c}.csv`);
  let result: Awaited<ReturnType<typeof writeSample>> | undefined;
  await writeOutputFolder(dir, { inputs: [], force: values.force, names }, async (tmp) => {
    result = await writeSample({ scale, seed, violations, out: tmp, format: "csv", language });
  });
  const rows = Object.entries(result!.counts)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `  ${c.padEnd(22)}${n.toLocaleString("en")}`);
  io.stdout(
    `样本已写入“${dir}”：${{ county: "县级", city: "市级", province: "全省" }[scale]}样本，随机种子${seed}，埋设问题${result!.seeded.length}处 · ${dir}: ${scale} sample, seed ${seed}, ${result!.seeded.length} planted faults\n${rows.join("\n")}\n`,
  );
  return EXIT.ok;
}
