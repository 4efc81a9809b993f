/**
 * The generator's entry points: `generate` (the county sample, in memory) and `generateCounties`
 * (any scale, one partition at a time, so the province never sits in memory at once).
 */
import type { Dataset } from "@shuangbao/core";
import { countyPartition } from "./county.js";
import { firstPartition } from "./first-partition.js";
import type { Partition, SampleOptions, SeededFault } from "./model.js";
import { buildPlan } from "./plan.js";

export interface PartitionOptions extends SampleOptions {
  /** Generate at most this many county partitions after the first (for tests and previews). */
  limit?: number;
}

/**
 * The sample as partitions: first the regions and province-level rows, then one partition per
 * county with poverty tasks, in county code order. Each county partition refers only to its own
 * rows and the first partition's; its `visits` is a re-iterable generated on demand.
 * @example
 * for (const { county, dataset } of generateCounties({ scale: "province", seed: 1, violations: 0 }))
 *   console.log(county?.name ?? "安徽省", dataset.households.length);
 */
export function* generateCounties(options: PartitionOptions): Generator<Partition> {
  const plan = buildPlan(options);
  yield firstPartition(plan);
  const counties =
    options.limit === undefined ? plan.taskCounties : plan.taskCounties.slice(0, options.limit);
  for (const pc of counties) yield countyPartition(plan, pc);
}

/**
 * Partitions joined into one dataset in memory (visits materialised) with all their faults: the
 * rows put together, not core's `mergePartitions` (which merges partitions' audit results).
 * @example const { dataset } = joinPartitions(generateCounties({ scale: "county", seed: 1, violations: 0 }));
 */
export function joinPartitions(partitions: Iterable<Partition>): {
  dataset: Dataset;
  seeded: SeededFault[];
} {
  const dataset = {} as Dataset;
  const seeded: SeededFault[] = [];
  for (const part of partitions) {
    for (const [name, rows] of Object.entries(part.dataset) as [
      keyof Dataset,
      Iterable<unknown>,
    ][]) {
      dataset[name] ??= [];
      const target = dataset[name] as unknown[];
      for (const row of rows) target.push(row);
    }
    seeded.push(...part.seeded);
  }
  return { dataset, seeded };
}

/**
 * The county sample (岳西县, 340828) in memory: every poor village contracted, every household
 * helped, four years of activity, audited clean at `asOf` when `violations` is 0.
 * @example
 * const { dataset, seeded } = generate({ scale: "county", seed: 1, violations: 0.05 });
 * audit(dataset, { asOf: SAMPLE_AS_OF }).findings.length // one or more per seeded fault
 */
export function generate(options: SampleOptions): { dataset: Dataset; seeded: SeededFault[] } {
  if (options.scale !== "county")
    throw new RangeError(
      `generate() holds a sample in memory and makes the "county" scale only; use generateCounties() for "${options.scale}"`,
    );
  return joinPartitions(generateCounties(options));
}
