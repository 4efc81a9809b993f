/**
 * Turns records (arrays of cells) of one source — a CSV file, a sheet, a zip entry — into rows for
 * core's loader, in batches, with their lines.
 *
 * The header row is found by matching the collection's headers: title rows, notes and blank rows
 * above it are passed over (they are not findings). A source whose name names no collection is
 * recognised by its headers, or reported once as not recognised. Unknown columns are reported
 * once per file (a workbook's continuation sheets included); blank rows are skipped; a ragged
 * line or a repeated header is a `data.malformed-row` finding and is skipped, its neighbours kept.
 */
import {
  COLLECTIONS,
  type CollectionName,
  type DatasetLoader,
  dataFinding,
  fieldForHeader,
  type VisitColumns,
} from "@shuangbao/core";
import {
  bestCollection,
  HEADER_MIN_MATCH,
  HEADER_SEARCH_ROWS,
  headerScore,
  headerText,
  isBlankRow,
  repeatsHeader,
} from "./headers.js";
import { DEFAULT_READ_LIMITS, InflateBudget, ReadLimitError, type ReadLimits } from "./limits.js";
import type { ParallelOptions, ReadOptions } from "./read-bytes.js";
import type { SourceStructure } from "./structure.js";

const BATCH = 4096;

/** What one read shares across its sources. */
export interface ReadContext {
  loader: DatasetLoader;
  onRows?: ((n: number) => void) | undefined;
  structure?: SourceStructure[] | undefined;
  /** Unknown columns already reported, by file, collection and header. */
  unknownSeen: Set<string>;
  limits: ReadLimits;
  /** The inflated bytes the read's archives and workbooks may still take. */
  budget: InflateBudget;
  /** Rows read so far, by collection (over every source: a collection may span files). */
  rowCounts: Map<CollectionName, number>;
  /** How a large visits file on disk may be read on worker threads. */
  parallel: Partial<ParallelOptions>;
  /** The read's timings, where asked for (`workerBytes` is counted here). */
  timings?: ReadOptions["timings"];
}

/** A new read context around a loader. */
export function readContext(
  loader: DatasetLoader,
  options: {
    onRows?: ((n: number) => void) | undefined;
    structure?: SourceStructure[] | undefined;
    limits?: Partial<ReadLimits> | undefined;
    parallel?: Partial<ParallelOptions> | undefined;
    timings?: ReadOptions["timings"];
  },
): ReadContext {
  const limits = { ...DEFAULT_READ_LIMITS, ...options.limits };
  return {
    loader,
    onRows: options.onRows,
    structure: options.structure,
    unknownSeen: new Set(),
    limits,
    budget: new InflateBudget(limits.inflatedBytes),
    rowCounts: new Map(),
    parallel: options.parallel ?? {},
    ...(options.timings ? { timings: options.timings } : {}),
  };
}

/**
 * Counts `n` more rows of `collection` read from `path`; throws `ReadLimitError` when the
 * collection passes the rows limit.
 */
export function countRows(
  ctx: ReadContext,
  collection: CollectionName,
  n: number,
  path: string,
): void {
  const total = (ctx.rowCounts.get(collection) ?? 0) + n;
  ctx.rowCounts.set(collection, total);
  if (total > ctx.limits.rows) {
    throw new ReadLimitError(path, "rows", ctx.limits.rows, {
      zh: `数据表“${COLLECTIONS[collection].zh}”的行数`,
      en: `collection ${collection} has`,
      unit: "rows",
    });
  }
}

/** One source of records. */
export interface SourceInfo {
  /** The file as findings name it. */
  file: string;
  /** The file as the structure report names it, when not `file` ("archive.zip/村.csv"). */
  label?: string | undefined;
  sheet?: string | undefined;
  /** The collection its name names; `undefined`: recognise it by its headers. */
  collection?: CollectionName | undefined;
  /** The text encoding of a CSV. */
  encoding?: string | undefined;
  /** Whether an unrecognised source is a finding (not for notes and instructions). */
  quietIfUnrecognised?: boolean;
}

/** Pushes a structure entry for a source that is not read as any collection. */
export function unrecognised(ctx: ReadContext, source: SourceInfo, report = true): void {
  if (report) {
    const name = source.sheet ?? source.file.replace(/^.*\//, "");
    ctx.loader.addFinding(
      dataFinding(
        "data.unknown-column",
        "unknownCollection",
        { collection: name, id: "*" },
        {},
        { source: { file: source.file, ...(source.sheet ? { sheet: source.sheet } : {}) } },
      ),
    );
  }
  ctx.structure?.push({
    file: source.label ?? source.file,
    ...(source.sheet !== undefined ? { sheet: source.sheet } : {}),
    matched: [],
    ignored: [],
    rows: 0,
    ...(source.encoding ? { encoding: source.encoding } : {}),
  });
}

type State = "seeking" | "data" | "ignored";

export class RecordCollector {
  private state: State = "seeking";
  private collection: CollectionName | undefined;
  private recognisedBy: "name" | "headers" | undefined;
  private headerLine: number | undefined;
  private header: string[] = [];
  private fields: (string | undefined)[] = [];
  private pending: { cells: readonly unknown[]; line: number }[] = [];
  private batch: (readonly unknown[])[] = [];
  private lines: number[] = [];
  private rows = 0;
  /** The rows this source may still hold (the limit less earlier sources' rows). */
  private rowsLeft: number | undefined;
  /** Cells of this source so far (each record counts its width). */
  private cells = 0;
  private sawRows = false;
  private finished = false;

  constructor(
    private readonly ctx: ReadContext,
    private readonly source: SourceInfo,
  ) {
    this.collection = source.collection;
    if (source.collection) this.recognisedBy = "name";
  }

  private at(line: number) {
    return {
      file: this.source.file,
      ...(this.source.sheet !== undefined ? { sheet: this.source.sheet } : {}),
      line,
    };
  }

  /** The file as findings name it. */
  get file(): string {
    return this.source.file;
  }

  /** Adds one record read at `line` (1-based). */
  record(cells: readonly unknown[], line: number): void {
    this.cells += cells.length;
    if (this.cells > this.ctx.limits.cells) this.tooManyCells(line);
    if (this.state === "data") {
      this.data(cells, line);
      return;
    }
    if (this.state === "ignored" || isBlankRow(cells)) return;
    this.sawRows = true;
    this.pending.push({ cells, line });
    if (this.collection) {
      if (headerScore(this.collection, cells) >= HEADER_MIN_MATCH) {
        this.useHeader(this.pending.length - 1);
      } else if (this.pending.length >= HEADER_SEARCH_ROWS) this.bestHeader();
      return;
    }
    const best = bestCollection(cells);
    if (best.score >= HEADER_MIN_MATCH) {
      if (best.tie) this.ignore();
      else {
        this.collection = best.collection;
        this.recognisedBy = "headers";
        this.useHeader(this.pending.length - 1);
      }
    } else if (this.pending.length >= HEADER_SEARCH_ROWS) this.ignore();
  }

  /** Throws the cells limit's error at `line`. */
  private tooManyCells(line: number): never {
    const where = this.source.sheet ?? this.source.file;
    throw new ReadLimitError(this.path(line), "cells", this.ctx.limits.cells, {
      zh: `${this.source.sheet !== undefined ? "工作表" : "文件"}“${where}”的单元格数`,
      en: `${this.source.sheet !== undefined ? "sheet" : "file"} ${where} has`,
      unit: "cells",
    });
  }

  /** No header matched well: the best-matching of the rows searched, else the first row. */
  private bestHeader(): void {
    let best = 0;
    let bestScore = 0;
    this.pending.forEach((p, i) => {
      const s = headerScore(this.collection!, p.cells);
      if (s > bestScore) {
        best = i;
        bestScore = s;
      }
    });
    this.useHeader(best);
  }

  private ignore(): void {
    this.state = "ignored";
    this.pending = [];
  }

  private useHeader(index: number): void {
    const collection = this.collection!;
    const { cells, line } = this.pending[index]!;
    const rest = this.pending.slice(index + 1);
    this.pending = [];
    this.state = "data";
    this.headerLine = line;
    this.header = cells.map(headerText);
    this.fields = this.header.map((h) => (h === "" ? undefined : fieldForHeader(collection, h)));
    const reported = new Set<string>();
    this.header.forEach((h, i) => {
      if (this.fields[i] !== undefined || h === "" || reported.has(h)) return;
      reported.add(h);
      const key = `${this.source.file}\u0000${collection}\u0000${h}`;
      if (this.ctx.unknownSeen.has(key)) return;
      this.ctx.unknownSeen.add(key);
      this.ctx.loader.addFinding(
        dataFinding(
          "data.unknown-column",
          "unknownColumn",
          { collection, id: "*" },
          { field: h },
          { source: this.at(line), field: h },
        ),
      );
    });
    for (const r of rest) this.data(r.cells, r.line);
  }

  private data(cells: readonly unknown[], line: number): void {
    if (isBlankRow(cells)) return;
    const header = this.header;
    const isHeader = repeatsHeader(header, cells);
    // A value past the last header column is ragged; so is a CSV line short of the header (a
    // sheet's rows carry no trailing empty cells).
    const ragged =
      (cells.length > header.length &&
        cells
          .slice(header.length)
          .some((c) => c !== null && c !== undefined && String(c).trim() !== "")) ||
      (this.source.sheet === undefined && cells.length < header.length);
    if (isHeader || ragged) {
      this.flush();
      const collection = this.collection!;
      const position = this.ctx.loader.skipPosition(collection);
      const problem = isHeader
        ? "repeated header / 重复的表头"
        : `${cells.length} fields where the header has ${header.length} / 字段数 ${cells.length} 与表头 ${header.length} 不符`;
      this.ctx.loader.addFinding(
        dataFinding(
          "data.malformed-row",
          "malformedRow",
          { collection, id: `#${position}` },
          { line, problem },
          { source: this.at(line) },
        ),
      );
      return;
    }
    this.batch.push(cells);
    this.lines.push(line);
    // What earlier sources of the collection left of the rows limit, taken at its first row.
    const collection = this.collection!;
    this.rowsLeft ??= this.ctx.limits.rows - (this.ctx.rowCounts.get(collection) ?? 0);
    if (++this.rows > this.rowsLeft) countRows(this.ctx, collection, this.rows, this.path(line));
    if (this.batch.length >= BATCH) this.flush();
  }

  /**
   * The header found, once records are coming (`undefined` before, or when the source is
   * ignored): what a reader on another thread needs to encode the rest (`addEncoded`).
   */
  get dataHeader():
    | {
        collection: CollectionName;
        fields: readonly (string | undefined)[];
        header: readonly string[];
      }
    | undefined {
    if (this.state !== "data" || !this.collection) return undefined;
    return { collection: this.collection, fields: this.fields, header: this.header };
  }

  /**
   * Adds a batch of records a worker encoded (`encodeVisitRecords` with this source's fields):
   * its compact rows in runs, and each raw record (`raw[j]` is record `columns.raw[j]`) through
   * `record` in its place, so that limits, findings and positions are what `record` would make
   * of every record. `lineBase`: the line of the batch's record 0.
   */
  addEncoded(columns: VisitColumns, raw: readonly (readonly unknown[])[], lineBase: number): void {
    let k = 0;
    for (let j = 0; j <= raw.length; j++) {
      const r = j < raw.length ? columns.raw[j]! : Number.POSITIVE_INFINITY;
      let to = k;
      while (to < columns.length && columns.record[to]! < r) to++;
      if (to > k) this.compactRun(columns, k, to, lineBase);
      k = to;
      if (j < raw.length) this.record(raw[j]!, lineBase + r);
    }
  }

  /** The reader's estimate of how many more records are coming (a hint the loader may use). */
  expectRecords(n: number): void {
    if (this.state === "data" && this.collection) this.ctx.loader.expectRows(this.collection, n);
  }

  /** Compact rows `from` to `to` of a batch, counted against the limits as `data` counts rows. */
  private compactRun(columns: VisitColumns, from: number, to: number, lineBase: number): void {
    this.flush();
    const width = this.header.length;
    const n = to - from;
    const line = (k: number) => lineBase + columns.record[k]!;
    // The first row past a limit is named, as `record` and `data` would name it.
    if (this.cells + n * width > this.ctx.limits.cells)
      this.tooManyCells(line(from + Math.floor((this.ctx.limits.cells - this.cells) / width)));
    this.cells += n * width;
    const collection = this.collection!;
    this.rowsLeft ??= this.ctx.limits.rows - (this.ctx.rowCounts.get(collection) ?? 0);
    if (this.rows + n > this.rowsLeft) {
      const k = from + Math.max(0, this.rowsLeft - this.rows);
      countRows(this.ctx, collection, this.rowsLeft + 1, this.path(line(k)));
    }
    this.rows += n;
    this.ctx.loader.addVisitColumns(
      columns,
      from,
      to,
      { file: this.source.file, sheet: this.source.sheet },
      lineBase,
    );
  }

  /** The source and line as errors name them: `workbook.xlsx（工作表：贫困户）第 12 行`. */
  private path(line: number): string {
    const file = this.source.label ?? this.source.file;
    const sheet = this.source.sheet !== undefined ? `（工作表：${this.source.sheet}）` : "";
    return `${file}${sheet}第 ${line} 行 / line ${line}`;
  }

  /** Hands the pending rows to the loader. */
  flush(): void {
    if (this.batch.length === 0) return;
    this.ctx.loader.addRecords(this.collection!, this.fields, this.batch, {
      file: this.source.file,
      ...(this.source.sheet !== undefined ? { sheet: this.source.sheet } : {}),
      lines: this.lines,
    });
    this.batch = [];
    this.lines = [];
  }

  /** Ends the source: decides a header still sought, flushes, records the structure. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.state === "seeking") {
      if (this.collection && this.pending.length > 0) this.bestHeader();
      else if (!this.collection) this.ignore();
    }
    this.flush();
    if (this.collection && this.rows > 0) countRows(this.ctx, this.collection, this.rows, "");
    if (this.state === "ignored" || !this.collection) {
      // An empty sheet of no known name (Excel's blank Sheet2) is nothing to warn about.
      const quiet =
        this.source.quietIfUnrecognised || (this.source.sheet !== undefined && !this.sawRows);
      unrecognised(this.ctx, this.source, !quiet);
      return;
    }
    const matched: { header: string; field: string }[] = [];
    const ignored: string[] = [];
    this.header.forEach((h, i) => {
      const f = this.fields[i];
      if (f !== undefined) matched.push({ header: h, field: f });
      else if (h !== "" && !ignored.includes(h)) ignored.push(h);
    });
    this.ctx.structure?.push({
      file: this.source.label ?? this.source.file,
      ...(this.source.sheet !== undefined ? { sheet: this.source.sheet } : {}),
      collection: this.collection,
      ...(this.recognisedBy ? { recognisedBy: this.recognisedBy } : {}),
      ...(this.headerLine !== undefined ? { headerLine: this.headerLine } : {}),
      matched,
      ignored,
      rows: this.rows,
      ...(this.source.encoding ? { encoding: this.source.encoding } : {}),
    });
  }
}
