import { defineConfig } from "vitest/config";
import { shared } from "../../vitest.shared.js";

// The built binary is what is tested; test helpers (fixtures) import workspace sources.
export default defineConfig({
  ...(shared.ssr ? { ssr: shared.ssr } : {}),
  ...(shared.resolve ? { resolve: shared.resolve } : {}),
  test: { name: "cli-e2e", include: ["test/**/*.e2e.test.ts"], testTimeout: 60_000 },
});
