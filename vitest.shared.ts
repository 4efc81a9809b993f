import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

/** Tests run against source: the custom condition resolves workspace packages to `src/`. */
export const shared = defineConfig({
  ssr: { resolve: { conditions: ["@shuangbao/source", ...defaultServerConditions] } },
  resolve: { conditions: ["@shuangbao/source"] },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["**/*.e2e.test.ts", "**/node_modules/**"],
  },
});
