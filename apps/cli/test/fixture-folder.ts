import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { byId, compliantCounty, ID } from "@shuangbao/core/testing";
import { writeDatasetCsv } from "@shuangbao/io";

export { byId, ID };

/**
 * A CSV folder of the compliant county; `broken`: with one missing deputy (one unit.has-deputy
 * error); `change`: any other change to the dataset before it is written.
 */
export async function fixtureFolder(
  options: {
    broken?: boolean;
    language?: "zh" | "en";
    change?: (d: ReturnType<typeof compliantCounty>) => void;
  } = {},
) {
  const d = compliantCounty();
  if (options.broken) delete byId(d.units, ID.cityUnit).deputyId;
  options.change?.(d);
  const dir = join(await mkdtemp(join(tmpdir(), "shuangbao-cli-")), "county");
  await writeDatasetCsv(d, dir, { language: options.language ?? "zh" });
  return dir;
}
