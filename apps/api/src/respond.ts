/**
 * What a data response is asked for: its format by `Accept` (JSON, CSV or XLSX), and whether it
 * is unmasked. The response itself is written by a worker (`jobs/run-job.ts`).
 */
import type { Context } from "hono";
import { accepts } from "hono/accepts";
import type { OutputFormat } from "./jobs/run-job.js";
import { XLSX_TYPE } from "./jobs/run-job.js";
import { ProblemError } from "./problem.js";

export type { OutputFormat };

const FORMATS: Record<string, OutputFormat> = {
  "application/json": "json",
  "text/csv": "csv",
  [XLSX_TYPE]: "xlsx",
};

/**
 * The format the `Accept` header asks for: `text/csv`, the XLSX type, `text/html` where the route
 * writes a report page (`html`), else JSON.
 * @example outputFormat(c) // "csv" for Accept: text/csv
 */
export function outputFormat(c: Context, options: { html?: boolean } = {}): OutputFormat {
  const supports = Object.keys(FORMATS);
  if (options.html) supports.push("text/html");
  const type = accepts(c, { header: "Accept", supports, default: "application/json" });
  return type === "text/html" ? "html" : (FORMATS[type] ?? "json");
}

/**
 * Whether this response is unmasked: only when `unmask=true` is asked with an unmask key; asking
 * without one is a 403, not a silent mask.
 */
export function unmaskAllowed(c: Context, unmask: string | undefined): boolean {
  if (unmask !== "true") return false;
  if (c.get("canUnmask") !== true) {
    throw new ProblemError(
      "forbidden",
      "unmask=true 需要具有解除脱敏权限的密钥 · unmask=true needs a key listed in the unmask keys",
      "query.unmask",
    );
  }
  return true;
}
