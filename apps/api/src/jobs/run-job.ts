/**
 * A job: what a worker thread does for `POST /v1/audit`, `/v1/plan` and `/v1/forms/{form}` — read
 * the body (after the checks of `guards.ts`), run core, mask, write JSON, CSV or XLSX, and hold
 * the answer to the findings and response limits. A job and its result are plain data: they
 * cross the thread boundary by structured clone (the body's bytes are moved, not copied).
 */

import { brotliDecompressSync, gunzipSync, inflateSync, type ZlibOptions } from "node:zlib";
import {
  type AuditReport,
  audit,
  buildForm,
  ConfigurationError,
  type DatasetIndex,
  type FormId,
  findingsTable,
  PLAN_TABLES,
  type PlanTableId,
  parseParameterOverrides,
  planTable,
  type RuleSelection,
  type Table,
} from "@shuangbao/core";
import {
  InputError,
  planAndAudit,
  ReadLimitError,
  readDatasetFromBytes,
  renderReportHtml,
  tablesFile,
} from "@shuangbao/io";
import type { BodyCoding } from "../dataset-body.js";
import { type JobLimits, LIMIT_ENV, sizeText } from "../limits.js";
import {
  maskedJson,
  maskReport,
  maskReportNames,
  maskTable,
  maskText,
  nameMasker,
} from "../mask.js";
import { type ProblemData, requestPart } from "../problem-kinds.js";
import { charsetOf, checkJsonShape, JobProblem, jsonUtf8, looksJson } from "./guards.js";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** What a data response is written as (`html`: the audit report as a page). */
export type OutputFormat = "json" | "csv" | "xlsx" | "html";

/** What a job does, by route. */
export type JobTask =
  | { op: "audit"; rules: RuleSelection; lang: "zh" | "en"; version: string }
  | { op: "plan"; table?: PlanTableId | undefined }
  | { op: "form"; form: FormId };

/** A job: the body's bytes and content type, the route's options and the limits. */
export type Job = JobTask & {
  body: Uint8Array;
  contentType: string;
  /** The body's content coding (`Content-Encoding`), when it came compressed. */
  contentEncoding?: BodyCoding | undefined;
  asOf: string;
  format: OutputFormat;
  unmasked: boolean;
  /** Mask personal names too (`SHUANGBAO_MASK_NAMES`, and not unmasked). */
  maskNames: boolean;
  limits: JobLimits;
};

/** A job's answer: a response body with its headers, a problem, or an unexpected error. */
export type JobResult =
  | { ok: true; body: Uint8Array; headers: Record<string, string> }
  | { ok: false; problem: ProblemData }
  | { ok: false; internal: { name: string; stack: string[] } };

const mediaType = (contentType: string) => contentType.split(";")[0]!.trim().toLowerCase();

/** Checks and reads one file's bytes (a body, or a multipart file) into a dataset. */
async function readChecked(
  bytes: Uint8Array,
  name: string,
  charset: string | undefined,
  json: boolean,
  limits: JobLimits,
): Promise<DatasetIndex> {
  let data = bytes;
  if (json || looksJson(bytes)) {
    data = jsonUtf8(bytes, charset);
    checkJsonShape(data, limits);
  }
  // io holds the read to the limits: zip entries and workbook parts counted as they inflate
  // (an entry that is not read is never inflated), rows per collection, cells per sheet.
  const { inflatedBytes, rows, cells, findingsPerColumn } = limits;
  return readDatasetFromBytes(data, {
    name,
    limits: { inflatedBytes, rows, cells, findingsPerColumn },
  });
}

/** The multipart `parameters` field: held to the JSON limits, then read as core reads overrides. */
function parseOverrides(text: string, limits: JobLimits): Record<string, unknown> {
  checkJsonShape(new TextEncoder().encode(text), {
    jsonDepth: limits.jsonDepth,
    rows: limits.rows,
  });
  return parseParameterOverrides(text, { zh: "字段 parameters", en: "field parameters" });
}

const INFLATE: Record<BodyCoding, (bytes: Uint8Array, options: ZlibOptions) => Buffer> = {
  gzip: gunzipSync,
  deflate: inflateSync,
  br: brotliDecompressSync,
};

/**
 * A job's body as sent, inflated when it came compressed: at most the inflated limit
 * (`SHUANGBAO_INFLATED_LIMIT_MB`, as for a zip's entries) is ever produced, then a 413.
 */
function bodyBytes(job: Job): Uint8Array {
  const coding = job.contentEncoding;
  if (coding === undefined) return job.body;
  const limit = job.limits.inflatedBytes;
  try {
    return INFLATE[coding](job.body, { maxOutputLength: limit });
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
      throw new JobProblem({
        kind: "too-large",
        detail: `解压后的请求体超过 ${sizeText(limit)} · the body inflates to more than ${sizeText(limit)} (${LIMIT_ENV.inflatedBytes.name})`,
        part: "body",
        limit: LIMIT_ENV.inflatedBytes.name,
      });
    }
    throw new JobProblem({
      kind: "not-a-dataset",
      detail: `请求体不是有效的 ${coding} 压缩数据 · the body is not valid ${coding} data (Content-Encoding: ${coding})`,
      part: "body",
    });
  }
}

/** The dataset of a job's body, and the overrides sent beside it (multipart only). */
async function readBody(
  job: Job,
): Promise<{ index: DatasetIndex; parameters?: Record<string, unknown>; name: string }> {
  const type = mediaType(job.contentType);
  const body = bodyBytes(job);
  if (type !== "multipart/form-data") {
    const json = type === "application/json";
    return {
      index: await readChecked(body, "body", charsetOf(job.contentType), json, job.limits),
      name: "body",
    };
  }
  let form: FormData;
  try {
    form = await new Response(body, {
      headers: { "Content-Type": job.contentType },
    }).formData();
  } catch {
    throw new JobProblem({
      kind: "not-a-dataset",
      detail: "请求体不是有效的 multipart/form-data · body is not valid multipart/form-data",
      part: "body",
    });
  }
  const file = form.get("file");
  if (file === null || typeof file === "string") {
    throw new JobProblem({
      kind: "not-a-dataset",
      detail: "multipart 请求缺少文件字段 file · multipart body has no file in field “file”",
      part: "body.file",
    });
  }
  const params = form.get("parameters");
  const parameters =
    params === null
      ? undefined
      : parseOverrides(typeof params === "string" ? params : await params.text(), job.limits);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const index = await readChecked(
    bytes,
    file.name || "file",
    charsetOf(file.type),
    mediaType(file.type) === "application/json",
    job.limits,
  );
  const name = file.name || "file";
  return parameters ? { index, parameters, name } : { index, name };
}

const JSON_TYPE = "application/json; charset=UTF-8";
const encode = (text: string) => new TextEncoder().encode(text);
const attachment = (name: string, ext: string) => `attachment; filename="${name}.${ext}"`;

/** One table as the format asks, masked unless `unmasked`. */
async function tableBody(
  table: Table,
  job: Job,
  filename: string,
  names: ((text: string) => string) | undefined,
  lang: "zh" | "en" = "zh",
): Promise<{ body: Uint8Array; headers: Record<string, string> }> {
  // Only the audit writes a page (`html`); it returns before any table is written.
  const format = job.format === "html" ? "json" : job.format;
  const body = await tablesFile([job.unmasked ? table : maskTable(table, names)], format, {
    headers: lang,
  });
  if (format === "json") return { body, headers: { "Content-Type": JSON_TYPE } };
  const type = format === "csv" ? "text/csv; charset=UTF-8" : XLSX_TYPE;
  return {
    body,
    headers: { "Content-Type": type, "Content-Disposition": attachment(filename, format) },
  };
}

/** The answer of a job, before the response limit. */
async function answer(job: Job): Promise<{ body: Uint8Array; headers: Record<string, string> }> {
  const { index, parameters, name } = await readBody(job);
  // Personal names, where configured: masked where a text names a person's or a household's row.
  const names = job.maskNames ? nameMasker(index) : undefined;
  const options = { asOf: job.asOf, ...(parameters ? { parameters } : {}) };
  if (job.op === "audit") {
    const full = audit(index, { ...options, rules: job.rules });
    const total = full.findings.length;
    const cut = total > job.limits.findings;
    const report = cut
      ? {
          ...full,
          findings: full.findings.slice(0, job.limits.findings),
          truncated: { limit: job.limits.findings, total },
        }
      : full;
    const truncatedHeader: Record<string, string> = cut
      ? { "X-Findings-Truncated": `limit=${job.limits.findings}, total=${total}` }
      : {};
    if (job.format === "json") {
      // maskReport keeps every other property of the report (`truncated` too), in order.
      const masked = job.unmasked ? report : maskReport(report as AuditReport);
      const shown = names ? maskReportNames(masked as AuditReport, index) : masked;
      return {
        body: encode(JSON.stringify(shown)),
        headers: { "Content-Type": JSON_TYPE, ...truncatedHeader },
      };
    }
    if (job.format === "html") {
      // The page is masked as a whole, as the CLI's `--mask` does: every string it shows.
      const page = await renderReportHtml(report as AuditReport, index, {
        lang: job.lang,
        inputs: [name],
        version: job.version,
        ...(parameters ? { overrides: parameters } : {}),
      });
      return {
        body: encode(job.unmasked ? page : names ? names(maskText(page)) : maskText(page)),
        headers: { "Content-Type": "text/html; charset=UTF-8", ...truncatedHeader },
      };
    }
    const table = await tableBody(
      findingsTable(report, index, job.lang),
      job,
      "findings",
      names,
      job.lang,
    );
    return { body: table.body, headers: { ...table.headers, ...truncatedHeader } };
  }
  if (job.op === "plan") {
    const { plan, report } = planAndAudit(index, options);
    if (job.format === "json") {
      // The plan, and whether the dataset it completes passes the audit (as the CLI prints it).
      const answer = { ...plan, audit: { asOf: report.asOf, summary: report.summary } };
      return {
        body: encode(job.unmasked ? JSON.stringify(answer) : maskedJson(answer, names)),
        headers: { "Content-Type": JSON_TYPE },
      };
    }
    const s = report.summary;
    const audited = { "X-Plan-Audit": `error=${s.error}, warning=${s.warning}, info=${s.info}` };
    if (job.format === "csv") {
      const table = await tableBody(planTable(plan, job.table!), job, job.table!, names);
      return { body: table.body, headers: { ...table.headers, ...audited } };
    }
    const tables = PLAN_TABLES.map((t) => planTable(plan, t));
    return {
      body: await tablesFile(
        job.unmasked ? tables : tables.map((t) => maskTable(t, names)),
        "xlsx",
      ),
      headers: {
        "Content-Type": XLSX_TYPE,
        "Content-Disposition": attachment("plan", "xlsx"),
        ...audited,
      },
    };
  }
  return tableBody(buildForm(job.form, index, options), job, job.form, names);
}

/** The problem an error thrown by a job is, or an unexpected error's class and frames. */
function failure(error: unknown): JobResult {
  if (error instanceof JobProblem) return { ok: false, problem: error.data };
  if (error instanceof ConfigurationError) {
    return {
      ok: false,
      problem: { kind: "invalid-request", detail: error.message, part: requestPart(error.path) },
    };
  }
  if (error instanceof ReadLimitError) {
    return {
      ok: false,
      problem: { kind: "too-large", detail: error.message, part: "body", limit: error.limit },
    };
  }
  if (error instanceof InputError) {
    return { ok: false, problem: { kind: "not-a-dataset", detail: error.message, part: "body" } };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return {
      ok: false,
      problem: {
        kind: "not-a-dataset",
        detail: "数据嵌套过深 · the data nests too deeply to read",
        part: "body",
        limit: LIMIT_ENV.jsonDepth.name,
      },
    };
  }
  const stack = (e.stack ?? "")
    .split("\n")
    .filter((l) => /^\s+at /.test(l))
    .map((l) => l.trim());
  return { ok: false, internal: { name: e.name, stack } };
}

/**
 * Runs a job: never throws; every outcome is a `JobResult`.
 * @example const result = await runJob({ op: "audit", body, contentType: "application/json", … })
 */
export async function runJob(job: Job): Promise<JobResult> {
  try {
    const { body, headers } = await answer(job);
    if (body.byteLength > job.limits.responseBytes) {
      return {
        ok: false,
        problem: {
          kind: "too-large",
          detail: `响应超过 ${sizeText(job.limits.responseBytes)} · the response would be larger than ${sizeText(job.limits.responseBytes)} (${LIMIT_ENV.responseBytes.name}); narrow it with rules=…, a table, or a smaller dataset`,
          part: "response",
          limit: LIMIT_ENV.responseBytes.name,
        },
      };
    }
    return { ok: true, body, headers };
  } catch (error) {
    return failure(error);
  }
}
