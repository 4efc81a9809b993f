import { createRoute, z } from "@hono/zod-openapi";
import { parseRuleSelection } from "@shuangbao/core";
import { type Api, BEARER, JOB_PROBLEMS, type RouteDeps } from "../app-env.js";
import { XLSX_TYPE } from "../dataset-body.js";
import { dateInWindow } from "../date-window.js";
import { outputFormat, unmaskAllowed } from "../respond.js";
import { AuditReportSchema } from "../schemas.js";
import { asOfParam, BINARY, DATASET_BODY, runJobRoute, unmaskParam } from "./shared.js";

const query = z.object({
  asOf: asOfParam(
    "The audit date: what is current, which years have ended, which deadlines passed",
  ),
  lang: z
    .enum(["zh", "en"])
    .optional()
    .openapi({
      param: {
        name: "lang",
        in: "query",
        description:
          "Language of the CSV/XLSX table (messages and headers) and of the HTML report; JSON has both.",
      },
    }),
  rules: z
    .string()
    .optional()
    .openapi({
      param: {
        name: "rules",
        in: "query",
        description: "Run only these rule ids (comma-separated).",
      },
      example: "village.has-unit,unit.eligible-category",
    }),
  skipRules: z
    .string()
    .optional()
    .openapi({
      param: {
        name: "skipRules",
        in: "query",
        description: "Skip these rule or data-check ids (comma-separated).",
      },
    }),
  severity: z
    .string()
    .optional()
    .openapi({
      param: {
        name: "severity",
        in: "query",
        description: "Severity overrides ID:LEVEL,… (error, warning, info).",
      },
      example: "village.has-unit:warning",
    }),
  unmask: unmaskParam(),
});

const route = createRoute({
  method: "post",
  path: "/v1/audit",
  tags: ["audit"],
  summary: "核查数据集 · Audit a dataset",
  description:
    "Audits a dataset against the policy's rules at `asOf`. Data errors are findings in a 200 " +
    "report. `Accept: text/csv` or the XLSX type returns the findings table instead of the JSON " +
    "report; `Accept: text/html` returns the report as one self-contained HTML page (summary, " +
    "charts and 问题清单, printable on A4 — what `shuangbao audit --format html` writes). Resident ID and mobile numbers are masked in every format. At most " +
    "SHUANGBAO_MAX_FINDINGS findings are returned: a cut report has `truncated: { limit, total }` " +
    "(CSV and XLSX: the header `X-Findings-Truncated`). The audit runs on a worker thread.",
  security: BEARER,
  request: { query, body: DATASET_BODY },
  responses: {
    200: {
      description: "The audit report (JSON or HTML), or its findings table (CSV, XLSX).",
      content: {
        "application/json": { schema: AuditReportSchema },
        "text/html": { schema: { type: "string" } },
        "text/csv": { schema: { type: "string" } },
        [XLSX_TYPE]: { schema: BINARY },
      },
    },
    ...JOB_PROBLEMS,
  },
});

/** `POST /v1/audit`. */
export function registerAudit(app: Api, deps: RouteDeps): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid("query");
    const unmasked = unmaskAllowed(c, q.unmask);
    const format = outputFormat(c, { html: true });
    // Checked before the body is read; a mistake is a 400 naming its query parameter.
    const rules = parseRuleSelection({ only: q.rules, skip: q.skipRules, severity: q.severity });
    const asOf = dateInWindow(q.asOf, deps.today(), "query.asOf");
    return runJobRoute(
      c,
      deps,
      { op: "audit", rules, lang: q.lang ?? "zh", version: deps.version },
      { asOf, format, unmasked },
    );
  });
}
