/**
 * `GET /`: the browser audit page (apps/web's one self-contained `index.html`), for a team that
 * deploys the API and wants its auditors to have the page at a known address. The page calls none
 * of the API's routes: it reads the files in the browser, and its CSP (`connect-src 'none'`) makes
 * the browser refuse any request it would make — what it audits never leaves the machine.
 */
import type { Api } from "../app-env.js";

/**
 * The page's CSP: its scripts and styles are inline, its worker a `blob:`; no request may leave
 * (`connect-src 'none'`), no form be sent, no frame hold it.
 */
export const PAGE_CSP = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'unsafe-inline'", "blob:"],
  workerSrc: ["blob:"],
  styleSrc: ["'unsafe-inline'"],
  imgSrc: ["data:", "blob:"],
  fontSrc: ["data:"],
  connectSrc: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
};

/** Registers `GET /` with the page's bytes (served as they are: the page holds no data). */
export function registerPage(app: Api, page: Uint8Array): void {
  const body = new Uint8Array(page);
  app.get("/", (c) => {
    c.header("Content-Type", "text/html; charset=UTF-8");
    // The page changes only with a deployment; it holds no data, so it may be cached, revalidated.
    c.header("Cache-Control", "no-cache");
    return c.body(body);
  });
}
