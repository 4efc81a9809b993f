/**
 * The API's zod schemas, for validation of queries and for the OpenAPI document. Response shapes
 * mirror core's types (`AuditReport`, `Rule`, `Table`, …); the compile-time checks at the end fail
 * the typecheck when core's types drift from them. Dataset rows are core's own collection schemas.
 */
import { z } from "@hono/zod-openapi";
import {
  type AuditReport,
  type Cell,
  COLLECTIONS,
  type DataCheck,
  Education,
  isIsoDate,
  PARAMETER_NAMES,
  PARAMETERS,
  type ParameterName,
  type PolicyParameters,
  Severity,
  type Table,
} from "@shuangbao/core";

/** A calendar date `YYYY-MM-DD` that exists. */
export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: "not a date (YYYY-MM-DD) · 不是有效日期" })
  .openapi({ type: "string", format: "date", example: "2018-07-20" });

export const MessageSchema = z
  .object({ zh: z.string(), en: z.string() })
  .openapi("Message", { description: "Text in Chinese and English." });

const SeveritySchema = z.enum(Severity.values).openapi("Severity");

const EntityRefSchema = z.object({ collection: z.string(), id: z.string() }).openapi("EntityRef");

export const FindingSchema = z
  .object({
    ruleId: z.string().openapi({ example: "village.has-unit" }),
    severity: SeveritySchema,
    clause: z.string().optional(),
    entity: EntityRefSchema,
    related: z.array(EntityRefSchema).optional(),
    message: MessageSchema,
    source: z
      .object({ file: z.string(), sheet: z.string().optional(), line: z.number().int().optional() })
      .optional(),
    field: z.string().optional(),
    years: z.array(z.number().int()).optional(),
  })
  .openapi("Finding");

const parameterValueSchema = (kind: string) =>
  kind === "count"
    ? z.number().int()
    : kind === "education"
      ? z.enum(Education.values)
      : z.string().openapi({ format: "date" });

/** The flat parameters object, one typed property per parameter. */
export const PolicyParametersSchema = z
  .object(
    Object.fromEntries(
      PARAMETER_NAMES.map((name) => [name, parameterValueSchema(PARAMETERS[name].kind)]),
    ) as unknown as { [N in ParameterName]: z.ZodType<PolicyParameters[N]> },
  )
  .openapi("PolicyParameters");

export const AuditReportSchema = z
  .object({
    asOf: z.string().openapi({ format: "date" }),
    policy: z.object({
      id: z.string(),
      parameters: PolicyParametersSchema,
      interpretations: z.array(z.enum(PARAMETER_NAMES as [string, ...string[]])).openapi({
        description: "The parameters whose value is our reading of the text, sorted.",
      }),
    }),
    summary: z.object({
      error: z.number().int(),
      warning: z.number().int(),
      info: z.number().int(),
      byRule: z.record(z.string(), z.number().int()),
      keyCounties: z.object({ found: z.number().int(), expected: z.number().int() }),
    }),
    findings: z.array(FindingSchema),
    truncated: z
      .object({
        limit: z.number().int().openapi({ description: "The most findings a response holds." }),
        total: z.number().int().openapi({ description: "How many findings the audit found." }),
      })
      .optional()
      .openapi({
        description:
          "Present only when the findings were cut: `findings` holds the first `limit` of " +
          "`total` (in the report's order); `summary` still counts all of them.",
      }),
  })
  .openapi("AuditReport", {
    description:
      "core's AuditReport; resident ID and mobile numbers in its text are masked unless unmasked.",
  });

export const RuleSchema = z
  .object({
    id: z.string().openapi({ example: "village.has-unit" }),
    clause: z.string().openapi({ example: "一" }),
    severity: SeveritySchema,
    scope: z.enum(["county", "province"]),
    title: MessageSchema,
    quote: z.string().openapi({ description: "The sentence the rule encodes, verbatim." }),
    interpretation: MessageSchema.optional(),
    messages: z.record(z.string(), MessageSchema),
    reads: z.record(z.string(), z.array(z.string())).openapi({
      description:
        "The fields of each collection the check reads: a finding is not made from a row whose " +
        "field among these is broken (a data finding stands for it instead).",
      example: { villages: ["exitedPovertyOn", "isPoor"] },
    }),
  })
  .openapi("Rule");

export const DataCheckSchema = z
  .object({ id: z.string(), severity: SeveritySchema, title: MessageSchema })
  .openapi("DataCheck");

export const RuleListSchema = z
  .object({ rules: z.array(RuleSchema), dataChecks: z.array(DataCheckSchema) })
  .openapi("RuleList");

export const ParameterSchema = z
  .object({
    name: z.enum(PARAMETER_NAMES as [string, ...string[]]),
    title: MessageSchema,
    kind: z.enum(["count", "date", "education"]),
    value: z.union([z.number().int(), z.string()]),
    clause: z.string(),
    note: MessageSchema.optional(),
    interpretation: z.boolean().openapi({
      description: "Whether the value is our reading of the text, not the text's own number.",
    }),
    effectiveFrom: z
      .string()
      .openapi({ format: "date", description: "The day the value in force took effect." }),
  })
  .openapi("Parameter");

export const ParameterListSchema = z
  .object({ on: z.string().openapi({ format: "date" }), parameters: z.array(ParameterSchema) })
  .openapi("ParameterList");

const CellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const TableSchema = z
  .object({
    id: z.string(),
    title: MessageSchema.optional(),
    sheet: z.string().optional(),
    columns: z.array(
      z.object({
        key: z.string(),
        header: z.string(),
        en: z.string().optional(),
        kind: z.enum(["text", "date", "number", "boolean"]).optional(),
      }),
    ),
    rows: z.array(z.record(z.string(), CellSchema)),
  })
  .openapi("Table", {
    description: "A form as data: columns (Chinese and English headers), rows.",
  });

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "urn:shuangbao:problem:invalid-request" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().openapi({ example: "/v1/audit" }),
    requestId: z.string(),
    part: z
      .string()
      .optional()
      .openapi({ description: "The offending part of the request", example: "query.asOf" }),
    limit: z.string().optional().openapi({
      description: "The environment variable of the limit that was hit",
      example: "SHUANGBAO_BODY_LIMIT_MB",
    }),
  })
  .openapi("Problem", { description: "RFC 9457 problem details." });

/** A dataset document: each collection an array of rows (core's schemas), plus `parameters`. */
export const DatasetSchema = z
  .object({
    ...Object.fromEntries(
      Object.entries(COLLECTIONS).map(([name, c]) => [name, z.array(c.schema).optional()]),
    ),
    parameters: z
      .record(z.string(), z.unknown())
      .optional()
      .openapi({ description: "Flat parameter overrides `{ name: value }`; not a collection." }),
  })
  .openapi("Dataset", {
    description:
      "A dataset as JSON (data-model.md). Rows are normalised before checks (Chinese labels, 是/否, " +
      "2014/7/30 dates); data problems become findings, not errors.",
  });

// Compile-time checks: core's values fit these schemas.
const _report = (r: AuditReport): z.input<typeof AuditReportSchema> => r;
const _check = (d: DataCheck): z.input<typeof DataCheckSchema> => d;
const _cell = (c: Exclude<Cell, undefined>): z.input<typeof CellSchema> => c;
const _table = (t: Table): z.input<typeof TableSchema>["columns"] => [...t.columns];
void [_report, _check, _cell, _table];
