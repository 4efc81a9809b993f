/**
 * What a rule reads: its own module, so that the rule model (whose checks take a `RuleContext`)
 * and the context (whose `ok(row)` asks what the rule reads) each import it, not one another.
 */
import type { Rows } from "../schema/collections.js";
import type { CollectionName } from "../schema/fields.js";

/** The fields of a collection's rows a rule may read, its `id` aside (every rule may read ids). */
export type FieldOf<C extends CollectionName> = Exclude<keyof Rows[C] & string, "id">;

/**
 * What a rule reads, by collection: the fields of each collection's rows its check (and the
 * `RuleContext` helpers it calls) reads. A name the schema does not have does not type-check. The
 * engine derives from it which fields of a row must be unbroken for the rule to read the row
 * (`ctx.ok(row)`), and which rows the partitioned audit hands to the `province`-scope rules.
 */
export type RuleReads = { readonly [C in CollectionName]?: readonly FieldOf<C>[] };
