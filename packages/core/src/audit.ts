/**
 * The public audit: the engine's audit with the catalogue of `rules.md` as the default rules. The
 * engine (`engine/`) knows no catalogue of its own and never imports `rules/`; this module, above
 * both, joins them.
 */
import type { AuditOptions, AuditReport, AuditRun } from "./engine/audit.js";
import { runAudit } from "./engine/audit.js";
import type { DatasetIndex } from "./engine/dataset-index.js";
import {
  auditPartitioned as auditPartitionedWith,
  auditPartition as auditPartitionWith,
  mergePartitions as mergePartitionsWith,
  type Partition,
  type PartitionResult,
} from "./engine/partitioned-audit.js";
import { CATALOGUE } from "./rules/catalogue.js";
import type { DatasetInput } from "./schema/collections.js";
import type { CollectionName } from "./schema/fields.js";

/** The options with the rules named: the catalogue unless the caller chose others. */
const withCatalogue = (options: AuditOptions): AuditRun => ({
  ...options,
  catalogue: options.catalogue ?? CATALOGUE,
});

/**
 * Audits a dataset at `asOf`. Throws `ConfigurationError` only for a bad `asOf`, an unknown rule id
 * or severity, or a bad parameter override — never for bad data, which becomes findings.
 * @example
 * const report = audit(dataset, { asOf: "2015-12-31" });
 * report.summary.error; // number of errors
 */
export function audit(input: DatasetIndex | DatasetInput, options: AuditOptions): AuditReport {
  return runAudit(input, withCatalogue(options));
}

/**
 * Audits one county's partition (the map step of the partitioned audit).
 * @example const result = auditPartition(shared, partition, { asOf: "2018-07-20" });
 */
export function auditPartition(
  shared: DatasetInput,
  partition: Partition,
  options: AuditOptions,
  regions?: ReadonlySet<string>,
): PartitionResult {
  return auditPartitionWith(shared, partition, withCatalogue(options), regions);
}

/**
 * Merges partition results into the report (the reduce step of the partitioned audit).
 * @example const report = mergePartitions(shared, results, { asOf: "2018-07-20" });
 */
export function mergePartitions(
  shared: DatasetInput,
  results: readonly PartitionResult[],
  options: AuditOptions,
  idOf?: (partition: number, collection: CollectionName, digest: bigint) => string | undefined,
): AuditReport {
  return mergePartitionsWith(shared, results, withCatalogue(options), idOf);
}

/**
 * Audits partitions one after another, then merges: the in-memory audit's report.
 * @example const report = auditPartitioned(shared, partitions, { asOf: "2018-07-20" });
 */
export function auditPartitioned(
  shared: DatasetInput,
  partitions: Iterable<Partition>,
  options: AuditOptions,
): AuditReport {
  return auditPartitionedWith(shared, partitions, withCatalogue(options));
}
