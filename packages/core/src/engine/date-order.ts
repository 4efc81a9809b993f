/**
 * `data.date-order`, which depends on the audit date: an `endDate` before its row's start, or a
 * date after `asOf` in a field that records something that has happened. The broken field is the
 * `endDate` (or the future date); it is left out of the rules that read it.
 */
import { fromDay, toDay } from "../calendar/calendar.js";
import { COLLECTIONS } from "../schema/collections.js";
import type { CollectionName } from "../schema/fields.js";
import { dataFinding } from "./data-messages.js";
import type { DatasetIndex } from "./dataset-index.js";
import type { Finding } from "./findings.js";
import type { Table } from "./table.js";

const header = (c: CollectionName, f: string) =>
  COLLECTIONS[c].fields.find((x) => x.name === f)?.header ?? f;

/** Runs the date checks at `asOf`; returns the findings and the fields they broke. */
export function checkDateOrder(
  index: DatasetIndex,
  asOf: string,
): { findings: Finding[]; broken: Map<object, Set<string>> } {
  const findings: Finding[] = [];
  const broken = new Map<object, Set<string>>();
  const mark = (row: object, field: string) => {
    const set = broken.get(row) ?? new Set<string>();
    set.add(field);
    broken.set(row, set);
  };
  for (const { name: c, hasId, span, happened, compact } of Object.values(COLLECTIONS)) {
    if (compact || (span === undefined && happened.length === 0)) continue;
    const table = index.tables[c as Exclude<CollectionName, "visits">] as Table<
      Record<string, unknown>
    >;
    // Named only in a finding: a row's position is looked up then, not kept.
    const idOf = (i: number) => (hasId ? String(table.rows[i]!.id) : `#${table.position(i)}`);
    for (let i = 0; i < table.rows.length; i++) {
      const row = table.rows[i]!;
      if (span) {
        const start = row[span.start];
        const end = row[span.end];
        if (typeof start === "string" && typeof end === "string" && end < start) {
          mark(row, span.end);
          findings.push(
            dataFinding(
              "data.date-order",
              "endBeforeStart",
              { collection: c, id: idOf(i) },
              { row: idOf(i), value: end, start },
              { source: table.source(i), field: span.end },
            ),
          );
        }
      }
      for (const f of happened) {
        const value = row[f];
        if (typeof value === "string" && value > asOf) {
          mark(row, f);
          findings.push(
            dataFinding(
              "data.date-order",
              "futureDate",
              { collection: c, id: idOf(i) },
              { row: idOf(i), field: f, header: header(c, f), value, asOf },
              { source: table.source(i), field: f },
            ),
          );
        }
      }
    }
  }
  // Visits are stored compactly, their date as a day number: the same check, read from the store.
  const visits = index.visits;
  const asOfDay = toDay(asOf);
  for (let i = 0; visits.lastDay > asOfDay && i < visits.size; i++) {
    if (visits.dayOf(i) <= asOfDay) continue;
    const v = visits.visit(i);
    const id = `#${v.position}`;
    const value = fromDay(v.day);
    findings.push(
      dataFinding(
        "data.date-order",
        "futureDate",
        { collection: "visits", id },
        { row: id, field: "date", header: header("visits", "date"), value, asOf },
        { source: v.source, field: "date" },
      ),
    );
  }
  return { findings, broken };
}
