import { createRoute, z } from "@hono/zod-openapi";
import { PARAMETER_NAMES, PARAMETERS, parameterValueOn } from "@shuangbao/core";
import { type Api, BEARER, PROBLEM_RESPONSES, type RouteDeps } from "../app-env.js";
import { dateInWindow } from "../date-window.js";
import { IsoDateSchema, ParameterListSchema } from "../schemas.js";

const route = createRoute({
  method: "get",
  path: "/v1/parameters",
  tags: ["parameters"],
  summary: "政策参数 · The policy's parameters on a date",
  description:
    "Each parameter with the value in force on `on`, its clause, note (where the number is an " +
    "interpretation) and the day that value took effect.",
  security: BEARER,
  request: {
    query: z.object({
      on: IsoDateSchema.optional().openapi({
        param: {
          name: "on",
          in: "query",
          description:
            "The date (YYYY-MM-DD), from 2014-07-09 (the policy's date) to today + 10 years; default: today in Asia/Shanghai.",
        },
      }),
    }),
  },
  responses: {
    200: {
      description: "The parameters.",
      content: { "application/json": { schema: ParameterListSchema } },
    },
    400: PROBLEM_RESPONSES[400],
    401: PROBLEM_RESPONSES[401],
    500: PROBLEM_RESPONSES[500],
  },
});

/** `GET /v1/parameters?on=YYYY-MM-DD`. */
export function registerParameters(app: Api, deps: RouteDeps): void {
  app.openapi(route, (c) => {
    const on = dateInWindow(c.req.valid("query").on, deps.today(), "query.on");
    const parameters = PARAMETER_NAMES.map((name) => {
      const def = PARAMETERS[name];
      const values = def.values as readonly { effectiveFrom: string }[];
      const inForce = values.filter((v) => v.effectiveFrom <= on).at(-1) ?? values[0]!;
      return {
        name,
        title: def.title,
        kind: def.kind,
        value: parameterValueOn(name, on),
        clause: def.clause,
        ...(def.note ? { note: def.note } : {}),
        interpretation: def.interpretation === true,
        effectiveFrom: inForce.effectiveFrom,
      };
    });
    return c.json({ on, parameters }, 200);
  });
}
