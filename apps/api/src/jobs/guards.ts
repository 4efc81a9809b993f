/**
 * Checks a worker makes on a body before io reads it, each answering a problem (as data) instead
 * of letting hostile input cost minutes or gigabytes: the charset of JSON (UTF-8, or GBK/GB18030
 * when declared; never silently replaced), the nesting and rows of a JSON document (scanned
 * byte by byte, without parsing). What a zip or workbook inflates to, the rows of every format
 * and the cells of a sheet are io's to count as it reads (`ReadOptions.limits`).
 */
import { isUtf8 } from "node:buffer";
import { type JobLimits, LIMIT_ENV } from "../limits.js";
import { excerpt, type ProblemData } from "../problem-kinds.js";

/** A problem found by a check, thrown inside a job and sent back as data. */
export class JobProblem extends Error {
  override name = "JobProblem";
  readonly data: ProblemData;
  constructor(data: ProblemData) {
    super(data.detail);
    this.data = data;
  }
}

const GB = new Set(["gbk", "gb18030", "gb2312", "x-gbk"]);
const UTF8 = new Set(["utf-8", "utf8"]);

/** The `charset` parameter of a content type, lower-cased, if any. */
export function charsetOf(contentType: string): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match?.[1]?.toLowerCase();
}

/**
 * The bytes of a JSON text as UTF-8: UTF-8 as it is (after checking it is valid), GBK or GB18030
 * decoded when the charset says so; invalid bytes are a 400 and any other charset a 415.
 */
export function jsonUtf8(bytes: Uint8Array, charset: string | undefined): Uint8Array {
  if (charset === undefined || UTF8.has(charset)) {
    if (isUtf8(bytes)) return bytes;
    throw new JobProblem({
      kind: "not-a-dataset",
      detail:
        "JSON 不是有效的 UTF-8;GBK 编码请声明 charset=gbk · the JSON is not valid UTF-8; " +
        "send GBK text with Content-Type: application/json; charset=gbk",
      part: "body",
    });
  }
  if (GB.has(charset)) {
    let text: string;
    try {
      text = new TextDecoder("gb18030", { fatal: true }).decode(bytes);
    } catch {
      throw new JobProblem({
        kind: "not-a-dataset",
        detail: `JSON 不是有效的 ${charset} 文本 · the JSON is not valid ${charset} text`,
        part: "body",
      });
    }
    return new TextEncoder().encode(text);
  }
  throw new JobProblem({
    kind: "unsupported-media-type",
    detail: `不支持的字符集 · unsupported charset “${excerpt(charset)}”; send UTF-8, or declare charset=gbk or gb18030`,
    part: "header.Content-Type",
  });
}

/** Whether bytes look like JSON: `{` or `[` first, after a BOM and white space. */
export function looksJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)
  )
    i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b;
}

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

/** Whether a byte may start a JSON value other than an object or array. */
const startsScalar = (b: number) =>
  b === QUOTE || b === 0x2d || (b >= 0x30 && b <= 0x39) || b === 0x74 || b === 0x66 || b === 0x6e;

/** A key as JSON.parse would read it (escapes such as `\u005f` decoded). */
function unescapeKey(raw: string): string {
  if (!raw.includes("\\")) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/**
 * Checks a JSON document's nesting and the rows of each collection without parsing it: throws a
 * 400 when arrays and objects nest deeper than `jsonDepth`, a 413 when a top-level array has more
 * than `rows` elements, and a 400 for a parameter named `__proto__` (which a plain object would
 * swallow rather than refuse). Malformed JSON passes (the parser names it).
 */
export function checkJsonShape(
  bytes: Uint8Array,
  limits: Pick<JobLimits, "jsonDepth" | "rows">,
): void {
  const stack = new Uint8Array(limits.jsonDepth + 1);
  // Whether the object at each depth expects a key next.
  const expectKey = new Uint8Array(limits.jsonDepth + 2);
  let depth = 0;
  let inString = false;
  let keyStart = -1;
  let keyDepth = 0;
  let lastKey = "";
  let collection = "";
  let expectRow = false;
  let rows = 0;
  const decoder = new TextDecoder();
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (inString) {
      // To the string's closing quote, past escapes, in a tight loop: the document's strings are
      // mostly short codes, for which a native search per string costs more than it saves.
      let end = i;
      const n = bytes.length;
      for (; end < n; end++) {
        const c = bytes[end]!;
        if (c === QUOTE) break;
        if (c === BACKSLASH) end++;
      }
      if (end >= n) break;
      inString = false;
      if (keyStart >= 0) {
        const key = unescapeKey(
          decoder.decode(bytes.subarray(keyStart, Math.min(end, keyStart + 160))),
        );
        if (keyDepth === 1) lastKey = key;
        else if (key === "__proto__") {
          throw new JobProblem({
            kind: "invalid-request",
            detail: "未知的参数 · unknown parameter “__proto__”",
            part: "parameters.__proto__",
          });
        }
        keyStart = -1;
      }
      i = end;
      continue;
    }
    if (depth === 2 && expectRow && (b === OPEN_OBJECT || b === OPEN_ARRAY || startsScalar(b))) {
      expectRow = false;
      if (++rows > limits.rows) {
        throw new JobProblem({
          kind: "too-large",
          detail: `数据表 “${excerpt(collection)}” 超过 ${limits.rows} 行 · collection “${excerpt(collection)}” has more than ${limits.rows} rows (${LIMIT_ENV.rows.name})`,
          part: `body.${excerpt(collection)}`,
          limit: LIMIT_ENV.rows.name,
        });
      }
    }
    if (b === QUOTE) {
      inString = true;
      if (expectKey[depth] === 1) {
        expectKey[depth] = 0;
        // Keys of the document, and of its `parameters` object.
        const wanted =
          depth === 1 || (depth === 2 && stack[0] === OPEN_OBJECT && collection === "parameters");
        if (wanted) {
          keyStart = i + 1;
          keyDepth = depth;
        }
      }
    } else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
      if (depth >= limits.jsonDepth) {
        throw new JobProblem({
          kind: "not-a-dataset",
          detail: `JSON 嵌套超过 ${limits.jsonDepth} 层 · the JSON nests arrays and objects deeper than ${limits.jsonDepth} levels (${LIMIT_ENV.jsonDepth.name}); a row's values are text, numbers or booleans`,
          part: "body",
          limit: LIMIT_ENV.jsonDepth.name,
        });
      }
      stack[depth++] = b;
      expectKey[depth] = b === OPEN_OBJECT ? 1 : 0;
      if (depth === 2 && stack[0] === OPEN_OBJECT) {
        collection = lastKey;
        rows = 0;
        expectRow = b === OPEN_ARRAY;
      }
    } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
      if (depth > 0) depth--;
      expectRow = false;
    } else if (b === COMMA) {
      if (depth > 0 && stack[depth - 1] === OPEN_OBJECT) expectKey[depth] = 1;
      if (depth === 2 && stack[1] === OPEN_ARRAY && stack[0] === OPEN_OBJECT) expectRow = true;
    }
  }
}
