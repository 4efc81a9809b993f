/**
 * A loaded collection: its valid rows, where each came from, its position in the input, and the
 * fields a data check broke (left out of the rules that read them). Provenance is kept compactly
 * (a line number and a file index per row), as a province has millions of rows.
 */
import type { Source } from "./findings.js";

export class Table<T extends object> {
  readonly rows: T[] = [];
  /** Per row: its line (0 when unknown). */
  private readonly lines: number[] = [];
  /** Per row: index into `files` (0: no provenance). */
  private readonly fileOf: number[] = [];
  private readonly files: (Source | undefined)[] = [undefined];
  private lastFile: Source | undefined;
  private lastFileId = 0;
  readonly positions: number[] = [];
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
    this.lines.push(line);
    this.fileOf.push(this.fileIdOf(file));
    this.positions.push(position);
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
    const f = this.files[this.fileOf[i] ?? 0];
    if (!f) return undefined;
    const line = this.lines[i] ?? 0;
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
