/**
 * The browser audit page served by the built API at `/`, in Debian's Chromium: the bytes are
 * apps/web's page, the page audits examples/yuexi under the API's CSP without one violation, and
 * it asks the server for nothing but itself.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "./server-process.js";

const WEB_PAGE = fileURLToPath(new URL("../../web/dist/index.html", import.meta.url));
const YUEXI = fileURLToPath(new URL("../../../examples/yuexi", import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer({});
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the page at /", () => {
  it("is apps/web's built page, byte for byte, with no key needed", async () => {
    const res = await fetch(`${server.base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("connect-src 'none'");
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(WEB_PAGE))).toBe(true);
  });

  it("audits the sample in Chromium under the API's CSP, asking the server for nothing else", async () => {
    const context = await browser.newContext();
    const requests: string[] = [];
    const violations: string[] = [];
    context.on("request", (r) => requests.push(r.url()));
    const page = await context.newPage();
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${server.base}/`);
    await page.fill("#as-of", "2018-07-20");
    await page.setInputFiles("#pick-folder", YUEXI);
    await page.waitForSelector("body[data-state=done]", { timeout: 60_000 });
    expect(Number(await page.textContent(".card.total b"))).toBe(92);
    expect(violations).toEqual([]);
    const http = requests.filter((u) => u.startsWith("http"));
    expect(http).toEqual([`${server.base}/`]);
    await context.close();
  });
});
