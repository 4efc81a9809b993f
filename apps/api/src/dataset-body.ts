/**
 * The content types a dataset body may have: JSON (UTF-8, or GBK/GB18030 with its charset), XLSX
 * or zip bytes with their own content type, or `multipart/form-data` with the file in `file` and
 * flat parameter overrides as JSON in `parameters`. The main thread checks the type only; a
 * worker reads the bytes (`jobs/run-job.ts`). A body may come compressed (`Content-Encoding`:
 * gzip, deflate or br): a worker inflates it, counting the bytes against the inflated limit.
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

/** The content codings a dataset body may be sent in (`Content-Encoding`). */
export const BODY_CODINGS = ["gzip", "deflate", "br"] as const;
export type BodyCoding = (typeof BODY_CODINGS)[number];

/**
 * The coding of a request's body from its `Content-Encoding` (none or `identity`: `undefined`;
 * `x-gzip` is gzip); any other, or more than one, is a 415 problem that lists the codings taken
 * (RFC 7694: with `Accept-Encoding`).
 * @example bodyCoding("gzip") // "gzip"
 */
export function bodyCoding(header: string | undefined): BodyCoding | undefined {
  const coding = (header ?? "").trim().toLowerCase();
  if (coding === "" || coding === "identity") return undefined;
  if (coding === "x-gzip") return "gzip";
  if ((BODY_CODINGS as readonly string[]).includes(coding)) return coding as BodyCoding;
  throw new ProblemError(
    "unsupported-media-type",
    `不支持的内容编码 · unsupported content coding “${excerpt(coding)}”; send the body as it is or in one of ${BODY_CODINGS.join(", ")}`,
    "header.Content-Encoding",
    { acceptEncoding: BODY_CODINGS.join(", ") },
  );
}
