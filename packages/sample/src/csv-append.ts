/**
 * A folder of `<collection>.csv` files written partition by partition: each file gets its BOM and
 * header once, then every partition's rows are appended. Rows are converted with io's
 * `collectionTable` and `cellText` and quoted as papaparse quotes them, so the bytes equal
 * `writeDatasetCsv`'s for the same rows.
 */
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { COLLECTION_NAMES, type CollectionName } from "@shuangbao/core";
import { type CsvOptions, cellText, collectionTable, type DatasetRows } from "@shuangbao/io";

const NEEDS_QUOTES = /[\r\n",\uFEFF]|^ | $/;

/**
 * One CSV line (RFC 4180 quoting, as papaparse with `quotes: false`), CRLF-terminated.
 * @example csvLine(["a", "b,c"]) // 'a,"b,c"\r\n'
 */
export function csvLine(cells: readonly string[]): string {
  let out = "";
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (i > 0) out += ",";
    out += NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  }
  return `${out}\r\n`;
}

/**
 * Appends datasets to a folder of CSV files, one per collection.
 * @example
 * const csv = await CsvFolderAppender.open("/tmp/anhui", "zh");
 * for (const part of generateCounties(options)) await csv.append(part.dataset);
 * await csv.close();
 */
export class CsvFolderAppender {
  private constructor(
    private readonly files: Map<CollectionName, WriteStream>,
    private readonly language: "zh" | "en",
  ) {}

  /** Creates the folder and every collection's file with its header. */
  static async open(dir: string, language: "zh" | "en" = "zh"): Promise<CsvFolderAppender> {
    await mkdir(dir, { recursive: true });
    const files = new Map<CollectionName, WriteStream>();
    for (const name of COLLECTION_NAMES) {
      const out = createWriteStream(join(dir, `${name}.csv`));
      const { columns } = collectionTable(name, [], language);
      out.write(`\uFEFF${csvLine(columns.map((c) => (language === "zh" ? c.header : c.key)))}`);
      files.set(name, out);
    }
    return new CsvFolderAppender(files, language);
  }

  /** Appends the rows of every collection present in `dataset`. */
  async append(dataset: DatasetRows): Promise<void> {
    const options: CsvOptions = {
      escapeFormulas: false,
      headers: this.language === "zh" ? "zh" : "key",
    };
    for (const name of COLLECTION_NAMES) {
      const rows = dataset[name];
      if (!rows) continue;
      const out = this.files.get(name)!;
      const table = collectionTable(name, rows, this.language);
      const keys = table.columns.map((c) => c.key);
      let buffer = "";
      for (const row of table.rows) {
        buffer += csvLine(keys.map((k) => cellText(row[k], options)));
        if (buffer.length > 1 << 20) {
          if (!out.write(buffer)) await once(out, "drain");
          buffer = "";
        }
      }
      if (buffer && !out.write(buffer)) await once(out, "drain");
    }
  }

  /** Flushes and closes every file. */
  async close(): Promise<void> {
    await Promise.all(
      [...this.files.values()].map(async (out) => {
        out.end();
        await once(out, "finish");
      }),
    );
  }
}
