/**
 * One copy of each repeated text a loaded dataset keeps: the dates and the references to other
 * rows that thousands of rows share (a household's village, the cadre who verified it, the day a
 * helper started). A province keeps millions of rows; without this each keeps its own copy of
 * every such cell, and the collector walks all of them. A field whose cells do not repeat (a
 * reference to a household, which one assignment names) stops being pooled after a sample.
 */
import { ownString } from "./normalise.js";

/** Cells looked at before a field's pool judges whether they repeat. */
const SAMPLE = 4096;
/** Pooling stops for a field unless at least this share of its sample was found in its pool. */
const MIN_HIT_RATE = 0.5;
/** Most texts one field's pool keeps: the rest are copied as they come. */
const MAX_TEXTS = 1 << 17;

/** The pool of one field: `own(text)` is the kept copy, made once. */
export class FieldPool {
  private readonly texts = new Map<string, string>();
  private looked = 0;
  private hits = 0;
  /** False once the field's sample shows its cells do not repeat. */
  private pooling = true;

  /** How many texts the pool keeps. */
  get size(): number {
    return this.texts.size;
  }

  /**
   * The text's one copy (a copy of its own: never a slice that keeps a parser's whole chunk).
   * @example pool.own("2015-03-01") === pool.own("2015-03-01".slice(0)) // true
   */
  own(text: string): string {
    if (!this.pooling) return ownString(text);
    const kept = this.texts.get(text);
    if (this.looked < SAMPLE && ++this.looked === SAMPLE) {
      this.pooling = this.hits + (kept === undefined ? 0 : 1) >= SAMPLE * MIN_HIT_RATE;
      if (!this.pooling) this.texts.clear();
    }
    if (kept !== undefined) {
      this.hits++;
      return kept;
    }
    const copy = ownString(text);
    if (this.pooling && this.texts.size < MAX_TEXTS) this.texts.set(copy, copy);
    return copy;
  }
}

/** The pools of one load, a pool per collection and field. */
export class StringPools {
  private readonly pools = new Map<string, FieldPool>();

  /** The pool of a collection's field. */
  of(collection: string, field: string): FieldPool {
    const key = `${collection}\u0000${field}`;
    let pool = this.pools.get(key);
    if (!pool) {
      pool = new FieldPool();
      this.pools.set(key, pool);
    }
    return pool;
  }
}
