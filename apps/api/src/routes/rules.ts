import { createRoute, z } from "@hono/zod-openapi";
import { CATALOGUE, DATA_CHECKS, type Rule, ruleById } from "@shuangbao/core";
import { type Api, BEARER, PROBLEM_RESPONSES } from "../app-env.js";
import { excerpt, ProblemError } from "../problem.js";
import { RuleListSchema, RuleSchema } from "../schemas.js";

/** A rule as data, without its check. */
function ruleData(rule: Rule): z.infer<typeof RuleSchema> {
  const { id, clause, severity, scope, title, quote, interpretation, messages, reads } = rule;
  return {
    id,
    clause,
    severity,
    scope,
    title,
    quote,
    ...(interpretation ? { interpretation } : {}),
    messages,
    reads: reads as Record<string, string[]>,
  };
}

const listRoute = createRoute({
  method: "get",
  path: "/v1/rules",
  tags: ["rules"],
  summary: "规则目录 · The rule catalogue",
  description:
    "Every policy rule (id, clause, severity, scope, titles, the quoted sentence, interpretation, " +
    "message templates) in the order of rules.md, and the data checks.",
  security: BEARER,
  responses: {
    200: {
      description: "The catalogue.",
      content: { "application/json": { schema: RuleListSchema } },
    },
    401: PROBLEM_RESPONSES[401],
    500: PROBLEM_RESPONSES[500],
  },
});

const oneRoute = createRoute({
  method: "get",
  path: "/v1/rules/{id}",
  tags: ["rules"],
  summary: "单条规则 · One rule",
  security: BEARER,
  request: {
    params: z.object({
      id: z.string().openapi({ param: { name: "id", in: "path" }, example: "village.has-unit" }),
    }),
  },
  responses: {
    200: { description: "The rule.", content: { "application/json": { schema: RuleSchema } } },
    401: PROBLEM_RESPONSES[401],
    404: PROBLEM_RESPONSES[404],
    500: PROBLEM_RESPONSES[500],
  },
});

/** `GET /v1/rules` and `GET /v1/rules/{id}`. */
export function registerRules(app: Api): void {
  app.openapi(listRoute, (c) =>
    c.json({ rules: CATALOGUE.map(ruleData), dataChecks: Object.values(DATA_CHECKS) }, 200),
  );
  app.openapi(oneRoute, (c) => {
    const { id } = c.req.valid("param");
    const rule = ruleById(id);
    if (!rule)
      throw new ProblemError("not-found", `没有此规则 · no rule “${excerpt(id)}”`, "path.id");
    return c.json(ruleData(rule), 200);
  });
}
