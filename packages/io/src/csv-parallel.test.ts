/**
 * The parallel reader of a large visits file gives what the streaming reader gives: the same
 * findings, rows, lines and structure, for files written the ways clerks write them. Workers
 * load io's built worker, so this tests the package as built (`dist/`, which `pnpm test` builds
 * first); ranges of a few KiB make the county's visits file many ranges.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { audit } from "@shuangbao/core";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import type { SourceStructure } from "./index.js";

/** io as built (`dist/`, whose workers load the built worker), typed as the sources it is built from. */
const built: typeof import("./index.js") = await import(
  new URL("../dist/index.js", import.meta.url).href
);

const YUEXI = new URL("../../../examples/yuexi/", import.meta.url);
const AS_OF = "2018-07-20";
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The county sample with its visits file rewritten by `edit` (text in, bytes out). */
function county(edit: (visits: string) => Uint8Array | string): string {
  const dir = mkdtempSync(join(tmpdir(), "shuangbao-parallel-"));
  dirs.push(dir);
  for (const name of FILES) {
    const bytes = readFileSync(new URL(name, YUEXI));
    writeFileSync(join(dir, name), name === "visits.csv" ? edit(bytes.toString("utf8")) : bytes);
  }
  return dir;
}

const FILES = [
  "acceptances.csv",
  "assessments.csv",
  "cities.csv",
  "counties.csv",
  "householdAssignments.csv",
  "households.csv",
  "meetings.csv",
  "people.csv",
  "reports.csv",
  "residentCadres.csv",
  "townships.csv",
  "units.csv",
  "villageAssignments.csv",
  "villagePlans.csv",
  "villages.csv",
  "visits.csv",
  "workTeamMembers.csv",
];

/** What a read gives, as comparable data. */
async function read(dir: string, threads: number) {
  const structure: SourceStructure[] = [];
  const timings = { read: 0, load: 0 } as { read: number; load: number; workerBytes?: number };
  const index = await built.readDatasetFromPath(dir, {
    structure,
    timings,
    parallel: { threads, minBytes: 0, chunkBytes: 4096 },
  });
  return {
    workerBytes: timings.workerBytes ?? 0,
    loadFindings: index.loadFindings,
    dataset: index.toDataset(),
    report: audit(index, { asOf: AS_OF }),
    structure,
  };
}

/** Reads `dir` on two workers and on this thread only, and expects the same of both. */
async function same(dir: string) {
  const parallel = await read(dir, 2);
  const streamed = await read(dir, 0);
  expect(streamed.workerBytes).toBe(0);
  expect(parallel.loadFindings).toEqual(streamed.loadFindings);
  expect(parallel.dataset).toEqual(streamed.dataset);
  expect(parallel.report).toEqual(streamed.report);
  expect(parallel.structure).toEqual(streamed.structure);
  return parallel;
}

const lines = (text: string) => text.split("\n");

describe("reading a large visits file on worker threads", () => {
  it("reads the county's visits as the streaming reader does, in many ranges", async () => {
    const result = await same(county((t) => t));
    expect(result.workerBytes).toBeGreaterThan(1_000_000);
    expect(result.dataset.visits.length).toBe(49_500);
  });

  it("keeps the lines of blank lines, repeated headers, ragged lines and Excel's codes", async () => {
    const dir = county((text) => {
      const l = lines(text);
      l[20_000] = "";
      l[20_001] = l[0]!.replace(/^\uFEFF/, "");
      l[30_000] = `${l[30_000]},extra`;
      l[30_001] = l[30_001]!.split(",").slice(0, 3).join(",");
      l[40_000] = l[40_000]!.replace(/^[^,]*/, "3.40828E+15");
      l[40_001] = l[40_001]!.replace(/,[^,]*$/, ",3408281042000000");
      l[40_002] = l[40_002]!.replace(/,[^,]*$/, ",3408281042000001");
      l[45_000] = l[45_000]!.replace(/,\d{4}-\d\d-\d\d,/, ",2015-02-29,");
      return l.join("\n");
    });
    const result = await same(dir);
    expect(result.workerBytes).toBeGreaterThan(1_000_000);
    const rules = new Set(result.loadFindings.map((f) => f.ruleId));
    expect(rules).toContain("data.malformed-row");
    expect(rules).toContain("data.invalid-field");
  });

  it("reads lines its byte encoder leaves to the general path as the streaming reader does", async () => {
    const dir = county((text) => {
      const l = lines(text);
      l[10_000] = l[10_000]!.replace(/^([^,]*),/, " $1 ,"); // a code with spaces around it
      l[10_001] = l[10_001]!.replace(/^3/, "３"); // a full-width digit
      l[10_002] = l[10_002]!.replace(/,(\d{4})-(\d\d)-(\d\d),/, ",$1/$2/$3,"); // another date format
      l[10_003] = l[10_003]!.replace(/,入户走访,/, ",household_visit,"); // a kind as its value
      l[10_004] = `\uFEFF${l[10_004]}`; // a byte order mark inside the file
      l[10_005] = l[10_005]!.replace(/,[^,]*$/, ","); // a household visit without its household
      l[25_000] = `${l[25_000]}\r${l[25_001]}`; // a lone carriage return: its range is parsed whole
      l[25_001] = l[25_002]!;
      return l.join("\n");
    });
    const result = await same(dir);
    expect(result.workerBytes).toBeGreaterThan(1_000_000);
    expect(result.loadFindings.length).toBeGreaterThan(0);
  });

  it("reads Windows line ends and GBK as it reads UTF-8 with Unix ones", async () => {
    const crlf = await same(county((t) => t.replaceAll("\n", "\r\n")));
    expect(crlf.workerBytes).toBeGreaterThan(1_000_000);
    const gbk = county((t) => new Uint8Array(iconv.encode(t.replace(/^\uFEFF/, ""), "gbk")));
    const result = await same(gbk);
    expect(result.workerBytes).toBeGreaterThan(1_000_000);
    expect(result.structure.find((s) => s.file === "visits.csv")?.encoding).toBe("gb18030");
  });

  it("streams the rest on this thread from the first range with a quote", async () => {
    const dir = county((text) => {
      const l = lines(text);
      // A quoted field with a line break in it, far past the head.
      l[35_000] = l[35_000]!.replace(/^([^,]*),/, '"$1\n",');
      return l.join("\n");
    });
    const result = await same(dir);
    expect(result.workerBytes).toBeGreaterThan(100_000);
    expect(result.workerBytes).toBeLessThan(readFileSync(join(dir, "visits.csv")).length);
  });

  it("finds the header below a clerk's title rows before the workers begin", async () => {
    const result = await same(
      county((t) => `安庆市岳西县走访记录,,,,\n,,,,\n${t.replace(/^\uFEFF/, "")}`),
    );
    expect(result.workerBytes).toBeGreaterThan(1_000_000);
    expect(result.structure.find((s) => s.file === "visits.csv")?.headerLine).toBe(3);
  });

  it("ends its workers when the read fails on a file before the visits", async () => {
    const dir = county((t) => t);
    const limits = { rows: 100 };
    const parallel = { threads: 2, minBytes: 0, chunkBytes: 4096 };
    await expect(built.readDatasetFromPath(dir, { limits, parallel })).rejects.toThrow(
      /SHUANGBAO_MAX_ROWS/,
    );
  });

  it("starts its workers in a process started with V8's heap flags (which a worker refuses)", () => {
    const script = `const io = await import(${JSON.stringify(new URL("../dist/index.js", import.meta.url).href)});
      const timings = { read: 0, load: 0 };
      await io.readDatasetFromPath(${JSON.stringify(county((t) => t))}, {
        timings, parallel: { threads: 2, minBytes: 0, chunkBytes: 65536 } });
      process.stdout.write(String(timings.workerBytes));`;
    const out = execFileSync(
      process.execPath,
      [
        "--max-old-space-size=1024",
        "--max-semi-space-size=32",
        "--input-type=module",
        "-e",
        script,
      ],
      { encoding: "utf8" },
    );
    expect(Number(out)).toBeGreaterThan(1_000_000);
  });

  it("does not read on workers when told not to, or a file below the size", async () => {
    const dir = county((t) => t);
    const timings = { read: 0, load: 0 } as { read: number; load: number; workerBytes?: number };
    await built.readDatasetFromPath(dir, { timings, parallel: { threads: 2 } });
    expect(timings.workerBytes ?? 0).toBe(0);
  });
});
