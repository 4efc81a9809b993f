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
import { existsSync } from "node:fs";
import { open } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { Piscina } from "piscina";
import type { RecordCollector } from "./collect.js";
import { NewlineNormaliser } from "./csv-reader.js";
import type { RangeResult, RangeTask } from "./csv-worker.js";
import { CsvDecoder, type CsvEncoding } from "./decode.js";
import type { ParallelOptions } from "./read-bytes.js";

const MiB = 1024 * 1024;

/** The environment variable that sets the read's worker threads (0: none). */
export const READ_THREADS_ENV = "SHUANGBAO_READ_THREADS";

/** The threads `READ_THREADS_ENV` asks for, `undefined` when unset; throws when not a count. */
function threadsFromEnv(): number | undefined {
  const text = process.env[READ_THREADS_ENV]?.trim();
  if (text === undefined || text === "") return undefined;
  if (!/^\d{1,3}$/.test(text)) {
    throw new Error(
      `${READ_THREADS_ENV} 应为 0 至 999 的整数 / must be a whole number from 0 to 999: “${text.slice(0, 20)}”`,
    );
  }
  return Number(text);
}

/**
 * Files from 32 MiB, in ranges of about 16 MiB, on as many threads as the machine has (or as
 * `SHUANGBAO_READ_THREADS` says; `options` first).
 */
export function parallelOptions(options: Partial<ParallelOptions>): ParallelOptions {
  return {
    threads: options.threads ?? threadsFromEnv() ?? availableParallelism(),
    minBytes: options.minBytes ?? 32 * MiB,
    chunkBytes: Math.max(1, options.chunkBytes ?? 16 * MiB),
  };
}

/** The built worker beside this module (`dist/`); absent when io runs from its sources. */
function workerUrl(): string | undefined {
  const url = new URL("./csv-worker.js", import.meta.url);
  return url.protocol === "file:" && existsSync(fileURLToPath(url)) ? url.href : undefined;
}

/**
 * The process's Node flags less its export conditions (`--conditions`, `-C`): the worker is
 * built code, and loads core as built even where this process resolves packages to their sources
 * (a test runner).
 */
function builtExecArgv(): string[] {
  const out: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--conditions" || arg === "-C") i++;
    else if (!arg.startsWith("--conditions=") && !arg.startsWith("-C=")) out.push(arg);
  }
  return out;
}

/** The head of a file cut after its last line break in `bytes`, parsed into records. */
export interface CsvHead {
  /** Where the head ends: the first byte of the line after it. */
  end: number;
  records: string[][];
}

/**
 * The head to read on this thread before ranges go to workers, or `undefined` when the file is
 * not read in parallel: too small, no workers (or none built), an encoding whose line breaks are
 * not bytes of their own, no line break in `first`, or a quote in the head.
 */
export function parallelHead(
  first: Uint8Array,
  size: number,
  encoding: CsvEncoding | undefined,
  name: string,
  delimiter: string,
  options: ParallelOptions,
): CsvHead | undefined {
  if (options.threads < 1 || size < options.minBytes || !workerUrl()) return undefined;
  if (encoding !== "utf-8" && encoding !== "gb18030") return undefined;
  const end = first.lastIndexOf(0x0a) + 1;
  if (end === 0 || first.subarray(0, end).indexOf(0x22) >= 0) return undefined;
  const decoder = new CsvDecoder(name, encoding);
  const newlines = new NewlineNormaliser();
  const text =
    newlines.write(decoder.write(first.subarray(0, end)) + decoder.end()) + newlines.end();
  const lines = text.slice(0, -1);
  const records =
    lines === ""
      ? [[""]]
      : Papa.parse<string[]>(lines, { header: false, delimiter, newline: "\n" }).data;
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
 * Reads bytes `start` to `size` of a file (whole lines, after its head) on workers into
 * `collector`, whose header is a visits header. Returns where the workers stopped (`done`: at
 * the end; else at a range with a quote, or one a worker failed on, from where the file is to be
 * streamed on this thread) and the last line read before it.
 */
export async function readRangesInParallel(
  task: Omit<RangeTask, "start" | "end" | "fields" | "header">,
  collector: RecordCollector,
  start: number,
  size: number,
  line: number,
  options: ParallelOptions,
  onRows: ((n: number) => void) | undefined,
): Promise<{ start: number; line: number; done: boolean }> {
  const header = collector.dataHeader!;
  const ranges = await lineRanges(task.path, start, size, options.chunkBytes);
  const pool = new Piscina<RangeTask, RangeResult>({
    filename: workerUrl()!,
    minThreads: options.threads,
    maxThreads: options.threads,
    // Parsing makes short-lived strings by the million: a young generation of 96 MiB (semi-spaces
    // of 32) spends a quarter less time collecting them than V8's default.
    resourceLimits: { maxYoungGenerationSizeMb: 96 },
    execArgv: builtExecArgv(),
  });
  const stop = new AbortController();
  const pending: Promise<RangeResult | Error>[] = [];
  let next = 0;
  let added = 0;
  // A few ranges ahead of the one being added: the workers never wait, memory stays bounded.
  const ahead = options.threads * 2;
  const submit = () => {
    while (next < ranges.length && next - added < ahead) {
      const range = ranges[next++]!;
      const run = pool.run(
        { ...task, ...range, fields: [...header.fields], header: [...header.header] },
        { signal: stop.signal },
      );
      pending.push(run.catch((error: unknown) => (error instanceof Error ? error : new Error())));
    }
  };
  try {
    for (; added < ranges.length; added++) {
      submit();
      const result = await pending[added]!;
      if (result instanceof Error || result.quoted)
        return { start: ranges[added]!.start, line, done: false };
      collector.addEncoded(result.columns, result.raw, line + 1);
      line += result.records;
      onRows?.(result.records);
    }
    return { start: size, line, done: true };
  } finally {
    stop.abort();
    await Promise.all(pending);
    await pool.destroy();
  }
}
