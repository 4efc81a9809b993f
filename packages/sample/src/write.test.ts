import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { audit, COLLECTION_NAMES } from "@shuangbao/core";
import { readDatasetFromPath, writeDatasetCsv } from "@shuangbao/io";
import { afterAll, describe, expect, it } from "vitest";
import { CsvFolderAppender, csvLine } from "./csv-append.js";
import { generate, generateCounties } from "./generate.js";
import { SAMPLE_AS_OF } from "./plan.js";
import { writeSample } from "./write.js";

const dirs: string[] = [];
const temp = async () => {
  const dir = await mkdtemp(join(tmpdir(), "sample-test-"));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function folderBytes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of (await readdir(dir)).sort())
    out[file] = (await readFile(join(dir, file))).toString("base64");
  return out;
}

const county = { scale: "county", seed: 2014, violations: 0.02 } as const;

describe("writeSample", () => {
  it("writes the same bytes for the same seed", async () => {
    const [a, b] = [await temp(), await temp()];
    await writeSample({ ...county, out: a, format: "csv" });
    await writeSample({ ...county, out: b, format: "csv" });
    const bytes = await folderBytes(a);
    expect(Object.keys(bytes)).toHaveLength(COLLECTION_NAMES.length);
    expect(await folderBytes(b)).toEqual(bytes);
    const head = (await readFile(join(a, "households.csv"), "utf8")).split("\r\n")[0];
    expect(head).toBe(
      "\uFEFF户编号,村代码,户主姓名,户主身份证号,家庭人口,贫困户属性,是否有劳动能力,主要致贫原因,核实人,核实日期,帮扶计划制定日期,脱贫日期",
    );
  });

  it("reads back as a dataset whose findings are exactly the planted faults", async () => {
    const dir = await temp();
    const { seeded, counts } = await writeSample({ ...county, out: dir, format: "csv" });
    const index = await readDatasetFromPath(dir);
    const report = audit(index, { asOf: SAMPLE_AS_OF });
    const key = (r: string, c: string, id: string) => `${r} ${c} ${id}`;
    const found = new Set(
      report.findings.map((f) => key(f.ruleId, f.entity.collection, f.entity.id)),
    );
    expect(found).toEqual(new Set(seeded.map((s) => key(s.ruleId, s.collection, s.id))));
    expect(index.visits.size).toBe(counts.visits);
  });

  it("writes JSON and XLSX that read back clean", async () => {
    const dir = await temp();
    const clean = { ...county, violations: 0 };
    for (const format of ["json", "xlsx"] as const) {
      const out = join(dir, `yuexi.${format}`);
      await writeSample({ ...clean, out, format });
      const report = audit(await readDatasetFromPath(out), { asOf: SAMPLE_AS_OF });
      expect(report.findings).toEqual([]);
    }
  }, 60_000);

  it("writes the province's first partition as JSON and XLSX from its spool", async () => {
    const dir = await temp();
    const options = { scale: "province", seed: 1, violations: 0, limit: 0 } as const;
    const json = join(dir, "anhui.json");
    const { counts, partitions } = await writeSample({ ...options, out: json, format: "json" });
    expect(partitions).toBe(1);
    const parsed = JSON.parse(await readFile(json, "utf8")) as Record<string, unknown[]>;
    expect(parsed.villages).toHaveLength(18334);
    expect(parsed.people).toHaveLength(counts.people);
    expect(parsed.visits).toEqual([]);
    const xlsx = join(dir, "anhui.xlsx");
    await writeSample({ ...options, out: xlsx, format: "xlsx" });
    const index = await readDatasetFromPath(xlsx);
    expect(index.rows("units")).toHaveLength(counts.units);
    expect(await readdir(dir)).toEqual(["anhui.json", "anhui.xlsx"]);
  }, 60_000);
});

describe("CsvFolderAppender", () => {
  it("appends partitions to the bytes writeDatasetCsv writes for the whole", async () => {
    const [whole, parts] = [await temp(), await temp()];
    await writeDatasetCsv(generate(county).dataset, whole, { language: "zh" });
    const csv = await CsvFolderAppender.open(parts, "zh");
    for (const part of generateCounties(county)) await csv.append(part.dataset);
    await csv.close();
    expect(await folderBytes(parts)).toEqual(await folderBytes(whole));
  });

  it("quotes cells as papaparse does", () => {
    expect(csvLine(["a", "b,c", 'say "hi"', " x", ""])).toBe('a,"b,c","say ""hi"""," x",\r\n');
  });
});
