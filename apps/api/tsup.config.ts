import { defineConfig } from "tsup";

export default defineConfig({
  // worker.ts is the worker threads' entry: piscina loads dist/worker.js beside server.js.
  entry: ["src/server.ts", "src/app.ts", "src/worker.ts"],
  format: ["esm"],
  clean: true,
  target: "node20",
  silent: true,
});
