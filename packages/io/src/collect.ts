/**
 * Turns records (arrays of cells, header first) of one collection into rows for core's loader, in
 * batches, with their lines. Unknown columns are reported once per file; a ragged line or a
 * repeated header is a `data.malformed-row` finding and is skipped, its neighbours kept.
 */
import {
  type CollectionName,
  type DatasetLoader,
  dataFinding,
  fieldForHeader,
} from "@shuangbao/core";

const BATCH = 4096;

export class RecordCollector {
  private header: string[] | undefined;
  private fields: (string | undefined)[] = [];
  private batch: (readonly unknown[])[] = [];
  private lines: number[] = [];

  constructor(
    private readonly loader: DatasetLoader,
    private readonly collection: CollectionName,
    private readonly file: string,
    private readonly sheet?: string,
  ) {}

  private source(line: number) {
    return { file: this.file, ...(this.sheet ? { sheet: this.sheet } : {}), line };
  }

  /** Adds one record read at `line` (1-based; the header is the first record). */
  record(cells: readonly unknown[], line: number): void {
    if (!this.header) {
      if (cells.every((c) => c === null || c === undefined || String(c).trim() === "")) return;
      this.header = cells.map((c) => (c === null || c === undefined ? "" : String(c).trim()));
      this.fields = this.header.map((h) => fieldForHeader(this.collection, h));
      this.header.forEach((h, i) => {
        if (this.fields[i] !== undefined || h === "") return;
        this.loader.addFinding(
          dataFinding(
            "data.unknown-column",
            "unknownColumn",
            { collection: this.collection, id: "*" },
            { field: h },
            { source: this.source(line), field: h },
          ),
        );
      });
      return;
    }
    const header = this.header;
    const isHeader =
      cells.length === header.length && cells.every((c, i) => String(c ?? "").trim() === header[i]);
    let extra = cells.length > header.length;
    if (extra && this.sheet !== undefined) {
      // XLSX rows carry no trailing separators: only a value past the last header is ragged.
      extra = cells
        .slice(header.length)
        .some((c) => c !== null && c !== undefined && String(c).trim() !== "");
    }
    const ragged = this.sheet === undefined ? cells.length !== header.length : extra;
    if (isHeader || ragged) {
      this.flush();
      const position = this.loader.skipPosition(this.collection);
      const problem = isHeader
        ? "repeated header / 重复的表头"
        : `${cells.length} fields where the header has ${header.length} / 字段数 ${cells.length} 与表头 ${header.length} 不符`;
      this.loader.addFinding(
        dataFinding(
          "data.malformed-row",
          "malformedRow",
          { collection: this.collection, id: `#${position}` },
          { line, problem },
          { source: this.source(line) },
        ),
      );
      return;
    }
    this.batch.push(cells);
    this.lines.push(line);
    if (this.batch.length >= BATCH) this.flush();
  }

  /** Hands the pending rows to the loader. */
  flush(): void {
    if (this.batch.length === 0) return;
    this.loader.addRecords(this.collection, this.fields, this.batch, {
      file: this.file,
      ...(this.sheet ? { sheet: this.sheet } : {}),
      lines: this.lines,
    });
    this.batch = [];
    this.lines = [];
  }
}
