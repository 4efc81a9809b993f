export { CsvFolderAppender, csvLine } from "./csv-append.js";
export type { PartitionOptions } from "./generate.js";
export { generate, generateCounties, joinPartitions } from "./generate.js";
export type {
  Partition,
  PartitionDataset,
  SampleOptions,
  SampleScale,
  SeededFault,
} from "./model.js";
export { MIN_AS_OF, SAMPLE_AS_OF, YUEXI } from "./plan.js";
export { Random } from "./random.js";
export type { AnhuiRegions, RegionVillage } from "./regions.js";
export { anhuiRegions, isDevelopmentZone, isRuralVillage } from "./regions.js";
export type { WriteSampleOptions, WriteSampleResult } from "./write.js";
export { datasetJson, writeSample } from "./write.js";
