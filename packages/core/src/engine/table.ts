/**
 * A loaded collection: its valid rows, where each came from, its position in the input, and the
 * fields a data check broke (left out of the rules that read them). Provenance is kept compactly
 * (as runs of rows, `RowRuns`), as a province has millions of rows.
 */
import type { Source } from "./findings.js";
import { RowRuns } from "./row-runs.js";

export class Table<T extends object> {
  readonly rows: T[] = [];
  /** Per row: its file (an index into `files`, 0: no provenance), line (0: unknown), position. */
  private readonly provenance = new RowRuns();
  private readonly files: (Source | undefined)[] = [undefined];
  private lastFile: Source | undefined;
  private lastFileId = 0;
  readonly byId = new Map<string, number>();
  /** Fields broken by a data check, per row; absent for the (many) rows with none. */
  readonly broken = new Map<T, Set<string>>();

  push(row: T, position: number, source: Source | undefined, id?: string): void {
    this.pushAt(row, position, source, source?.line ?? 0, id);
  }

  /** `push` with the row's file (its `line` ignored) and line given apart (0: unknown). */
  pushAt(row: T, position: number, file: Source | undefined, line: number, id?: string): void {
    if (id !== undefined) this.byId.set(id, this.rows.length);
    this.rows.push(row);
    this.provenance.add(this.fileIdOf(file), line, position);
  }

  /** The position in the input (0-based, in the collection) of the row at index `i`. */
  position(i: number): number {
    return this.provenance.of(i).position;
  }

  private fileIdOf(source: Source | undefined): number {
    if (!source) return 0;
    const last = this.lastFile;
    if (last && last.file === source.file && last.sheet === source.sheet) return this.lastFileId;
    let n = this.files.findIndex(
      (f) => f !== undefined && f.file === source.file && f.sheet === source.sheet,
    );
    if (n < 0) {
      n = this.files.length;
      this.files.push(
        source.sheet ? { file: source.file, sheet: source.sheet } : { file: source.file },
      );
    }
    this.lastFile = this.files[n];
    this.lastFileId = n;
    return n;
  }

  /** Where the row at index `i` came from. */
  source(i: number): Source | undefined {
    if (i < 0 || i >= this.rows.length) return undefined;
    const { file, line } = this.provenance.of(i);
    const f = this.files[file];
    if (!f) return undefined;
    return line ? { ...f, line } : { ...f };
  }

  get(id: string): T | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.rows[i];
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  sourceOf(id: string): Source | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.source(i);
  }

  markBroken(row: T, field: string): void {
    let set = this.broken.get(row);
    if (!set) {
      set = new Set();
      this.broken.set(row, set);
    }
    set.add(field);
  }
}
