/** Test helpers: audit a fixture and keep the findings that matter to a test. */
import { audit } from "../audit.js";
import type { Finding } from "../engine/findings.js";
import type { Rule } from "../rules/rule.js";
import type { Dataset } from "../schema/collections.js";
import { FIXTURE_AS_OF } from "./fixture.js";

export interface RunOptions {
  asOf?: string;
  parameters?: Record<string, unknown>;
}

/** The findings of one rule on a dataset. */
export function findingsOf(rule: Rule, dataset: Dataset, options: RunOptions = {}): Finding[] {
  return audit(dataset, {
    asOf: options.asOf ?? FIXTURE_AS_OF,
    ...(options.parameters ? { parameters: options.parameters } : {}),
    catalogue: [rule],
  }).findings.filter((f) => f.ruleId === rule.id);
}

/** Every finding of the whole catalogue, as `[ruleId, entity id, related id?]` triples. */
export function allFindings(dataset: Dataset, options: RunOptions = {}): string[][] {
  return audit(dataset, {
    asOf: options.asOf ?? FIXTURE_AS_OF,
    ...(options.parameters ? { parameters: options.parameters } : {}),
  }).findings.map((f) => [f.ruleId, f.entity.id, ...(f.related ?? []).map((r) => r.id)]);
}

/** Shorthand: `[entity id, related id?]` of each finding of one rule. */
export function hits(rule: Rule, dataset: Dataset, options: RunOptions = {}): string[][] {
  return findingsOf(rule, dataset, options).map((f) => [
    f.entity.id,
    ...(f.related ?? []).map((r) => r.id),
  ]);
}
