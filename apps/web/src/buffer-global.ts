/**
 * Globals exceljs's writer expects of Node, set before it loads: `Buffer` (its string buffers are
 * Buffers) and `global`. Imported first by the worker.
 */
import { Buffer } from "buffer";

const g = globalThis as unknown as { Buffer?: unknown; global?: unknown };
g.Buffer ??= Buffer;
g.global ??= globalThis;
