/**
 * A growable typed array: the one column the compact stores build on (the visit store, runs of
 * provenance, a batch of visit columns, the byte interner's entries). It doubles while small,
 * then grows by a quarter, so that a province's columns are neither twice their size nor three
 * times it while one is copied; `reserve` makes room once for a count known ahead.
 */
export type ColumnArray =
  | Int32Array<ArrayBuffer>
  | Uint8Array<ArrayBuffer>
  | Uint16Array<ArrayBuffer>
  | Int8Array<ArrayBuffer>;

export class Column<A extends ColumnArray> {
  data: A;
  constructor(
    private readonly make: (n: number) => A,
    capacity = 1024,
  ) {
    this.data = make(Math.max(16, capacity));
  }

  set(i: number, v: number): void {
    if (i >= this.data.length) {
      const n = this.data.length;
      this.resize(Math.max(i + 1, n < 1 << 22 ? n * 2 : n + (n >> 2)));
    }
    this.data[i] = v;
  }

  /** Makes room for `n` values in all (a store told how many are coming grows once). */
  reserve(n: number): void {
    if (n > this.data.length) this.resize(n);
  }

  /** The first `n` values, in an array of their own. */
  slice(n: number): A {
    return this.data.slice(0, n) as A;
  }

  private resize(n: number): void {
    const bigger = this.make(n);
    bigger.set(this.data);
    this.data = bigger;
  }
}
