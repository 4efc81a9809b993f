/**
 * A large visits file read on worker threads. A province's visits are nine rows in ten and most
 * of the bytes; parsing them is most of a read. The file's head (its header and first lines) is
 * read here, as the streaming reader would read it; the rest is cut into ranges of whole lines,
 * each read, parsed and encoded as core's visit columns on a worker (`csv-worker.ts`, a piscina
 * pool), and added here in file order. What the loader is given, and so every finding, line and
 * position, is what the streaming reader gives it.
 *
 * Only lines can be cut without parsing, so only text whose line break is a byte of its own is
 * read this way (UTF-8 and GB18030, not UTF-16), and only while no quote has been seen: a range
 * with a quote in it is declined by its worker, and the file is streamed from that range's first
 * line on this thread (what came before had no quote, so its lines were its records).
 */
import { setMaxListeners } from "node:events";
import { existsSync } from "node:fs";
import { open } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { fieldForHeader } from "@shuangbao/core";
import { Piscina } from "piscina";
import type { RecordCollector } from "./collect.js";
import { parseLines } from "./csv-reader.js";
import type { RangeResult, RangeTask } from "./csv-worker.js";
import type { CsvEncoding } from "./decode.js";
import { findHeader, headerText } from "./headers.js";
import type { ParallelOptions } from "./read-bytes.js";

const MiB = 1024 * 1024;

/** Files from 32 MiB, in ranges of about 4 MiB, on as many threads as the machine has. */
export function parallelOptions(options: Partial<ParallelOptions>): ParallelOptions {
  return {
    threads: options.threads ?? availableParallelism(),
    minBytes: options.minBytes ?? 32 * MiB,
    chunkBytes: Math.max(1, options.chunkBytes ?? 4 * MiB),
  };
}

/** The built worker beside this module (`dist/`); absent when io runs from its sources. */
function workerUrl(): string | undefined {
  const url = new URL("./csv-worker.js", import.meta.url);
  return url.protocol === "file:" && existsSync(fileURLToPath(url)) ? url.href : undefined;
}

/** The head of a file cut after its last line break in its first bytes, parsed into records. */
interface CsvHead {
  /** Where the head ends: the first byte of the line after it. */
  end: number;
  records: string[][];
}

/**
 * The head to read on this thread before ranges go to workers, or `undefined` when the file is
 * not read in parallel: an encoding whose line breaks are not bytes of their own, no line break
 * in `first`, or a quote in the head.
 */
function parallelHead(
  first: Uint8Array,
  encoding: CsvEncoding,
  name: string,
  delimiter: string,
): CsvHead | undefined {
  if (encoding !== "utf-8" && encoding !== "gb18030") return undefined;
  const end = first.lastIndexOf(0x0a) + 1;
  if (end === 0 || first.subarray(0, end).indexOf(0x22) >= 0) return undefined;
  const records = parseLines(first.subarray(0, end), name, encoding, delimiter);
  return { end, records };
}

/** Ranges of whole lines from `start` to `size`, each about `chunk` bytes. */
async function lineRanges(
  path: string,
  start: number,
  size: number,
  chunk: number,
): Promise<{ start: number; end: number }[]> {
  const handle = await open(path, "r");
  const window = Buffer.alloc(64 * 1024);
  const cuts = [start];
  try {
    for (let at = start; at + chunk < size; ) {
      // The first line break at or after the nominal cut.
      let probe = at + chunk;
      let cut = size;
      while (probe < size) {
        const { bytesRead } = await handle.read(window, 0, window.length, probe);
        if (bytesRead === 0) break;
        const i = window.subarray(0, bytesRead).indexOf(0x0a);
        if (i >= 0) {
          cut = probe + i + 1;
          break;
        }
        probe += bytesRead;
      }
      if (cut >= size) break;
      cuts.push(cut);
      at = cut;
    }
  } finally {
    await handle.close();
  }
  cuts.push(size);
  return cuts.slice(1).map((end, i) => ({ start: cuts[i]!, end }));
}

/**
 * At most this many bytes of ranges are handed to workers ahead of those added. The workers
 * encode visits from their bytes (`encodeVisitLines`) several times faster than this thread adds
 * them, so they need not start far ahead: what they hold waits in memory (about a third of a
 * range's bytes). Session 5 had 768 MiB, when parsing was the workers' bottleneck.
 */
const AHEAD_BYTES = 96 * MiB;

/**
 * A visits file planned for workers: its head (read on this thread when the file's turn comes)
 * and its ranges, which the workers may begin before then — while this thread reads the files
 * before it — up to `AHEAD_BYTES` ahead. `close` stops them (idempotent).
 */
export class ParallelCsv {
  private pool: Piscina<RangeTask, RangeResult> | undefined;
  private readonly stop = new AbortController();
  /** Each range's result, until it is added (then `undefined`: what was added is not held). */
  private readonly pending: (Promise<RangeResult | Error> | undefined)[] = [];
  private submitted = 0;

  private constructor(
    private readonly task: Omit<RangeTask, "start" | "end">,
    readonly head: CsvHead,
    readonly size: number,
    private readonly ranges: readonly { start: number; end: number }[],
    private readonly options: ParallelOptions,
  ) {}

  /**
   * The plan of a file whose name names the visits (`first`: its first bytes, already probed
   * for `encoding` and `delimiter`), or `undefined` when it is not read in parallel: no workers
   * (or none built), too small, no header in its head, or a head `parallelHead` declines.
   */
  static async plan(
    path: string,
    file: string,
    first: Uint8Array,
    encoding: CsvEncoding | undefined,
    delimiter: string,
    size: number,
    options: ParallelOptions,
  ): Promise<ParallelCsv | undefined> {
    if (options.threads < 1 || size < options.minBytes || !encoding || !workerUrl())
      return undefined;
    const head = parallelHead(first, encoding, file, delimiter);
    if (!head) return undefined;
    const at = findHeader("visits", head.records);
    if (at === undefined) return undefined;
    const header = head.records[at]!.map(headerText);
    const fields = header.map((h) => (h === "" ? undefined : fieldForHeader("visits", h)));
    const ranges = await lineRanges(path, head.end, size, options.chunkBytes);
    return new ParallelCsv(
      { path, file, encoding, delimiter, fields, header },
      head,
      size,
      ranges,
      options,
    );
  }

  /** Whether the workers encode with the header the collector found. */
  fits(found: { fields: readonly (string | undefined)[]; header: readonly string[] }): boolean {
    const same = (a: readonly unknown[], b: readonly unknown[]) =>
      a.length === b.length && a.every((x, i) => x === b[i]);
    return same(found.fields, this.task.fields) && same(found.header, this.task.header);
  }

  /** How many ranges the workers may hold beyond those added (each listens to `stop`). */
  private get ahead(): number {
    return Math.max(this.options.threads * 2, Math.floor(AHEAD_BYTES / this.options.chunkBytes));
  }

  /** Hands ranges to the workers, up to `ahead` beyond the `added` first. */
  start(added = 0): void {
    setMaxListeners(this.ahead + 1, this.stop.signal);
    this.pool ??= new Piscina<RangeTask, RangeResult>({
      filename: workerUrl()!,
      minThreads: this.options.threads,
      maxThreads: this.options.threads,
      // Parsing makes short-lived strings by the million: a young generation of 48 MiB collects
      // them less often than V8's default.
      resourceLimits: { maxYoungGenerationSizeMb: 48 },
      // None of this process's flags: the worker is built code. (A test runner's export
      // conditions would resolve core to its sources; V8's heap flags are refused in a worker.)
      execArgv: [],
    });
    while (this.submitted < this.ranges.length && this.submitted - added < this.ahead) {
      const range = this.ranges[this.submitted++]!;
      const run = this.pool.run({ ...this.task, ...range }, { signal: this.stop.signal });
      this.pending.push(
        run.catch((error: unknown) => (error instanceof Error ? error : new Error())),
      );
    }
  }

  /**
   * Adds the ranges' records to `collector` (whose header `fits`) in file order, after line
   * `line`. Returns where the workers stopped (`done`: at the end; else at a range with a quote,
   * or one a worker failed on, from where the file is to be streamed on this thread) and the
   * last line read before it. The caller `close`s.
   */
  async read(
    collector: RecordCollector,
    line: number,
    onRows: ((n: number) => void) | undefined,
  ): Promise<{ start: number; line: number; done: boolean }> {
    for (let added = 0; added < this.ranges.length; added++) {
      this.start(added);
      const result = await this.pending[added]!;
      this.pending[added] = undefined;
      if (result instanceof Error || result.quoted)
        return { start: this.ranges[added]!.start, line, done: false };
      if (added === 0) {
        // The first range tells how many lines the rest holds, near enough to make room once.
        const { start, end } = this.ranges[0]!;
        collector.expectRecords((result.records / (end - start)) * (this.size - end) * 1.02);
      }
      collector.addEncoded(result.columns, result.raw, line + 1);
      line += result.records;
      onRows?.(result.records);
    }
    return { start: this.size, line, done: true };
  }

  /** Stops the workers and ends the pool. */
  async close(): Promise<void> {
    this.stop.abort();
    await Promise.all(this.pending);
    await this.pool?.destroy();
    this.pool = undefined;
  }
}
