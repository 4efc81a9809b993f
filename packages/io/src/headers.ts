/**
 * Finding a table's header row and, when its file or sheet name says nothing, the collection it
 * holds — by matching cells against the collections' headers (English field names or Chinese
 * headers, core's `fieldForHeader`).
 */
import {
  COLLECTION_NAMES,
  COLLECTIONS,
  type CollectionName,
  fieldForHeader,
} from "@shuangbao/core";

/** Rows searched for the header (title rows, notes and blank rows may come first). */
export const HEADER_SEARCH_ROWS = 20;

/** Known headers a row must match to be taken as the header at once. */
export const HEADER_MIN_MATCH = 2;

/** A cell as header text: trimmed, a BOM dropped, line breaks inside a cell removed. */
export function headerText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  return String(cell)
    .replace(/^\uFEFF/, "")
    .replace(/\s*[\r\n]+\s*/g, "")
    .trim();
}

/** How many distinct fields of `collection` the row's cells name. */
export function headerScore(collection: CollectionName, cells: readonly unknown[]): number {
  const seen = new Set<string>();
  for (const c of cells) {
    const h = headerText(c);
    if (h === "") continue;
    const f = fieldForHeader(collection, h);
    if (f !== undefined) seen.add(f);
  }
  return seen.size;
}

/**
 * The collection whose headers a row matches best: the most fields named, then the larger share
 * of the collection's fields (`id, name` is a city, not a county that lacks two more); `tie` when
 * two collections match equally well.
 */
export function bestCollection(cells: readonly unknown[]): {
  collection: CollectionName | undefined;
  score: number;
  tie: boolean;
} {
  let collection: CollectionName | undefined;
  let score = 0;
  let share = 0;
  let tie = false;
  for (const c of COLLECTION_NAMES) {
    const s = headerScore(c, cells);
    if (s === 0 || s < score) continue;
    const f = s / COLLECTIONS[c].fields.length;
    if (s > score || f > share) {
      collection = c;
      score = s;
      share = f;
      tie = false;
    } else if (f === share) tie = true;
  }
  return { collection, score, tie };
}

/** Whether every cell of a row is empty or blank. */
export function isBlankRow(cells: readonly unknown[]): boolean {
  for (const c of cells) {
    if (c === null || c === undefined) continue;
    if (typeof c === "string" ? c.trim() !== "" : true) return false;
  }
  return true;
}

/**
 * Whether a record repeats a header (`header`: its cells' `headerText`): every cell is its
 * column's header, written as the header row writes it. Cheap for data rows: most differ in
 * their first cell.
 */
export function repeatsHeader(header: readonly string[], cells: readonly unknown[]): boolean {
  if (cells.length !== header.length) return false;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    const h = header[i]!;
    if (c === h) continue;
    if (c === null || c === undefined) {
      if (h === "") continue;
      return false;
    }
    if (typeof c !== "string" || !c.includes(h) || headerText(c) !== h) return false;
  }
  return true;
}

/**
 * The header among a named collection's first records, found as `RecordCollector` finds it
 * (blank rows passed over; the first row matching `HEADER_MIN_MATCH` headers, else the best of
 * `HEADER_SEARCH_ROWS`), or `undefined` when the records end before it is decided. For a reader
 * that looks ahead; the collector's own choice is what counts.
 */
export function findHeader(
  collection: CollectionName,
  records: readonly (readonly unknown[])[],
): number | undefined {
  const pending: number[] = [];
  for (let i = 0; i < records.length; i++) {
    const cells = records[i]!;
    if (isBlankRow(cells)) continue;
    pending.push(i);
    if (headerScore(collection, cells) >= HEADER_MIN_MATCH) return i;
    if (pending.length < HEADER_SEARCH_ROWS) continue;
    let best = pending[0]!;
    let bestScore = 0;
    for (const j of pending) {
      const score = headerScore(collection, records[j]!);
      if (score > bestScore) {
        best = j;
        bestScore = score;
      }
    }
    return best;
  }
  return undefined;
}
