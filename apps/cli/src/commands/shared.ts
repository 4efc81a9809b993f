/**
 * What several commands share: their common flags (`--as-of`, `--lang`), reading the input with
 * progress on a TTY, and writing output without ever losing the user's data (`writeOutput`,
 * `writeOutputFolder`).
 */
import { randomBytes } from "node:crypto";
import {
  lstat,
  mkdir,
  mkdtemp,
  open,
  readdir,
  realpath,
  rename,
  rm,
  rmdir,
  stat,
  unlink,
} from "node:fs/promises";
import { basename, dirname, join, resolve, sep } from "node:path";
import {
  ConfigurationError,
  DATE_WINDOW_YEARS,
  type DatasetIndex,
  dateWindow,
  isIsoDate,
} from "@shuangbao/core";
import {
  InputError,
  type ReadLimits,
  type ReadOptions,
  readDatasetFromPath,
  readLimitsFromEnv,
  readThreadsFromEnv,
} from "@shuangbao/io";
import { type CliIo, UsageError } from "../io.js";

/** Exit codes, documented in the README: a CI pipeline gates on them. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** A progress line on stderr, only when stderr is a terminal. */
function progress(io: CliIo) {
  const start = Date.now();
  let rows = 0;
  let last = 0;
  const show = (phase: string, force = false) => {
    if (!io.stderrIsTTY) return;
    const now = Date.now();
    if (!force && now - last < 200) return;
    last = now;
    const secs = ((now - start) / 1000).toFixed(1);
    io.stderr(`\r\x1b[K${phase} · ${rows.toLocaleString("en")} 行 rows · ${secs}s`);
  };
  return {
    rows: (n: number) => {
      rows += n;
      show("读取 reading");
    },
    phase: (name: string) => show(name, true),
    done: () => {
      if (io.stderrIsTTY) io.stderr("\r\x1b[K");
    },
  };
}

/**
 * Reads a dataset held to the read limits of `env` (io's `READ_LIMIT_ENV`: inflated bytes, rows,
 * cells, findings listed per column; io's defaults otherwise), on the worker threads it
 * asks for (`SHUANGBAO_READ_THREADS`; as many as the machine has otherwise), turning unreadable input
 * — and input over a limit, named — into a usage-level error (exit 2).
 */
async function readInput(
  path: string,
  options: ReadOptions,
  env: Readonly<Record<string, string | undefined>>,
): Promise<DatasetIndex> {
  let limits: ReadLimits;
  let threads: number | undefined;
  try {
    limits = readLimitsFromEnv(env);
    threads = readThreadsFromEnv(env);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const parallel = threads === undefined ? {} : { parallel: { threads } };
  try {
    return await readDatasetFromPath(path, { ...options, limits, ...parallel });
  } catch (error) {
    if (error instanceof InputError) {
      // io says why in both languages (“中文 / English”), after the path.
      const why = error.message.startsWith(`${error.path}: `)
        ? error.message.slice(error.path.length + 2)
        : error.message;
      throw new UsageError(`无法读取“${error.path}”：${why}`);
    }
    throw error;
  }
}

/**
 * A core `ConfigurationError` (an unknown rule id, a bad parameter) as a usage error, Chinese
 * first: as core says it when it says it in both languages, else with the Chinese added here.
 */
function configurationError(error: ConfigurationError): UsageError {
  if (error.zh !== undefined) return new UsageError(error.message);
  const named = /“([^”]+)”/.exec(error.message)?.[1];
  let zh: string;
  if (error.path.startsWith("parameters.")) {
    const name = error.path.slice("parameters.".length);
    zh = /unknown parameter/.test(error.message)
      ? `没有名为“${name}”的参数，运行 shuangbao rules 查看参数`
      : `参数“${name}”的取值有误`;
  } else if (error.path.startsWith("rules.")) {
    zh =
      /unknown rule id/.test(error.message) && named
        ? `没有编号为“${named}”的规则或数据检查，运行 shuangbao rules 查看`
        : "规则的选择或级别有误";
  } else zh = "设置有误";
  return new UsageError(`${zh} · ${error.message}`);
}

/** Runs `f`, turning a core `ConfigurationError` into a usage error. */
export function configured<T>(f: () => T): T {
  try {
    return f();
  } catch (error) {
    if (error instanceof ConfigurationError) throw configurationError(error);
    throw error;
  }
}

/**
 * Checks a YYYY-MM-DD date flag, within the window the API also keeps: from the policy's date
 * (2014-07-09) to today + 10 years (an audit at 9999-12-31 would list eight millennia of years).
 * `fallback` is today.
 */
function dateFlag(name: string, value: string | undefined, fallback: string): string {
  const v = value ?? fallback;
  if (!isIsoDate(v)) {
    throw new UsageError(`--${name} 须为日期（年-月-日） · must be a date YYYY-MM-DD, not “${v}”`);
  }
  const { from, to } = dateWindow(isIsoDate(fallback) ? fallback : v);
  if (v < from || v > to) {
    throw new UsageError(
      `--${name} 应在${from}至${to}之间 · must lie between ${from} (the policy's date) and ${to} (today + ${DATE_WINDOW_YEARS} years), not “${v}”`,
    );
  }
  return v;
}

/** One of the allowed values of a flag. */
export function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  const v = (value ?? fallback) as T;
  if (!allowed.includes(v))
    throw new UsageError(
      `--${name} 须为${allowed.join("、")}之一 · must be one of ${allowed.join(", ")}, not “${v}”`,
    );
  return v;
}

/** `--as-of`: the date a command reads the dataset at (`dateFlag`), today unless given. */
export const asOfFlag = (value: string | undefined, io: CliIo): string =>
  dateFlag("as-of", value, io.today());

/** `--lang`: the language of what a command writes, `zh` unless given. */
export const langFlag = (value: string | undefined): "zh" | "en" =>
  oneOf("lang", value, ["zh", "en"] as const, "zh");

/**
 * Reads a command's input (`readInput`) with a progress line on a terminal: `show.phase` says
 * what follows the read, `show.done` clears the line.
 * @example const { index, show } = await readDataset(io, input); show.done();
 */
export async function readDataset(
  io: CliIo,
  input: string,
  options: Omit<ReadOptions, "onRows"> = {},
): Promise<{ index: DatasetIndex; show: ReturnType<typeof progress> }> {
  const show = progress(io);
  const index = await readInput(input, { ...options, onRows: show.rows }, io.env);
  return { index, show };
}

// ---------------------------------------------------------------------------------------------
// Writing output: never over an input, never half a file, never over a file without --force.
// ---------------------------------------------------------------------------------------------

/** What a write must not touch, and whether it may replace an existing file. */
export interface OutputOptions {
  /** The command's inputs (files or folders) as the user named them; `undefined` is skipped. */
  inputs: readonly (string | undefined)[];
  /** Replace an existing output file (`--force`). */
  force?: boolean | undefined;
}

/** Temporary files and folders being written: removed if the process is interrupted. */
export const PENDING = new Set<string>();

const REASONS: Record<string, string> = {
  EACCES: "没有写入权限",
  EPERM: "没有写入权限",
  ENOENT: "所在文件夹不存在或不可写",
  ENOTDIR: "路径中有一项不是文件夹",
  EROFS: "只读文件系统",
  ENOSPC: "磁盘空间不足",
  EDQUOT: "磁盘配额不足",
  EISDIR: "是一个文件夹",
  EEXIST: "已存在",
  ENAMETOOLONG: "路径过长",
  EINVAL: "路径不可用",
  EXDEV: "路径不可用",
  EBUSY: "文件被占用",
};

/** An error of the file system while writing `path`, as a usage error (exit 2). */
export function writeError(path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (error instanceof UsageError || !code || !/^E[A-Z]+$/.test(code)) return error as Error;
  const zh = REASONS[code] ?? "写入失败";
  return new UsageError(`无法写入“${path}”：${zh} · cannot write ${path}: ${code}`);
}

/** Whether something exists at `path` (a dangling symlink counts). */
async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where a path really is: its real path when it exists (symlinks followed), else the real path of
 * its nearest existing folder joined with the rest.
 */
async function realTarget(path: string): Promise<string> {
  const absolute = resolve(path);
  let head = absolute;
  const rest: string[] = [];
  for (;;) {
    try {
      return join(await realpath(head), ...rest);
    } catch {
      const parent = dirname(head);
      if (parent === head) return absolute;
      rest.unshift(basename(head));
      head = parent;
    }
  }
}

interface RealInput {
  given: string;
  real: string;
  folder: boolean;
}

async function realInputs(inputs: OutputOptions["inputs"]): Promise<RealInput[]> {
  const out: RealInput[] = [];
  for (const given of inputs) {
    if (given === undefined) continue;
    try {
      const real = await realpath(given);
      out.push({ given, real, folder: (await stat(real)).isDirectory() });
    } catch {
      // An input that does not exist cannot be overwritten; reading it says what is wrong.
    }
  }
  return out;
}

const inside = (path: string, folder: string) =>
  path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/** Refuses an output (file or folder) that is an input or lies inside an input folder. */
function refuseOverlap(given: string, real: string, inputs: readonly RealInput[]): void {
  for (const input of inputs) {
    if (real === input.real) {
      throw new UsageError(
        input.folder
          ? `输出“${given}”就是输入文件夹“${input.given}”，不会写入；请另选输出位置 · refusing to write ${given}: it is the input folder ${input.given}; choose another output`
          : `输出“${given}”就是输入文件“${input.given}”，不会覆盖；请另选输出文件 · refusing to write ${given}: it is the input file ${input.given}; choose another output`,
      );
    }
    if (input.folder && inside(real, input.real)) {
      throw new UsageError(
        `输出“${given}”位于输入文件夹“${input.given}”内，不会写入；请另选输出位置 · refusing to write ${given}: it lies inside the input folder ${input.given}; choose another output`,
      );
    }
  }
}

/** Creates a file in `folder` and removes it: whether the folder takes new files. */
async function probe(folder: string, shown: string): Promise<void> {
  const tmp = join(folder, `.shuangbao-probe-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    const handle = await open(tmp, "wx");
    await handle.close();
    await unlink(tmp);
  } catch (error) {
    throw writeError(shown, error);
  }
}

/**
 * Checks an output file before any work is done: not an input, not inside an input folder, not an
 * existing file unless `force`, not a folder, and its folder takes new files. Throws `UsageError`.
 */
export async function checkOutput(path: string, options: OutputOptions): Promise<void> {
  const real = await realTarget(path);
  refuseOverlap(path, real, await realInputs(options.inputs));
  const absolute = resolve(path);
  const parent = dirname(absolute);
  let parentStat: Awaited<ReturnType<typeof stat>>;
  try {
    parentStat = await stat(parent);
  } catch (error) {
    throw writeError(path, error);
  }
  if (!parentStat.isDirectory())
    throw writeError(path, Object.assign(new Error(), { code: "ENOTDIR" }));
  if (await exists(absolute)) {
    const s = await stat(absolute).catch(() => undefined);
    if (s?.isDirectory())
      throw new UsageError(`输出“${path}”是一个文件夹，不是文件 · ${path} is a folder, not a file`);
    if (!options.force)
      throw new UsageError(
        `输出文件“${path}”已存在；如要覆盖，请加 --force · ${path} already exists; add --force to overwrite it`,
      );
  }
  await probe(parent, path);
}

/**
 * Writes `content` to `path` safely, or to stdout when `path` is undefined (text only): checks as
 * `checkOutput`, writes a temporary file in the same folder and renames it over the target, so a
 * failure never leaves half a file. Every file-system failure is a usage error naming the path.
 * @example await writeOutput(io, "report.txt", text, { inputs: [input], force: false })
 */
export async function writeOutput(
  io: CliIo,
  path: string | undefined,
  content: string | Uint8Array,
  options: OutputOptions,
): Promise<void> {
  if (path === undefined) {
    io.stdout(typeof content === "string" ? content : Buffer.from(content).toString("utf8"));
    return;
  }
  await checkOutput(path, options);
  const absolute = resolve(path);
  const tmp = join(
    dirname(absolute),
    `.${basename(absolute)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`,
  );
  PENDING.add(tmp);
  try {
    const handle = await open(tmp, "wx");
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, absolute);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => {});
    throw writeError(path, error);
  } finally {
    PENDING.delete(tmp);
  }
}

/** Options of a folder output: the names of the files it will hold. */
export interface FolderOutputOptions extends OutputOptions {
  /** The files the command writes into the folder (checked before any work). */
  names: readonly string[];
}

/** The missing folders from `path` up to its nearest existing ancestor, outermost first. */
async function missingFolders(path: string): Promise<string[]> {
  const missing: string[] = [];
  let head = resolve(path);
  while (!(await exists(head))) {
    missing.unshift(head);
    const parent = dirname(head);
    if (parent === head) break;
    head = parent;
  }
  const s = await stat(head).catch(() => undefined);
  if (s && !s.isDirectory()) throw Object.assign(new Error(`${head}`), { code: "ENOTDIR" });
  return missing;
}

/**
 * Checks a folder output before any work is done: the folder is not an input and not inside an
 * input folder, none of `names` in it would replace an input or (without `force`) an existing
 * file, and it can be created and written. Throws `UsageError`.
 */
export async function checkOutputFolder(dir: string, options: FolderOutputOptions): Promise<void> {
  const inputs = await realInputs(options.inputs);
  const real = await realTarget(dir);
  refuseOverlap(dir, real, inputs);
  const s = await stat(dir).catch(() => undefined);
  if (s && !s.isDirectory())
    throw new UsageError(`输出“${dir}”不是文件夹 · ${dir} is not a folder`);
  for (const name of options.names) {
    const target = join(dir, name);
    refuseOverlap(target, await realTarget(target), inputs);
    if (!options.force && (await exists(target)))
      throw new UsageError(
        `输出文件夹“${dir}”中已有“${name}”；如要覆盖，请加 --force · ${dir} already holds ${name}; add --force to overwrite it`,
      );
  }
  let missing: string[];
  try {
    missing = await missingFolders(dir);
  } catch (error) {
    throw writeError(dir, error);
  }
  await probe(missing.length > 0 ? dirname(missing[0]!) : resolve(dir), dir);
}

/**
 * Writes a folder of files safely: checks as `checkOutputFolder`, creates the folder, lets
 * `produce` write into a temporary folder inside it, then moves each file into place (a failure
 * leaves no partial file and removes what it created). Returns the paths written, as
 * `join(dir, name)`.
 * @example await writeOutputFolder("plan", { inputs: [input], names: ["a.csv"] }, (tmp) => write(join(tmp, "a.csv")))
 */
export async function writeOutputFolder(
  dir: string,
  options: FolderOutputOptions,
  produce: (tmp: string) => Promise<void>,
): Promise<string[]> {
  await checkOutputFolder(dir, options);
  let created: string[];
  try {
    created = await missingFolders(dir);
    for (const folder of created) await mkdir(folder);
  } catch (error) {
    throw writeError(dir, error);
  }
  let tmp: string | undefined;
  try {
    tmp = await mkdtemp(join(resolve(dir), ".shuangbao-"));
    PENDING.add(tmp);
    await produce(tmp);
    const names = (await readdir(tmp)).sort();
    const inputs = await realInputs(options.inputs);
    for (const name of names) {
      const target = join(dir, name);
      refuseOverlap(target, await realTarget(target), inputs);
      if (!options.force && !options.names.includes(name) && (await exists(target)))
        throw new UsageError(
          `输出文件夹“${dir}”中已有“${name}”；如要覆盖，请加 --force · ${dir} already holds ${name}; add --force to overwrite it`,
        );
    }
    for (const name of names) await rename(join(tmp, name), join(resolve(dir), name));
    await rmdir(tmp);
    PENDING.delete(tmp);
    return names.map((n) => join(dir, n));
  } catch (error) {
    if (tmp) {
      await rm(tmp, { recursive: true, force: true }).catch(() => {});
      PENDING.delete(tmp);
    }
    for (const folder of created.reverse()) await rmdir(folder).catch(() => {});
    throw writeError(dir, error);
  }
}
