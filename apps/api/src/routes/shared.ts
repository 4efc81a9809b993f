/** Request parts that several routes share: the dataset body, `asOf`, `unmask`. */
import { z } from "@hono/zod-openapi";
import { XLSX_TYPE } from "../dataset-body.js";
import { IsoDateSchema } from "../schemas.js";

/** An OpenAPI schema of binary content. */
export const BINARY = { type: "string" as const, format: "binary" };

/** The request body of routes that take a dataset. */
export const DATASET_BODY = {
  required: true as const,
  description:
    "A dataset: JSON (top-level `parameters` holds flat overrides), the bytes of an XLSX workbook " +
    "or a zip of CSV files with their own content type, or multipart/form-data with the file in " +
    "`file` and overrides as JSON in `parameters`.",
  content: {
    "application/json": { schema: { $ref: "#/components/schemas/Dataset" } },
    [XLSX_TYPE]: { schema: BINARY },
    "application/zip": { schema: BINARY },
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
      description: `${what} (YYYY-MM-DD). Default: today's date in Asia/Shanghai.`,
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
