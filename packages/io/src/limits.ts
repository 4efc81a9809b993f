/**
 * What one read may take in, so that no input can exhaust memory or hang a process: the bytes an
 * archive or workbook inflates to (counted as it inflates, never past the limit), the rows of one
 * collection, and the cells of one sheet or CSV file (a row's width counts, so a sparse row that
 * names column XFD counts 16,384). Each limit has an environment variable, read by the CLI and the
 * API alike, and a read over one stops with a `ReadLimitError` that names it.
 */
import { DEFAULT_MAX_FINDINGS_PER_COLUMN } from "@shuangbao/core";
import { InputError } from "./errors.js";

const MiB = 1024 * 1024;

/** The limits of one read. */
export interface ReadLimits {
  /** Bytes all archives and workbooks of the read may inflate to, together. */
  inflatedBytes: number;
  /** Rows of one collection, over every source of the read. */
  rows: number;
  /** Cells of one sheet or CSV file (each row counts its width). */
  cells: number;
  /**
   * Data findings of one kind in one column of one file that are listed one by one; the rest are
   * counted in one finding (core's `LoaderOptions.maxFindingsPerColumn`). Not a refusal: the read
   * goes on, and the report says how many more there are.
   */
  findingsPerColumn: number;
}

/**
 * The defaults: room for the whole province on one laptop (34.6 million rows, 30 million of them
 * visits, 2.4 GB of CSV) with a margin, and far below what would exhaust a 24 GiB machine.
 */
export const DEFAULT_READ_LIMITS: ReadLimits = {
  inflatedBytes: 8192 * MiB,
  rows: 60_000_000,
  cells: 400_000_000,
  findingsPerColumn: DEFAULT_MAX_FINDINGS_PER_COLUMN,
};

/** The environment variable of each limit, and its unit. */
export const READ_LIMIT_ENV = {
  inflatedBytes: { name: "SHUANGBAO_INFLATED_LIMIT_MB", unit: "MiB" },
  rows: { name: "SHUANGBAO_MAX_ROWS", unit: "count" },
  cells: { name: "SHUANGBAO_MAX_CELLS", unit: "count" },
  findingsPerColumn: { name: "SHUANGBAO_MAX_FINDINGS_PER_COLUMN", unit: "count" },
} as const satisfies Record<keyof ReadLimits, { name: string; unit: "MiB" | "count" }>;

/**
 * The limits set by the environment over `defaults`; a value that is not a positive whole number
 * throws an `Error` naming the variable.
 * @example readLimitsFromEnv({ SHUANGBAO_MAX_ROWS: "1000" }).rows // 1000
 */
export function readLimitsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  defaults: ReadLimits = DEFAULT_READ_LIMITS,
): ReadLimits {
  const out = { ...defaults };
  for (const key of Object.keys(READ_LIMIT_ENV) as (keyof ReadLimits)[]) {
    const { name, unit } = READ_LIMIT_ENV[key];
    const text = env[name];
    if (text === undefined || text.trim() === "") continue;
    const n = Number(text);
    if (!Number.isSafeInteger(n) || n <= 0) {
      throw new Error(`${name}=${text.slice(0, 20)}: 应为正整数 / must be a positive whole number`);
    }
    out[key] = unit === "MiB" ? n * MiB : n;
  }
  return out;
}

/** The environment variable of a read's worker threads (`ReadOptions.parallel.threads`). */
export const READ_THREADS_ENV = "SHUANGBAO_READ_THREADS";

/**
 * The worker threads `SHUANGBAO_READ_THREADS` asks a read to use (0: none), `undefined` when it
 * is unset; throws when it is not a whole number from 0 to 256.
 * @example readThreadsFromEnv({ SHUANGBAO_READ_THREADS: "0" }) // 0
 */
export function readThreadsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): number | undefined {
  const text = env[READ_THREADS_ENV];
  if (text === undefined || text.trim() === "") return undefined;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0 || n > 256) {
    throw new Error(
      `${READ_THREADS_ENV}=${text.slice(0, 20)}: 应为 0 至 256 的整数 / must be a whole number from 0 to 256`,
    );
  }
  return n;
}

const amount = (key: keyof ReadLimits, n: number) =>
  READ_LIMIT_ENV[key].unit === "MiB" && n % MiB === 0 ? `${n / MiB} MiB` : String(n);

/** A read stopped at one of its limits: `limit` is the environment variable that raises it. */
export class ReadLimitError extends InputError {
  override name = "ReadLimitError";
  /** The environment variable of the limit (`SHUANGBAO_MAX_ROWS`). */
  readonly limit: string;
  /** Which limit. */
  readonly kind: keyof ReadLimits;
  /**
   * `what` says what passed the limit: `{ zh: "数据表“贫困户”的行数", en: "collection households
   * has", unit: "rows" }` reads "…的行数超过上限 300000（SHUANGBAO_MAX_ROWS）/ collection
   * households has more than 300000 rows (limit SHUANGBAO_MAX_ROWS)".
   */
  constructor(
    path: string,
    kind: keyof ReadLimits,
    value: number,
    what: { zh: string; en: string; unit?: string },
  ) {
    const env = READ_LIMIT_ENV[kind].name;
    const n = amount(kind, value);
    super(
      path,
      `${what.zh}超过上限 ${n}（${env}）/ ${what.en} more than ${n}${what.unit ? ` ${what.unit}` : ""} (limit ${env})`,
    );
    this.limit = env;
    this.kind = kind;
  }
}

/**
 * The inflated bytes a read may still take: every archive entry and workbook part spends from it
 * as it inflates; the entry that would pass the limit stops there.
 */
export class InflateBudget {
  private spent = 0;
  constructor(readonly limit: number) {}

  /** The bytes left. */
  get left(): number {
    return Math.max(0, this.limit - this.spent);
  }

  /** Spends `n` bytes of `path`; throws `ReadLimitError` when the limit is passed. */
  spend(n: number, path: string): void {
    this.spent += n;
    if (this.spent > this.limit) throw this.exceeded(path);
  }

  /** The error for `path` passing the limit. */
  exceeded(path: string): ReadLimitError {
    return new ReadLimitError(path, "inflatedBytes", this.limit, {
      zh: "解压后的数据",
      en: "inflates to",
    });
  }
}
