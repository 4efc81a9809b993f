import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { defineConfig } from "tsup";

/** apps/web's built page, served at `/` (the web package builds first: it is a devDependency). */
const PAGE = new URL("../web/dist/index.html", import.meta.url);

export default defineConfig({
  // worker.ts is the worker threads' entry: piscina loads dist/worker.js beside server.js.
  entry: ["src/server.ts", "src/app.ts", "src/worker.ts"],
  format: ["esm"],
  clean: true,
  target: "node20",
  silent: true,
  async onSuccess() {
    if (!existsSync(PAGE)) {
      console.warn("apps/web/dist/index.html is not built: the API will not serve the page at /");
      return;
    }
    mkdirSync(new URL("./dist/web/", import.meta.url), { recursive: true });
    copyFileSync(PAGE, new URL("./dist/web/index.html", import.meta.url));
  },
});
