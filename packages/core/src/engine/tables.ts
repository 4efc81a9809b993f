/**
 * The loaded tables, one per collection: what the loader fills and the index reads (its own
 * module, so that neither imports the other for it).
 */
import type { Rows } from "../schema/collections.js";
import type { CollectionName } from "../schema/fields.js";
import type { Table } from "./table.js";

/** Each collection's table (visits' stays empty: they are stored compactly, `VisitStore`). */
export type Tables = { [C in CollectionName]: Table<Rows[C]> };
