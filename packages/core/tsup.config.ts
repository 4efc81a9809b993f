import { defineConfig } from "tsup";

/** The package and its test builders (`@shuangbao/core/testing`, the compliant county fixture). */
export default defineConfig({
  entry: { index: "src/index.ts", testing: "src/testing/fixture.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  silent: true,
});
