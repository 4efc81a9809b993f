/**
 * `shuangbao audit --format html`: the report rendered in Chromium and printed to PDF on A4 — the
 * summary (title, 核查基准日, totals) on page 1, the 问题清单 starting on a page of its own, a page
 * count in reason; a screenshot of page 1 as printed is saved under `test/artifacts/`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, launch, shuangbao } from "./browser.js";

let browser: Browser;
let tmp: string;
let html: string;

/** A4 less the print stylesheet's margins (14 mm top and bottom, 12 mm each side), in CSS px. */
const MM = 96 / 25.4;
const PAGE_WIDTH = Math.floor((210 - 24) * MM);
const PAGE_HEIGHT = Math.floor((297 - 28) * MM);

/** The pages of a PDF: its page objects. */
const pageCount = (pdf: Buffer) =>
  (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "shuangbao-report-"));
  html = join(tmp, "report.html");
  await shuangbao(["audit", "yuexi", "--as-of", "2018-07-20", "-o", html]);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe("the HTML report, printed", () => {
  it("is one file with no script and no request", () => {
    const text = readFileSync(html, "utf8");
    expect(text.startsWith("<!doctype html>")).toBe(true);
    expect(text).not.toMatch(/<script|<link|src="http|url\(http/i);
    expect(text).toContain("<svg");
    expect(text).toContain("问题清单");
  });

  it("prints on A4 with the summary on page 1 and the list after it", async () => {
    const page = await browser.newPage({ viewport: { width: PAGE_WIDTH, height: PAGE_HEIGHT } });
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(html).href);
    await page.emulateMedia({ media: "print" });
    const layout = await page.evaluate(() => {
      const box = (s: string) => document.querySelector(s)!.getBoundingClientRect();
      return {
        title: box("h1").bottom,
        cards: box(".cards").bottom,
        summary: box("#summary").bottom,
        list: box("#list").top,
        listBreak: getComputedStyle(document.querySelector("#list")!).breakBefore,
      };
    });
    // The summary's head (title, 核查基准日, the totals) fits on the first page.
    expect(layout.cards).toBeLessThan(PAGE_HEIGHT);
    expect(layout.title).toBeLessThan(layout.cards);
    // The list starts on a new page, after the summary.
    expect(layout.listBreak).toBe("page");
    expect(layout.list).toBeGreaterThanOrEqual(layout.summary);
    await page.screenshot({ path: `${ARTIFACTS}report-page1.png` });

    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
    writeFileSync(join(ARTIFACTS, "report.pdf"), pdf);
    const pages = pageCount(pdf);
    const summaryPages = Math.ceil(layout.summary / PAGE_HEIGHT);
    // At least the summary's pages and one for the list; a sane bound for 92 findings.
    expect(pages).toBeGreaterThanOrEqual(summaryPages + 1);
    expect(pages).toBeLessThan(40);
    // Page 1 alone is the summary's head: a one-page PDF of it.
    const first = await page.pdf({ format: "A4", preferCSSPageSize: true, pageRanges: "1" });
    expect(pageCount(first)).toBe(1);
    expect(requests.every((u) => u.startsWith("file:"))).toBe(true);
    await page.close();
  });
});
