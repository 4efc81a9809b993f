import { defineConfig } from "vitest/config";
import { shared } from "../../vitest.shared.js";

// The built page (`dist/index.html`) in a real Chromium; the CLI it is compared with runs from source.
export default defineConfig({
  ...(shared.ssr ? { ssr: shared.ssr } : {}),
  ...(shared.resolve ? { resolve: shared.resolve } : {}),
  test: {
    name: "web-e2e",
    include: ["test/**/*.e2e.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
