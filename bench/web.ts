/**
 * The browser page under load, in Debian's Chromium (playwright-core): the county sample
 * (examples/yuexi) and a city (安庆市, about 200,000 households, `shuangbao sample --scale city`)
 * loaded through the folder picker of the built page, opened from disk. Per dataset: seconds
 * from choosing the folder to the report shown, the longest the page's main thread went without
 * running a 50 ms timer meanwhile (the page stays responsive while the Worker audits), and the
 * peak resident memory of Chromium's processes together.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { writeSample } from "@shuangbao/sample";
import { chromium } from "playwright-core";

export interface WebRun {
  dataset: string;
  households: number;
  seconds: number;
  findings: number;
  /** The longest gap between two runs of a 50 ms timer on the page's main thread (ms). */
  mainThreadMaxGapMs: number;
  /** The 99th percentile of those gaps (ms). */
  mainThreadP99GapMs: number;
  /** Chromium's processes together, at their highest (MiB). */
  chromiumPeakRssMiB: number;
}

/** The resident memory of every Chromium process on the machine together (MiB). */
function chromiumRssMiB(): number {
  const out = execFileSync("ps", ["-eo", "rss=,comm="], { encoding: "utf8" });
  let kib = 0;
  for (const line of out.split("\n")) {
    const [rss, comm] = line.trim().split(/\s+/, 2);
    if (comm && /chrom/i.test(comm)) kib += Number(rss);
  }
  return Math.round(kib / 1024);
}

/** Generates the city sample into `dir` once (a `.complete` marker says it is whole). */
async function citySample(dir: string, seed: number): Promise<number> {
  if (!existsSync(`${dir}/.complete`)) {
    const written = await writeSample({
      scale: "city",
      seed,
      violations: 0,
      out: dir,
      format: "csv",
    });
    await writeFile(`${dir}/.complete`, JSON.stringify(written.counts));
  }
  const counts = JSON.parse(
    execFileSync("cat", [`${dir}/.complete`], { encoding: "utf8" }),
  ) as Record<string, number>;
  return counts.households ?? 0;
}

/** Audits `folder` in the page at `asOf`; what it took. */
async function run(
  page: string,
  folder: string,
  asOf: string,
  dataset: string,
  households: number,
): Promise<WebRun> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
  });
  try {
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(page).href);
    await tab.fill("#as-of", asOf);
    await tab.evaluate(() => {
      const w = globalThis as unknown as { gaps: number[] };
      w.gaps = [];
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.gaps.push(now - last);
        last = now;
      }, 50);
    });
    let peak = chromiumRssMiB();
    const sampler = setInterval(() => {
      peak = Math.max(peak, chromiumRssMiB());
    }, 250);
    const t = performance.now();
    await tab.setInputFiles("#pick-folder", folder);
    await tab.waitForSelector("body[data-state=done]", { timeout: 900_000 });
    const seconds = (performance.now() - t) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, chromiumRssMiB());
    const gaps = (
      await tab.evaluate(() => (globalThis as unknown as { gaps: number[] }).gaps)
    ).sort((a, b) => a - b);
    const findings = Number(await tab.textContent(".card.total b"));
    return {
      dataset,
      households,
      seconds: Math.round(seconds * 10) / 10,
      findings,
      mainThreadMaxGapMs: Math.round(gaps.at(-1) ?? 0),
      mainThreadP99GapMs: Math.round(gaps[Math.floor(gaps.length * 0.99)] ?? 0),
      chromiumPeakRssMiB: peak,
    };
  } finally {
    await browser.close();
  }
}

/**
 * The page's figures: the county sample and the city, each in a fresh browser.
 * @example const web = await webBench({ page: "apps/web/dist/index.html", examples: "examples", out: "bench/out", seed: 1, asOf: "2018-07-20" })
 */
export async function webBench(options: {
  page: string;
  examples: string;
  out: string;
  seed: number;
  asOf: string;
}): Promise<{ county: WebRun; city: WebRun }> {
  if (!existsSync(options.page)) throw new Error(`${options.page} is not built: run pnpm build`);
  const county = await run(
    options.page,
    `${options.examples}/yuexi`,
    options.asOf,
    "examples/yuexi (岳西县)",
    Number(
      execFileSync("sh", ["-c", `tail -n +2 '${options.examples}/yuexi/households.csv' | wc -l`], {
        encoding: "utf8",
      }).trim(),
    ),
  );
  const dir = `${options.out}/city-seed${options.seed}`;
  const households = await citySample(dir, options.seed);
  const city = await run(
    options.page,
    dir,
    options.asOf,
    `shuangbao sample --scale city --seed ${options.seed} (安庆市)`,
    households,
  );
  return { county, city };
}
