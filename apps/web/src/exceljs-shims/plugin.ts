/**
 * A Vite plugin that lets io's XLSX writers run in the browser: `exceljs` resolves to the
 * streaming writer alone (`index.ts`), and what that writer requires of Node — archiver, its
 * stream buffer, fs, crypto, readable-stream — to small stand-ins beside this file. The written
 * parts are the same XML as on Node, and io re-packs them the same way: the same bytes.
 */
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

const FROM_EXCELJS: Record<string, string> = {
  archiver: here("./memory-zip.cjs"),
  fs: here("./empty.cjs"),
  crypto: here("./empty.cjs"),
  "readable-stream": here("./readable-stream.cjs"),
};

export function exceljsInBrowser(): Plugin {
  return {
    name: "shuangbao:exceljs-in-browser",
    enforce: "pre",
    resolveId(source, importer) {
      if (source === "exceljs" && importer && !importer.includes("/exceljs/"))
        return here("./index.ts");
      if (!importer?.includes("/exceljs/lib/")) return null;
      if (/(^|\/)utils\/stream-buf(\.js)?$/.test(source) || source === "./stream-buf")
        return here("./memory-stream.cjs");
      return FROM_EXCELJS[source] ?? null;
    },
  };
}
