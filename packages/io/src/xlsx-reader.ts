/**
 * XLSX reading, streamed: the workbook's parts are found from the zip's central directory (in any
 * order — streaming writers put the workbook part last), the sheet names and order come from
 * `xl/workbook.xml` and its relationships, shared strings and date styles are read first, and each
 * sheet's XML is inflated a slice at a time and parsed with saxes, its rows going into the same
 * collector as CSV as they are parsed.
 *
 * One sheet per collection, named in English or Chinese; a collection longer than a sheet
 * continues on `name (2)`, `name (3)`, … A sheet of another name is recognised by its headers.
 */
import { type CollectionName, collectionNamed } from "@shuangbao/core";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { type ReadContext, RecordCollector } from "./collect.js";
import { InputError } from "./errors.js";
import { ReadLimitError } from "./limits.js";
import { entryBytes, streamEntry, type ZipEntry, zipEntries } from "./zip.js";

/** A workbook's parts, read whole or streamed, each spent from the read's inflate budget. */
interface PartReader {
  whole(entry: ZipEntry): Uint8Array;
  stream(entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): Promise<void>;
}

/** The collection a sheet holds: its name without a continuation suffix ` (2)`. */
export function sheetCollection(sheetName: string): CollectionName | undefined {
  return collectionNamed(sheetName.replace(/\s*[(（]\d+[)）]\s*$/, ""));
}

/** A tag's name without its namespace prefix (`x:row` → `row`). */
const local = (name: string) => {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
};

interface XmlHandlers {
  open?: (name: string, attributes: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

function xmlParser(handlers: XmlHandlers) {
  const parser = new SaxesParser({ position: false, xmlns: false });
  const { open, close, text } = handlers;
  // Tag names go to the handlers as written when the root element has no prefix (the common
  // case, and the fast one), else without their prefix (`<x:worksheet>`, `<x:row>`).
  parser.on("opentag", (root: SaxesTagPlain) => {
    const prefixed = root.name.includes(":");
    if (open) {
      parser.on(
        "opentag",
        prefixed
          ? (node: SaxesTagPlain) => open(local(node.name), node.attributes)
          : (node: SaxesTagPlain) => open(node.name, node.attributes),
      );
    } else parser.off("opentag");
    if (close) {
      parser.on(
        "closetag",
        prefixed ? (node) => close(local(node.name)) : (node) => close(node.name),
      );
    }
    open?.(prefixed ? local(root.name) : root.name, root.attributes);
  });
  if (text) {
    parser.on("text", text);
    parser.on("cdata", text);
  }
  return parser;
}

/** Parses a small XML part held whole. */
function parseXml(bytes: Uint8Array, handlers: XmlHandlers): void {
  const parser = xmlParser(handlers);
  parser.write(new TextDecoder().decode(bytes));
  parser.close();
}

/** OOXML's escapes of characters XML cannot hold (`_x000D_`). */
const unescapeX = (s: string) =>
  s.indexOf("_x") < 0
    ? s
    : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) =>
        String.fromCharCode(Number.parseInt(h, 16)),
      );

/** Column index (0-based) of a cell reference such as `AB12`. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}

/** Built-in number formats that are dates or times (14–22, 45–47; East Asian 27–36, 50–58). */
function builtinDate(id: number): boolean {
  return (
    (id >= 14 && id <= 22) ||
    (id >= 27 && id <= 36) ||
    (id >= 45 && id <= 47) ||
    (id >= 50 && id <= 58)
  );
}

/**
 * Whether a custom number format shows a date: after quoted text, escapes and bracketed parts
 * are removed, it has a `y` or `d`, or an `m` with no hours or seconds beside it (`mm:ss` is
 * minutes).
 * @example isDateFormat('yyyy"年"m"月"d"日"') // true
 */
export function isDateFormat(code: string): boolean {
  const s = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .toLowerCase();
  if (s.includes("general")) return false;
  if (/[dy]/.test(s)) return true;
  return /m/.test(s) && !/[hs]/.test(s);
}

/** The workbook's parts, by lower-cased path. */
type Parts = Map<string, ZipEntry>;

function part(parts: Parts, path: string): ZipEntry | undefined {
  return parts.get(path.replace(/^\//, "").toLowerCase());
}

/** The folder of a part's path (`xl/workbook.xml` → `xl`; `workbook.xml` → ``). */
const dirOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf("/")));

/**
 * A relationship's target resolved against its owner's folder, `.` and `..` steps taken.
 * @example resolvePart("xl", "../docProps/app.xml") // "docProps/app.xml"
 */
export function resolvePart(dir: string, target: string): string {
  const out: string[] = [];
  for (const step of `${dir}/${target}`.split("/")) {
    if (step === "" || step === ".") continue;
    if (step === "..") out.pop();
    else out.push(step);
  }
  return out.join("/");
}

/** Relationships of a part: id → { target path, type }. */
function relationships(
  zip: PartReader,
  parts: Parts,
  owner: string,
): Map<string, { target: string; type: string }> {
  const dir = dirOf(owner);
  const relsPath = resolvePart(dir, `_rels/${owner.slice(owner.lastIndexOf("/") + 1)}.rels`);
  const entry = part(parts, relsPath);
  const rels = new Map<string, { target: string; type: string }>();
  if (!entry) return rels;
  parseXml(zip.whole(entry), {
    open(name, a) {
      if (name !== "Relationship" || !a.Id || !a.Target || a.TargetMode === "External") return;
      const target = a.Target.startsWith("/") ? a.Target.slice(1) : resolvePart(dir, a.Target);
      rels.set(a.Id, { target, type: a.Type ?? "" });
    },
  });
  return rels;
}

interface SheetInfo {
  name: string;
  target: string | undefined;
  type: string;
  hidden: boolean;
}

interface Workbook {
  sheets: SheetInfo[];
  date1904: boolean;
  sharedStrings: string | undefined;
  styles: string | undefined;
}

function readWorkbook(zip: PartReader, parts: Parts): Workbook {
  const root = relationships(zip, parts, "");
  let workbookPath = "xl/workbook.xml";
  for (const r of root.values()) if (r.type.endsWith("/officeDocument")) workbookPath = r.target;
  const entry = part(parts, workbookPath);
  if (!entry) throw new Error(`no workbook part ${workbookPath}`);
  const rels = relationships(zip, parts, workbookPath);
  const sheets: SheetInfo[] = [];
  let date1904 = false;
  parseXml(zip.whole(entry), {
    open(name, a) {
      if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      if (name !== "sheet") return;
      const id = a["r:id"] ?? Object.entries(a).find(([k]) => local(k) === "id")?.[1];
      const rel = id ? rels.get(id) : undefined;
      sheets.push({
        name: a.name ?? "",
        target: rel?.target,
        type: rel?.type ?? "",
        hidden: a.state === "hidden" || a.state === "veryHidden",
      });
    },
  });
  let sharedStrings: string | undefined;
  let styles: string | undefined;
  for (const r of rels.values()) {
    if (r.type.endsWith("/sharedStrings")) sharedStrings = r.target;
    if (r.type.endsWith("/styles")) styles = r.target;
  }
  return {
    sheets,
    date1904,
    sharedStrings: sharedStrings ?? "xl/sharedStrings.xml",
    styles: styles ?? "xl/styles.xml",
  };
}

/** Which cell styles (`s`, an index into `cellXfs`) show numbers as dates. */
function dateStyles(zip: PartReader, parts: Parts, path: string | undefined): boolean[] {
  const entry = path ? part(parts, path) : undefined;
  if (!entry) return [];
  const formats = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  parseXml(zip.whole(entry), {
    open(name, a) {
      if (name === "numFmt" && a.numFmtId !== undefined) {
        formats.set(Number(a.numFmtId), a.formatCode ?? "");
      } else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) xfs.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return xfs.map((id) => {
    const code = formats.get(id);
    return code !== undefined ? isDateFormat(code) : builtinDate(id);
  });
}

/** The shared strings, streamed (a sheet of ids as text holds one per row). */
async function sharedStrings(
  zip: PartReader,
  parts: Parts,
  path: string | undefined,
): Promise<string[]> {
  const entry = path ? part(parts, path) : undefined;
  if (!entry) return [];
  const strings: string[] = [];
  let text = "";
  let inT = false;
  let inPhonetic = false;
  const parser = xmlParser({
    open(name) {
      if (name === "si") text = "";
      else if (name === "t") inT = !inPhonetic;
      else if (name === "rPh") inPhonetic = true;
    },
    close(name) {
      if (name === "t") inT = false;
      else if (name === "rPh") inPhonetic = false;
      else if (name === "si") strings.push(unescapeX(text));
    },
    text(t) {
      if (inT) text += t;
    },
  });
  const decoder = new TextDecoder();
  await zip.stream(entry, (chunk) => parser.write(decoder.decode(chunk, { stream: true })));
  parser.write(decoder.decode());
  parser.close();
  return strings;
}

const DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

const isoDays = new Map<number, string>();

/** A date cell's serial as an ISO date (a whole day) or a Date (with a time of day). */
function serialDate(serial: number, date1904: boolean): string | Date {
  const whole = Number.isInteger(serial);
  const key = date1904 ? -serial - 1e6 : serial;
  if (whole) {
    const hit = isoDays.get(key);
    if (hit !== undefined) return hit;
  }
  // Excel's 1900 system counts a 29 February 1900 that never was: serials before it are a day off.
  const ms = date1904
    ? EPOCH_1904 + serial * DAY
    : EPOCH_1900 + (serial < 61 && serial >= 1 ? serial + 1 : serial) * DAY;
  const d = new Date(Math.round(ms));
  if (!whole) return d;
  const iso = d.toISOString().slice(0, 10);
  if (isoDays.size < 100_000) isoDays.set(key, iso);
  return iso;
}

/** Rows per progress report. */
const PROGRESS = 4096;

/** Streams one sheet's XML into a collector. */
async function readSheet(
  zip: PartReader,
  entry: ZipEntry,
  strings: readonly string[],
  dates: readonly boolean[],
  date1904: boolean,
  collector: RecordCollector,
  ctx: ReadContext,
): Promise<void> {
  let rowNumber = 0;
  let cells: unknown[] = [];
  let col = 0;
  let type: string | undefined;
  let style = 0;
  let text = "";
  let capture = false;
  let inInline = false;
  let inPhonetic = false;
  let hasValue = false;
  let counted = 0;
  const parser = xmlParser({
    open(name, a) {
      switch (name) {
        case "c": {
          const r = a.r;
          if (r !== undefined) col = columnOf(r);
          type = a.t;
          style = a.s === undefined ? 0 : Number(a.s);
          text = "";
          hasValue = false;
          break;
        }
        case "v":
          capture = true;
          hasValue = true;
          break;
        case "is":
          inInline = true;
          hasValue = true;
          break;
        case "t":
          if (inInline && !inPhonetic) capture = true;
          break;
        case "rPh":
          inPhonetic = true;
          break;
        case "row": {
          const r = a.r;
          rowNumber = r === undefined ? rowNumber + 1 : Number(r);
          cells = [];
          col = 0;
          break;
        }
      }
    },
    close(name) {
      switch (name) {
        case "v":
        case "t":
          capture = false;
          break;
        case "is":
          inInline = false;
          break;
        case "rPh":
          inPhonetic = false;
          break;
        case "c": {
          if (hasValue) {
            const v = cellValue(text, type, style);
            if (v !== undefined) cells[col] = v;
          }
          col++;
          break;
        }
        case "row":
          collector.record(cells, rowNumber);
          if (++counted === PROGRESS) {
            ctx.onRows?.(counted);
            counted = 0;
          }
          break;
      }
    },
    text(t) {
      if (capture) text += t;
    },
  });
  function cellValue(v: string, t: string | undefined, s: number): unknown {
    switch (t) {
      case "s":
        return strings[Number(v)];
      case "inlineStr":
      case "str":
        return unescapeX(v);
      case "b":
        return v === "1" || v === "true";
      case "e":
        return v;
      case "d":
        return /^\d{4}-\d{2}-\d{2}(T00:00(:00(\.0+)?)?Z?)?$/.test(v) ? v.slice(0, 10) : v;
      default: {
        if (v === "") return undefined;
        const n = Number(v);
        if (Number.isNaN(n)) return v;
        return dates[s] ? serialDate(n, date1904) : n;
      }
    }
  }
  const decoder = new TextDecoder();
  await zip.stream(entry, (chunk) => parser.write(decoder.decode(chunk, { stream: true })));
  parser.write(decoder.decode());
  parser.close();
  if (counted > 0) ctx.onRows?.(counted);
}

/**
 * Reads a workbook's bytes into the loader, sheet by sheet in the workbook's order. `name` names
 * the workbook in findings and errors.
 */
export async function readXlsx(bytes: Uint8Array, name: string, ctx: ReadContext): Promise<void> {
  const at = (entry: ZipEntry) => `${name}/${entry.name}`;
  const zip: PartReader = {
    whole: (entry) => entryBytes(bytes, entry, ctx.budget, at(entry)),
    stream: (entry, onChunk) => streamEntry(bytes, entry, onChunk, ctx.budget, at(entry)),
  };
  const fail = (error: unknown, where = "") =>
    error instanceof ReadLimitError
      ? error
      : new InputError(
          name,
          `无法按 XLSX 工作簿读取${where ? `（工作表“${where}”）` : ""} / cannot be read as an XLSX workbook${where ? ` (sheet ${where})` : ""}: ${(error as Error).message}`,
        );
  let parts: Parts;
  let workbook: Workbook;
  let strings: string[];
  let dates: boolean[];
  try {
    parts = new Map(zipEntries(bytes).map((e) => [e.name.replace(/^\//, "").toLowerCase(), e]));
    workbook = readWorkbook(zip, parts);
    dates = dateStyles(zip, parts, workbook.styles);
    strings = await sharedStrings(zip, parts, workbook.sharedStrings);
  } catch (error) {
    throw fail(error);
  }
  for (const sheet of workbook.sheets) {
    const collection = sheetCollection(sheet.name);
    const entry = sheet.target ? part(parts, sheet.target) : undefined;
    // Chart sheets hold no rows; a hidden sheet of no known name is a lookup list.
    if (!entry || !sheet.type.endsWith("/worksheet") || (sheet.hidden && !collection)) continue;
    const source = {
      file: name,
      sheet: sheet.name,
      collection,
      // Instructions (填表说明) are not a table to warn about.
      quietIfUnrecognised: sheet.name.includes("说明"),
    };
    const collector = new RecordCollector(ctx, source);
    try {
      await readSheet(zip, entry, strings, dates, workbook.date1904, collector, ctx);
    } catch (error) {
      throw fail(error, sheet.name);
    }
    collector.finish();
  }
}
