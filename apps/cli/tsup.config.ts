/**
 * The CLI as one file, `dist/bin.js`, that runs without the workspace around it: the private
 * workspace packages (@shuangbao/core, io, sample) are bundled in; their third-party libraries stay
 * imports, listed as the CLI's own `dependencies` (npm installs them). The workspace packages are
 * bundled from their sources (the `@shuangbao/source` condition), so the build needs no other
 * package built first and never bundles a stale `dist/`. The sample's regions extract
 * is read at run time beside the code that reads it: it is copied to `dist/data/` and the bundled
 * code's `../data/` becomes `./data/`.
 */
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Options } from "tsup";

type Plugin = NonNullable<Options["esbuildPlugins"]>[number];

const REGIONS = "../data/anhui-regions.json";
const sampleData = fileURLToPath(new URL("../../packages/sample/data/", import.meta.url));
const distData = fileURLToPath(new URL("./dist/data/", import.meta.url));

/** Rewrites the sample's data path to `dist/data/`, and fails the build if it is not found. */
const regionsBesideBin: Plugin = {
  name: "regions-beside-bin",
  setup(build) {
    let rewritten = 0;
    build.onStart(() => {
      rewritten = 0;
    });
    build.onLoad({ filter: /[\\/]sample[\\/](dist|src)[\\/][^\\/]+\.[cm]?[jt]s$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      if (!text.includes(REGIONS)) return undefined;
      rewritten++;
      return {
        contents: text.replaceAll(REGIONS, "./data/anhui-regions.json"),
        loader: args.path.endsWith("ts") ? "ts" : "js",
      };
    });
    build.onEnd((result) => {
      if (result.errors.length === 0 && rewritten === 0)
        throw new Error(
          `the sample's ${REGIONS} is not in the bundled code: update tsup.config.ts`,
        );
    });
  },
};

export default defineConfig({
  // io's parallel CSV reader loads its worker from a file beside the code that starts it.
  entry: { bin: "src/bin.ts", "csv-worker": "../../packages/io/src/csv-worker.ts" },
  format: ["esm"],
  clean: true,
  target: "node20",
  silent: true,
  banner: { js: "#!/usr/bin/env node" },
  noExternal: [/^@shuangbao\//],
  esbuildOptions(options) {
    options.conditions = ["@shuangbao/source", "import", "default"];
  },
  esbuildPlugins: [regionsBesideBin],
  onSuccess: async () => {
    mkdirSync(distData, { recursive: true });
    for (const f of ["anhui-regions.json", "ATTRIBUTION.md"])
      copyFileSync(`${sampleData}${f}`, `${distData}${f}`);
    // The tarball carries its licence.
    copyFileSync(
      new URL("../../LICENSE", import.meta.url),
      new URL("./dist/LICENSE", import.meta.url),
    );
  },
});
