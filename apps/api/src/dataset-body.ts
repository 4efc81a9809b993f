/**
 * The content types a dataset body may have: JSON (UTF-8, or GBK/GB18030 with its charset), XLSX
 * or zip bytes with their own content type, or `multipart/form-data` with the file in `file` and
 * flat parameter overrides as JSON in `parameters`. The main thread checks the type only; a
 * worker reads the bytes (`jobs/run-job.ts`).
 */
import { ProblemError } from "./problem.js";
import { excerpt } from "./problem-kinds.js";

export { XLSX_TYPE } from "./jobs/run-job.js";

import { XLSX_TYPE } from "./jobs/run-job.js";

/** The content types a dataset body may have. */
export const DATASET_TYPES = [
  "application/json",
  XLSX_TYPE,
  "application/zip",
  "application/x-zip-compressed",
  "multipart/form-data",
] as const;

/** The media type of a Content-Type header, lower-cased, without parameters. */
export const mediaType = (header: string | undefined) =>
  (header ?? "").split(";")[0]!.trim().toLowerCase();

/**
 * The request's Content-Type when it is one of `DATASET_TYPES`; else throws a 415 problem.
 * @example datasetContentType(c) // "application/json; charset=gbk"
 */
export function datasetContentType(header: string | undefined): string {
  const type = mediaType(header);
  if (!(DATASET_TYPES as readonly string[]).includes(type)) {
    throw new ProblemError(
      "unsupported-media-type",
      `不支持的内容类型 · unsupported content type “${excerpt(type || "(none)")}”; send one of ${DATASET_TYPES.join(", ")}`,
      "header.Content-Type",
    );
  }
  return header!;
}
