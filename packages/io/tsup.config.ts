import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    browser: "src/browser.ts",
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
  silent: true,
});
