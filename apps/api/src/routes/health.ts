import { createRoute, z } from "@hono/zod-openapi";
import type { Api } from "../app-env.js";
import type { JobQueue } from "../jobs/queue.js";

const healthRoute = createRoute({
  method: "get",
  path: "/healthz",
  tags: ["service"],
  summary: "存活检查 · Liveness",
  description:
    "Answers at once whatever the load: the main thread only reads bytes and answers; audits run " +
    "on worker threads. 200 while the process serves, even while it stops.",
  responses: {
    200: {
      description: "The service is up.",
      content: {
        "application/json": {
          schema: z.object({ status: z.literal("ok"), version: z.string() }).openapi("Health"),
        },
      },
    },
  },
});

const QueueSchema = z
  .object({
    size: z.number().int().openapi({
      description: "Jobs admitted that do not run yet (bodies being read, or waiting)",
    }),
    capacity: z.number().int().openapi({ description: "How many may wait (SHUANGBAO_QUEUE)" }),
    running: z.number().int().openapi({ description: "Jobs running on a worker" }),
    workers: z.number().int().openapi({ description: "Worker threads (SHUANGBAO_WORKERS)" }),
    bodyBytes: z.object({ held: z.number().int(), limit: z.number().int() }).openapi({
      description: "Bytes of request bodies held, and the budget (SHUANGBAO_INFLIGHT_LIMIT_MB)",
    }),
  })
  .openapi("Queue");

const ReadySchema = z
  .object({
    status: z.enum(["ready", "busy", "draining"]),
    version: z.string(),
    queue: QueueSchema,
  })
  .openapi("Readiness");

const readyRoute = createRoute({
  method: "get",
  path: "/readyz",
  tags: ["service"],
  summary: "就绪检查 · Readiness, with the queue's state",
  description:
    "200 while a new job would be admitted; 503 when the queue is full, the body budget is " +
    "spent (`busy`), or the server is stopping (`draining`). Either way the body tells the queue.",
  responses: {
    200: {
      description: "Accepting jobs.",
      content: { "application/json": { schema: ReadySchema } },
    },
    503: {
      description: "Not accepting jobs now.",
      content: { "application/json": { schema: ReadySchema } },
    },
  },
});

/** `GET /healthz` (liveness) and `GET /readyz` (readiness and the queue), without a key. */
export function registerHealth(app: Api, version: string, queue: JobQueue): void {
  app.openapi(healthRoute, (c) => c.json({ status: "ok" as const, version }, 200));
  app.openapi(readyRoute, (c) => {
    const { accepting, draining, ...state } = queue.state();
    const status = draining ? "draining" : accepting ? "ready" : "busy";
    return c.json({ status, version, queue: state }, accepting ? 200 : 503);
  });
}
