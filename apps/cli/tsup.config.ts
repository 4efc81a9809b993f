import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/bin.ts"],
  format: ["esm"],
  clean: true,
  target: "node20",
  silent: true,
  banner: { js: "#!/usr/bin/env node" },
});
