/** Request parts that several routes share: the dataset body, `asOf`, `unmask`, and running a job. */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { RouteDeps } from "../app-env.js";
import { bodyTooLarge, declaredTooLarge, readBody } from "../body.js";
import { bodyCoding, datasetContentType, XLSX_TYPE } from "../dataset-body.js";
import type { JobTask, OutputFormat } from "../jobs/run-job.js";
import { jobLimits } from "../limits.js";
import { internalProblem, logInternal, ProblemError } from "../problem.js";
import { IsoDateSchema } from "../schemas.js";

/** An OpenAPI schema of binary content. */
export const BINARY = { type: "string" as const, format: "binary" };

/** The request body of routes that take a dataset. */
export const DATASET_BODY = {
  required: true as const,
  description:
    "A dataset: JSON (UTF-8; GBK or GB18030 with `charset=gbk`; top-level `parameters` holds " +
    "flat overrides), the bytes of an XLSX workbook or a zip of CSV files with their own content " +
    "type, or multipart/form-data with the file in `file` and overrides as JSON in `parameters`. " +
    "Any of them may be sent compressed with `Content-Encoding: gzip`, `deflate` or `br` (a JSON " +
    "county of 12 MB is 0.6 MB gzipped); it may inflate to SHUANGBAO_INFLATED_LIMIT_MB (413 past " +
    "it), and another coding is a 415.",
  content: {
    "application/json": { schema: { $ref: "#/components/schemas/Dataset" } },
    [XLSX_TYPE]: { schema: BINARY },
    "application/zip": { schema: BINARY },
    "application/x-zip-compressed": { schema: BINARY },
    "multipart/form-data": {
      schema: {
        type: "object" as const,
        required: ["file"],
        properties: {
          file: { ...BINARY, description: "JSON, XLSX or a zip of CSV files" },
          parameters: {
            type: "string" as const,
            description: 'Flat overrides as JSON, e.g. {"termYears":5}',
          },
        },
      },
    },
  },
};

/** The `asOf` query parameter, described for `what`. */
export const asOfParam = (what: string) =>
  IsoDateSchema.optional().openapi({
    param: {
      name: "asOf",
      in: "query",
      description: `${what} (YYYY-MM-DD), from 2014-07-09 (the policy's date) to today + 10 years. Default: today's date in Asia/Shanghai.`,
    },
  });

/** `unmask=true` (with an unmask key only). */
export const unmaskParam = () =>
  z
    .enum(["true", "false"])
    .optional()
    .openapi({
      param: {
        name: "unmask",
        in: "query",
        description:
          "true: answer resident ID and phone numbers unmasked; only with a key listed in " +
          "SHUANGBAO_UNMASK_KEYS (403 otherwise).",
      },
    });

/**
 * Runs a route's job on the dataset in the request body: checks the content type and declared
 * length, takes a place in the queue (503 when full), reads the body's bytes (413 past the
 * limit), runs the job on a worker (504 past the timeout; cancelled when the client goes away)
 * and answers with its bytes, or its problem.
 */
export async function runJobRoute(
  c: Context,
  deps: RouteDeps,
  task: JobTask,
  common: { asOf: string; format: OutputFormat; unmasked: boolean },
): Promise<Response> {
  const contentType = datasetContentType(c.req.header("Content-Type"));
  const contentEncoding = bodyCoding(c.req.header("Content-Encoding"));
  if (declaredTooLarge(c, deps.limits.bodyBytes)) throw bodyTooLarge(deps.limits.bodyBytes);
  const slot = deps.queue.admit();
  const start = performance.now();
  const timing = { bodyMs: 0, jobMs: 0 };
  c.set("timing", timing);
  try {
    const body = await readBody(c, deps.limits.bodyBytes, slot, () => deps.queue.bodyBudgetSpent());
    timing.bodyMs = Math.round(performance.now() - start);
    const result = await slot
      .run(
        {
          ...task,
          ...common,
          maskNames: deps.maskNames && !common.unmasked,
          body,
          contentType,
          contentEncoding,
          limits: jobLimits(deps.limits),
        },
        c.req.raw.signal,
      )
      .finally(() => {
        timing.jobMs = Math.round(performance.now() - start) - timing.bodyMs;
      });
    if (result.ok) {
      return c.body(result.body as Uint8Array<ArrayBuffer>, 200, {
        ...result.headers,
        "Cache-Control": "no-store",
      });
    }
    if ("problem" in result) throw ProblemError.of(result.problem);
    logInternal(deps.log, c.get("requestId") ?? "", result.internal);
    return internalProblem(c);
  } finally {
    slot.release();
  }
}
