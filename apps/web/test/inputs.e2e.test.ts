/**
 * What people bring, in the page: the sample county as a GBK CSV folder (what Chinese Excel
 * saves) and as one XLSX workbook, each audited in the page as the CLI audits the same file.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { readDatasetFromPath, writeDatasetXlsx } from "@shuangbao/io";
import iconv from "iconv-lite";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES, launch, PAGE, shuangbao } from "./browser.js";

const AS_OF = "2018-07-20";
let browser: Browser;
let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "shuangbao-inputs-"));
  const gbk = join(tmp, "岳西GBK");
  mkdirSync(gbk);
  for (const name of readdirSync(join(EXAMPLES, "yuexi")).filter((f) => f.endsWith(".csv"))) {
    const text = readFileSync(join(EXAMPLES, "yuexi", name), "utf8").replace(/^\uFEFF/, "");
    writeFileSync(join(gbk, name), iconv.encode(text, "gbk"));
  }
  const index = await readDatasetFromPath(join(EXAMPLES, "yuexi"));
  await writeDatasetXlsx(index.toDataset(), join(tmp, "岳西.xlsx"));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** The page's totals by kind after loading `files` through `input`. */
async function audited(input: "#pick-folder" | "#pick-files", files: string) {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(PAGE).href);
  await page.fill("#as-of", AS_OF);
  await page.setInputFiles(input, files);
  await page.waitForSelector("body[data-state=done]", { timeout: 60_000 });
  const cards = await page.$$eval(".card", (cs) =>
    cs.map((c) => [c.getAttribute("data-count"), Number(c.querySelector("b")?.textContent)]),
  );
  await page.close();
  return Object.fromEntries(cards) as Record<string, number>;
}

async function cli(path: string) {
  const report = JSON.parse(
    await shuangbao(["audit", join(tmp, path), "--as-of", AS_OF, "--format", "json"]),
  ) as { findings: { ruleId: string; severity: string }[] };
  const kind = (f: { ruleId: string; severity: string }) =>
    f.ruleId.startsWith("data.") ? "data" : f.severity;
  const counts: Record<string, number> = {
    total: report.findings.length,
    error: 0,
    warning: 0,
    info: 0,
    data: 0,
  };
  for (const f of report.findings) counts[kind(f)]!++;
  return counts;
}

describe("inputs people bring", () => {
  it("audits a GBK CSV folder as the CLI does", async () => {
    const page = await audited("#pick-folder", join(tmp, "岳西GBK"));
    expect(page).toEqual(await cli("岳西GBK"));
    expect(page.total).toBeGreaterThan(0);
  });

  it("audits an XLSX workbook as the CLI does", async () => {
    expect(await audited("#pick-files", join(tmp, "岳西.xlsx"))).toEqual(await cli("岳西.xlsx"));
  });
});
