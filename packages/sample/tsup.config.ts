import { defineConfig } from "tsup";

// ESM only: the regions extract is read with `new URL("../data/…", import.meta.url)`, which
// resolves the same from `src/` and from `dist/`.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  silent: true,
});
