import { createRoute, z } from "@hono/zod-openapi";
import { PLAN_TABLES } from "@shuangbao/core";
import { type Api, BEARER, JOB_PROBLEMS, type RouteDeps } from "../app-env.js";
import { XLSX_TYPE } from "../dataset-body.js";
import { dateInWindow } from "../date-window.js";
import { ProblemError } from "../problem.js";
import { outputFormat, unmaskAllowed } from "../respond.js";
import { AuditReportSchema } from "../schemas.js";
import { asOfParam, BINARY, DATASET_BODY, runJobRoute, unmaskParam } from "./shared.js";

const MessageWithClause = z.object({ clause: z.string(), zh: z.string(), en: z.string() });

const PlanSchema = z
  .object({
    rows: z.object({
      villageAssignments: z.array(z.object({ because: MessageWithClause }).passthrough()),
      householdAssignments: z.array(z.object({ because: MessageWithClause }).passthrough()),
    }),
    unresolved: z.array(
      z.object({
        collection: z.string(),
        id: z.string(),
        clause: z.string(),
        reason: z.object({ zh: z.string(), en: z.string() }),
      }),
    ),
    audit: z
      .object({
        asOf: z.string().openapi({ format: "date" }),
        summary: AuditReportSchema.shape.summary,
      })
      .openapi({
        description:
          "The audit of the dataset completed by the plan, at `asOf`: what would still be " +
          "wrong once the proposed rows are added (the CLI's `plan` prints the same).",
      }),
  })
  .openapi("Plan");

const route = createRoute({
  method: "post",
  path: "/v1/plan",
  tags: ["plan"],
  summary: "提出包村、包户安排 · Propose contracts and household helpers",
  description:
    "Proposes `villageAssignments` for poor villages without a current unit (二(二)) and " +
    "`householdAssignments` for households without a current helper (三(一)), starting on `asOf`; " +
    "each row with `because` (clause, zh, en); `unresolved` lists what could not be placed. " +
    "The plan is then applied and the completed dataset audited at `asOf`, as the CLI's `plan` " +
    "does: `audit.summary` counts what would still be wrong (CSV and XLSX: the header " +
    "`X-Plan-Audit`). JSON by default; with `Accept: text/csv` the table named by `table`; with " +
    "the XLSX type one sheet per table. Resident ID and phone numbers are masked.",
  security: BEARER,
  request: {
    query: z.object({
      asOf: asOfParam("The date proposed rows start on"),
      table: z
        .enum(PLAN_TABLES)
        .optional()
        .openapi({
          param: { name: "table", in: "query", description: "For CSV: which table (required)" },
        }),
      unmask: unmaskParam(),
    }),
    body: DATASET_BODY,
  },
  responses: {
    200: {
      description: "The plan (JSON), one of its tables (CSV), or both (XLSX).",
      content: {
        "application/json": { schema: PlanSchema },
        "text/csv": { schema: { type: "string" } },
        [XLSX_TYPE]: { schema: BINARY },
      },
    },
    ...JOB_PROBLEMS,
  },
});

/** `POST /v1/plan`. */
export function registerPlan(app: Api, deps: RouteDeps): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid("query");
    const unmasked = unmaskAllowed(c, q.unmask);
    const format = outputFormat(c);
    if (format === "csv" && !q.table) {
      throw new ProblemError(
        "invalid-request",
        `CSV 需要 table 参数 · CSV needs ?table=${PLAN_TABLES.join("|")}`,
        "query.table",
      );
    }
    const asOf = dateInWindow(q.asOf, deps.today(), "query.asOf");
    return runJobRoute(c, deps, { op: "plan", table: q.table }, { asOf, format, unmasked });
  });
}
