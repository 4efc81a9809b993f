/**
 * The loader's data findings, at most `limit` of one kind in one column of one file: past it, a
 * row's finding is counted, not kept, and one finding per such column says how many more there
 * are (`moreOfTheSame`). A visits file read without its people has one finding per visit — on a
 * city, millions, which would exhaust memory before a report is written; its first findings say
 * as much as all of them.
 */
import { type DataCheckId, dataFinding } from "./data-messages.js";
import type { Finding, Source } from "./findings.js";

const columnKey = (check: string, collection: string, field: string, source: Source | undefined) =>
  `${check}\u0000${collection}\u0000${field}\u0000${source?.file ?? ""}\u0000${source?.sheet ?? ""}`;

/** The default of `LoaderOptions.maxFindingsPerColumn`. */
export const DEFAULT_MAX_FINDINGS_PER_COLUMN = 10_000;

interface Column {
  first: Finding;
  kept: number;
  more: number;
}

export class CappedFindings {
  readonly list: Finding[] = [];
  private readonly columns = new Map<string, Column>();
  private readonly limit: number;
  /** The header of a collection's field, for the summary's message. */
  private readonly headerOf: (collection: string, field: string) => string;

  constructor(limit: number, headerOf: (collection: string, field: string) => string) {
    this.limit = limit;
    this.headerOf = headerOf;
  }

  /**
   * Counts a row's finding of `check` in a column without making it, when the column already has
   * `limit` of them (`true`); `false`: make it and `push` it. For checks that may find one per
   * row of millions.
   */
  countIfFull(
    check: string,
    collection: string,
    field: string,
    source: Source | undefined,
  ): boolean {
    const column = this.columns.get(columnKey(check, collection, field, source));
    if (column === undefined || column.kept < this.limit) return false;
    column.more++;
    return true;
  }

  /** Keeps each finding, unless its column already has `limit` of its kind. */
  push(...findings: Finding[]): void {
    for (const f of findings) {
      // A finding about a whole column or collection (`id` "*") is never counted against one.
      if (f.entity.id === "*" || f.field === undefined) {
        this.list.push(f);
        continue;
      }
      const key = columnKey(f.ruleId, f.entity.collection, f.field, f.source);
      let column = this.columns.get(key);
      if (!column) {
        column = { first: f, kept: 0, more: 0 };
        this.columns.set(key, column);
      }
      if (column.kept < this.limit) {
        column.kept++;
        this.list.push(f);
      } else column.more++;
    }
  }

  /** The findings kept, then one per column past the limit saying how many more there are. */
  all(): Finding[] {
    for (const { first, more } of this.columns.values()) {
      if (more === 0) continue;
      const { collection } = first.entity;
      const field = first.field!;
      const f = dataFinding(
        first.ruleId as DataCheckId,
        "moreOfTheSame",
        { collection, id: "*" },
        { field, header: this.headerOf(collection, field), count: more, limit: this.limit },
        {
          field,
          ...(first.source
            ? {
                source: {
                  file: first.source.file,
                  ...(first.source.sheet ? { sheet: first.source.sheet } : {}),
                },
              }
            : {}),
        },
      );
      this.list.push(f);
    }
    this.columns.clear();
    return this.list;
  }
}
