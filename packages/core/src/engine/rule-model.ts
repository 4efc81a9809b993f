/**
 * The rule model: a rule is data — id, clause, severity, scope, the quoted sentence, titles and
 * message templates in zh and en, the fields it reads — plus a check that reads the index and
 * yields hits. A check never throws for bad data and never reads a clock: the audit passes `asOf`.
 * The engine runs rules of this shape; the catalogue itself lives in `rules/` and is passed in.
 */
import type { Severity } from "../vocabulary/enums.js";
import type { DatasetIndex } from "./dataset-index.js";
import type { EntityRef, Message, MessageParam } from "./findings.js";
import type { RuleContext } from "./rule-context.js";
import type { RuleReads } from "./rule-reads.js";

/**
 * `county` when one county's rows suffice to check it; `province` when it needs rows across
 * counties (a national audit runs county-scope rules partition by partition).
 */
export type RuleScope = "county" | "province";

/** What a check yields: the engine adds the rule's id, severity, clause, message and source. */
export interface RuleHit {
  entity: EntityRef;
  related?: EntityRef[];
  /** Key of `messages` (default `"default"`). */
  message?: string;
  /**
   * Values for the template's placeholders; `{entity}`, `{related}`, `{years}` are filled in. A
   * `{ zh, en }` value gives each language its own words (names, lists, periods); a `YYYY-MM-DD`
   * string is written `2017年7月15日` in Chinese.
   */
  params?: Record<string, MessageParam>;
  years?: number[];
  field?: string;
}

/** A rule of the catalogue. */
export interface Rule {
  /** Stable id from `rules.md`, never reused. */
  id: string;
  /** The clause, in the document's own numbering (`二(三)4`). */
  clause: string;
  severity: Severity;
  scope: RuleScope;
  /** The sentence it encodes, verbatim from the policy text. */
  quote: string;
  title: Message;
  /** Where `rules.md` or we read the text one way among several: what we chose. */
  interpretation?: Message;
  /** Message templates in zh and en; `default` is required. */
  messages: { default: Message } & Record<string, Message>;
  /** The fields the check reads; a test runs the check and fails on a read not declared here. */
  reads: RuleReads;
  check(index: DatasetIndex, ctx: RuleContext): Iterable<RuleHit>;
}

/** The rules an audit runs. */
export type Catalogue = readonly Rule[];
