import { createRoute, z } from "@hono/zod-openapi";
import { FORMS, isFormId } from "@shuangbao/core";
import { type Api, BEARER, JOB_PROBLEMS, PROBLEM_RESPONSES, type RouteDeps } from "../app-env.js";
import { XLSX_TYPE } from "../dataset-body.js";
import { dateInWindow } from "../date-window.js";
import { excerpt, ProblemError } from "../problem.js";
import { outputFormat, unmaskAllowed } from "../respond.js";
import { TableSchema } from "../schemas.js";
import { asOfParam, BINARY, DATASET_BODY, runJobRoute, unmaskParam } from "./shared.js";

const FORM_IDS = FORMS.map((f) => f.id);

const route = createRoute({
  method: "post",
  path: "/v1/forms/{form}",
  tags: ["forms"],
  summary: "生成附件表格 · Build one of the policy's four forms",
  description:
    "Builds a form from a dataset at `asOf`: " +
    FORMS.map((f) => `\`${f.id}\` (${f.title.zh} · ${f.title.en})`).join("; ") +
    ". JSON, or CSV / XLSX by `Accept`. Resident ID and phone numbers are masked.",
  security: BEARER,
  request: {
    params: z.object({
      form: z.string().openapi({
        param: { name: "form", in: "path", schema: { type: "string", enum: FORM_IDS } },
        example: "unit-register",
      }),
    }),
    query: z.object({ asOf: asOfParam("The date the form is drawn up at"), unmask: unmaskParam() }),
    body: DATASET_BODY,
  },
  responses: {
    200: {
      description: "The form as a table (JSON), CSV or XLSX.",
      content: {
        "application/json": { schema: TableSchema },
        "text/csv": { schema: { type: "string" } },
        [XLSX_TYPE]: { schema: BINARY },
      },
    },
    ...JOB_PROBLEMS,
    404: PROBLEM_RESPONSES[404],
  },
});

/** `POST /v1/forms/{form}`. */
export function registerForms(app: Api, deps: RouteDeps): void {
  app.openapi(route, async (c) => {
    const { form } = c.req.valid("param");
    if (!isFormId(form)) {
      throw new ProblemError(
        "not-found",
        `没有此表格 · no form “${excerpt(form)}” (${FORM_IDS.join(", ")})`,
        "path.form",
      );
    }
    const q = c.req.valid("query");
    const unmasked = unmaskAllowed(c, q.unmask);
    const format = outputFormat(c);
    const asOf = dateInWindow(q.asOf, deps.today(), "query.asOf");
    return runJobRoute(c, deps, { op: "form", form }, { asOf, format, unmasked });
  });
}
