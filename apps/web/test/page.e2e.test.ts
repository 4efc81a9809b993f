/**
 * The page in a real browser: opened from disk, the sample county loaded through the folder
 * picker, the result checked against the CLI's report for the same files, the language switched,
 * the list filtered, the 问题清单 downloaded and compared byte for byte with the CLI's — and not one
 * request leaving the page. Screenshots of the summary and the list are saved under
 * `test/artifacts/`.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, EXAMPLES, launch, PAGE, shuangbao } from "./browser.js";

const AS_OF = "2018-07-20";

interface Report {
  findings: { ruleId: string; severity: "error" | "warning" | "info" }[];
}

let browser: Browser;
let context: BrowserContext;
let page: Page;
let report: Report;
let tmp: string;
const requests: string[] = [];
const blocked: string[] = [];
const local = (url: string) => /^(file|blob|data):/.test(url);

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "shuangbao-web-"));
  report = JSON.parse(
    await shuangbao(["audit", "yuexi", "--as-of", AS_OF, "--format", "json"]),
  ) as Report;
  await shuangbao(["audit", "yuexi", "--as-of", AS_OF, "-o", join(tmp, "cli.xlsx")]);
  await shuangbao(["audit", "yuexi", "--as-of", AS_OF, "-o", join(tmp, "cli.csv")]);
  browser = await launch();
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  // Anything but the file itself, its inlined worker (blob:) and data: is refused and recorded.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (local(url)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  context.on("request", (r) => requests.push(r.url()));
  page = await context.newPage();
  await page.goto(pathToFileURL(PAGE).href);
  await page.fill("#as-of", AS_OF);
  await page.setInputFiles("#pick-folder", `${EXAMPLES}yuexi`);
  await page.waitForSelector("body[data-state=done]", { timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const count = async (id: string) => Number(await page.textContent(`.card.${id} b`));
const shown = async () => Number(await page.getAttribute("#shown", "data-shown"));

describe("the page, auditing examples/yuexi from file://", () => {
  it("shows the CLI's totals and counts by rule", async () => {
    const by = (pick: (f: Report["findings"][number]) => boolean) =>
      report.findings.filter(pick).length;
    expect(await count("total")).toBe(report.findings.length);
    expect(await count("error")).toBe(
      by((f) => f.severity === "error" && !f.ruleId.startsWith("data.")),
    );
    expect(await count("warning")).toBe(
      by((f) => f.severity === "warning" && !f.ruleId.startsWith("data.")),
    );
    expect(await count("info")).toBe(
      by((f) => f.severity === "info" && !f.ruleId.startsWith("data.")),
    );
    expect(await count("data")).toBe(by((f) => f.ruleId.startsWith("data.")));

    const cli = new Map<string, number>();
    for (const f of report.findings) cli.set(f.ruleId, (cli.get(f.ruleId) ?? 0) + 1);
    const options = await page.$$eval("#f-rule option", (os) =>
      os
        .filter((o) => (o as HTMLOptionElement).value)
        .map((o) => [(o as HTMLOptionElement).value, o.textContent ?? ""] as const),
    );
    const onPage = new Map(options.map(([id, text]) => [id, Number(/（(\d+)）$/.exec(text)?.[1])]));
    expect(onPage).toEqual(cli);
    // Clause order: the rules of section 一 come before those of 二, 三 and 四.
    const clauses = options.map(([, text]) => text.split(" ")[0]!);
    expect(clauses.indexOf("一")).toBeLessThan(clauses.findIndex((c) => c.startsWith("二")));

    await page.locator("#summary").screenshot({ path: `${ARTIFACTS}summary.png` });
    await page.locator("#findings").screenshot({ path: `${ARTIFACTS}list.png` });
  });

  it("filters the list by kind, rule and search", async () => {
    expect(await shown()).toBe(report.findings.length);
    await page.selectOption("#f-category", "warning");
    const warnings = report.findings.filter(
      (f) => f.severity === "warning" && !f.ruleId.startsWith("data."),
    ).length;
    expect(await shown()).toBe(warnings);
    await page.selectOption("#f-category", "");
    await page.selectOption("#f-rule", "household.cause-known");
    const rule = report.findings.filter((f) => f.ruleId === "household.cause-known").length;
    expect(await shown()).toBe(rule);
    expect(await page.locator(".finding").first().getAttribute("data-rule")).toBe(
      "household.cause-known",
    );
    // Each finding shows its clause, the policy's sentence and where its row came from.
    const first = page.locator(".finding").first();
    expect(await first.locator(".f-clause").textContent()).toContain("三(二)1");
    expect(await first.locator(".f-quote").textContent()).toContain("了解掌握贫困户");
    expect(await first.locator(".f-source").textContent()).toMatch(/households\.csv · 第\d+行/);
    await page.selectOption("#f-rule", "");
    await page.fill("#f-search", "no-such-name-anywhere");
    await page.waitForFunction(
      () => document.querySelector("#shown")?.getAttribute("data-shown") === "0",
    );
    await page.fill("#f-search", "");
    await page.waitForFunction(
      (n) => document.querySelector("#shown")?.getAttribute("data-shown") === String(n),
      report.findings.length,
    );
  });

  it("switches to English and back", async () => {
    await page.click("#lang");
    expect(await page.textContent("h1")).toBe("“双包” contracting audit");
    expect(await page.textContent(".card.error span")).toBe("breach");
    expect(await page.textContent("#lang")).toBe("中文");
    await page.click("#lang");
    expect(await page.textContent(".card.error span")).toBe("不符合");
    expect(await page.textContent("#private")).toContain("不上传");
  });

  it("downloads the 问题清单 as the CLI writes it, byte for byte", async () => {
    for (const [kind, file] of [
      ["findings-xlsx", "cli.xlsx"],
      ["findings-csv", "cli.csv"],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click(`[data-download=${kind}]`),
      ]);
      const saved = join(tmp, `web-${file}`);
      await download.saveAs(saved);
      expect(download.suggestedFilename()).toBe(`问题清单-${AS_OF}.${file.split(".")[1]}`);
      expect(readFileSync(saved).equals(readFileSync(join(tmp, file)))).toBe(true);
    }
  });

  it("sends nothing anywhere: every request stayed on the machine", () => {
    expect(blocked).toEqual([]);
    expect(requests.filter((u) => !local(u))).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
  });
});
