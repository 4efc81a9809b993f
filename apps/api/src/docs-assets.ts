/**
 * The interactive docs' static files, read from the installed `swagger-ui-dist` package (Node,
 * Bun, Deno): no CDN, so the docs work on machines without a network. Only a fixed list of files
 * is served, each read once and kept.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** Reads one of the docs' static files by name; undefined when there is no such file. */
export type DocsAssets = (file: string) => Promise<Uint8Array | undefined>;

/** The files of swagger-ui-dist that /docs uses. */
export const DOCS_FILES = ["swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png"] as const;

/**
 * The docs' files from swagger-ui-dist's folder.
 * @example createApp({ apiKeys, docsAssets: swaggerUiAssets() })
 */
export function swaggerUiAssets(): DocsAssets {
  const dir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  const cache = new Map<string, Promise<Uint8Array>>();
  return async (file) => {
    if (!(DOCS_FILES as readonly string[]).includes(file)) return undefined;
    let bytes = cache.get(file);
    if (!bytes) {
      bytes = readFile(join(dir, file)).then((b) => new Uint8Array(b));
      cache.set(file, bytes);
    }
    return bytes;
  };
}
