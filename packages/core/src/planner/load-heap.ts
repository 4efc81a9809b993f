/**
 * A min-heap of helpers keyed by their load (households helped), ties to the lower index (the
 * earlier row of `people`). Loads live in one shared array and change outside the heap, so keys
 * are checked when read: a key below the load is re-pushed, a key above it is dropped — whoever
 * lowers a load pushes the helper again into every heap that holds it.
 */
export class LoadHeap {
  private readonly keys: number[] = [];
  private readonly items: number[] = [];
  private readonly loads: Int32Array;

  constructor(loads: Int32Array) {
    this.loads = loads;
  }

  /** Adds a helper (or refreshes its key after its load went down). */
  push(item: number): void {
    const key = this.loads[item]!;
    const { keys, items } = this;
    let i = items.length;
    keys.push(key);
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(key, item, keys[parent]!, items[parent]!)) break;
      keys[i] = keys[parent]!;
      items[i] = items[parent]!;
      i = parent;
    }
    keys[i] = key;
    items[i] = item;
  }

  /** The helper with the least load now (ties: the lowest index); undefined when empty. */
  top(): number | undefined {
    while (this.items.length > 0) {
      const item = this.items[0]!;
      const key = this.keys[0]!;
      const load = this.loads[item]!;
      if (key === load) return item;
      this.pop();
      if (key < load) this.push(item);
    }
    return undefined;
  }

  private less(k1: number, i1: number, k2: number, i2: number): boolean {
    return k1 < k2 || (k1 === k2 && i1 < i2);
  }

  private pop(): void {
    const { keys, items } = this;
    const lastKey = keys.pop()!;
    const lastItem = items.pop()!;
    const n = items.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && this.less(keys[r]!, items[r]!, keys[l]!, items[l]!) ? r : l;
      if (!this.less(keys[c]!, items[c]!, lastKey, lastItem)) break;
      keys[i] = keys[c]!;
      items[i] = items[c]!;
      i = c;
    }
    keys[i] = lastKey;
    items[i] = lastItem;
  }
}
