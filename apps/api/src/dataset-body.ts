/**
 * A dataset from a request body: JSON, XLSX or zip bytes with their own content type, or
 * `multipart/form-data` with the file in `file` and flat parameter overrides as JSON in
 * `parameters`. The bytes go to io's reader, which throws `InputError` (→ 400) for bytes that are
 * no dataset at all; everything else about the data becomes findings.
 */
import type { DatasetIndex } from "@shuangbao/core";
import { readDatasetFromBytes } from "@shuangbao/io";
import type { Context } from "hono";
import { ProblemError } from "./problem.js";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The content types a dataset body may have. */
export const DATASET_TYPES = [
  "application/json",
  XLSX_TYPE,
  "application/zip",
  "application/x-zip-compressed",
  "multipart/form-data",
] as const;

/** A dataset read from a request, and the overrides sent beside it (multipart only). */
export interface DatasetBody {
  index: DatasetIndex;
  parameters?: Record<string, unknown>;
}

const mediaType = (header: string | undefined) =>
  (header ?? "").split(";")[0]!.trim().toLowerCase();

function parseOverrides(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ProblemError(
      "invalid-request",
      `字段 parameters 不是有效的 JSON · field parameters is not valid JSON: ${(error as Error).message}`,
      "parameters",
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ProblemError(
      "invalid-request",
      "字段 parameters 应为 JSON 对象 { 名称: 值 } · field parameters must be a JSON object { name: value }",
      "parameters",
    );
  }
  return value as Record<string, unknown>;
}

async function fromMultipart(c: Context): Promise<DatasetBody> {
  let form: FormData;
  try {
    form = await c.req.raw.formData();
  } catch {
    throw new ProblemError(
      "not-a-dataset",
      "请求体不是有效的 multipart/form-data · body is not valid multipart/form-data",
      "body",
    );
  }
  const file = form.get("file");
  if (file === null || typeof file === "string") {
    throw new ProblemError(
      "not-a-dataset",
      "multipart 请求缺少文件字段 file · multipart body has no file in field “file”",
      "body.file",
    );
  }
  const params = form.get("parameters");
  const index = await readDatasetFromBytes(new Uint8Array(await file.arrayBuffer()), {
    name: file.name || "file",
  });
  if (params === null) return { index };
  const text = typeof params === "string" ? params : await params.text();
  return { index, parameters: parseOverrides(text) };
}

/**
 * Reads the dataset of a request; throws a 415 problem for another content type.
 * @example const { index, parameters } = await readDatasetBody(c);
 */
export async function readDatasetBody(c: Context): Promise<DatasetBody> {
  const type = mediaType(c.req.header("Content-Type"));
  if (!(DATASET_TYPES as readonly string[]).includes(type)) {
    throw new ProblemError(
      "unsupported-media-type",
      `不支持的内容类型 · unsupported content type “${type || "(none)"}”; send one of ${DATASET_TYPES.join(", ")}`,
      "header.Content-Type",
    );
  }
  if (type === "multipart/form-data") return fromMultipart(c);
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  return { index: await readDatasetFromBytes(bytes, { name: "body" }) };
}
