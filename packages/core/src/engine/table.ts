/**
 * A loaded collection: its valid rows, where each came from, its position in the input, and the
 * fields a data check broke (left out of the rules that read them).
 */
import type { Source } from "./findings.js";

export class Table<T extends object> {
  readonly rows: T[] = [];
  readonly sources: (Source | undefined)[] = [];
  readonly positions: number[] = [];
  readonly byId = new Map<string, number>();
  /** Fields broken by a data check, per row; absent for the (many) rows with none. */
  readonly broken = new Map<T, Set<string>>();

  push(row: T, position: number, source: Source | undefined, id?: string): void {
    if (id !== undefined) this.byId.set(id, this.rows.length);
    this.rows.push(row);
    this.sources.push(source);
    this.positions.push(position);
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
    return i === undefined ? undefined : this.sources[i];
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
