import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    browser: "src/browser.ts",
    // The parallel CSV reader's worker, loaded by file beside the module that starts it.
    "csv-worker": "src/csv-worker.ts",
    // The platform's inflater stays an import (`#inflate`): Node and a bundler for the browser
    // each pick theirs by package.json `imports`.
    "platform/inflate": "src/platform/inflate.ts",
    "platform/inflate.browser": "src/platform/inflate.browser.ts",
  },
  external: ["#inflate"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  // `import.meta.url` in the CommonJS build too (where the worker is found).
  shims: true,
  silent: true,
});
