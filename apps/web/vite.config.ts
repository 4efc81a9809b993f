/**
 * The page as one self-contained `dist/index.html`: scripts, styles and the Web Worker inlined
 * (vite-plugin-singlefile; the worker as a blob), so it opens from disk (`file://`), travels as an
 * email attachment, and makes no request. Workspace packages are bundled from source; io picks
 * its browser inflater by the `browser` condition, and exceljs's writer gets its browser
 * stand-ins (`src/exceljs-shims`).
 */
import { readFileSync } from "node:fs";
import { defaultClientConditions, defineConfig } from "vite";
import { viteSingleFile } from "vite-plugin-singlefile";
import { exceljsInBrowser } from "./src/exceljs-shims/plugin.js";

const cli = JSON.parse(readFileSync(new URL("../cli/package.json", import.meta.url), "utf8")) as {
  version: string;
};

export default defineConfig({
  base: "./",
  resolve: { conditions: ["@shuangbao/source", ...defaultClientConditions] },
  define: { __SHUANGBAO_VERSION__: JSON.stringify(cli.version) },
  plugins: [exceljsInBrowser(), viteSingleFile()],
  worker: { format: "iife", plugins: () => [exceljsInBrowser()] },
  build: { target: "es2022", outDir: "dist", emptyOutDir: true, reportCompressedSize: false },
  logLevel: "warn",
});
