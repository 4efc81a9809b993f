/**
 * The Node entry: reads the environment (`config.ts`), starts the pool of worker threads, builds
 * the app and listens with @hono/node-server, with timeouts that never reset a reused socket;
 * answers Node's own 400/408/431 as problems; stops gracefully on SIGTERM and SIGINT.
 */
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { serve } from "@hono/node-server";
import { maskText } from "@shuangbao/core";
import { createApp } from "./app.js";
import { bodyTooLarge } from "./body.js";
import { ServerConfigError, serverConfig, USAGE } from "./config.js";
import { swaggerUiAssets } from "./docs-assets.js";
import { JobQueue, piscinaRunner } from "./jobs/queue.js";
import { PROBLEMS, type ProblemKind, problemJson } from "./problem-kinds.js";
import { requestIdFor } from "./request-id.js";

const VERSION = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;

const argv = process.argv.slice(2);
if (argv.includes("--help") || argv.includes("-h")) {
  process.stdout.write(USAGE);
  process.exit(0);
}

let config: ReturnType<typeof serverConfig>;
try {
  config = serverConfig(process.env, argv);
} catch (error) {
  if (!(error instanceof ServerConfigError)) throw error;
  process.stderr.write(`shuangbao api: ${error.message}\n`);
  process.exit(2);
}
const bar = "!".repeat(78);
for (const warning of config.warnings) process.stderr.write(`${bar}\n${warning}\n${bar}\n`);

const log = (line: string) => process.stdout.write(`${line}\n`);
const event = (fields: Record<string, unknown>) =>
  log(JSON.stringify({ time: new Date().toISOString(), level: "info", ...fields }));

/**
 * The browser audit page: `SHUANGBAO_WEB_PAGE` (a path; `off` serves none), else the copy the
 * build puts beside server.js (`dist/web/index.html`, from apps/web).
 */
function readWebPage(setting: string | undefined): Uint8Array | undefined {
  if (setting === "off") return undefined;
  const path = setting ? setting : new URL("./web/index.html", import.meta.url);
  try {
    return readFileSync(path);
  } catch (error) {
    if (setting) {
      process.stderr.write(
        `shuangbao api: SHUANGBAO_WEB_PAGE=${setting}: ${(error as Error).message}\n`,
      );
      process.exit(2);
    }
    return undefined;
  }
}
const webPage = readWebPage(process.env.SHUANGBAO_WEB_PAGE);

const { limits } = config.app;
const runner = piscinaRunner({
  filename: new URL("./worker.js", import.meta.url),
  workers: limits.workers,
  queue: limits.queue,
  heapMiB: limits.workerHeapMiB,
  nice: limits.workerNice,
  onError: (error) => log(JSON.stringify({ level: "error", event: "worker", error: error.name })),
});
const queue = new JobQueue(runner, limits);

const app = createApp({
  ...config.app,
  version: VERSION,
  jobs: queue,
  log,
  docsAssets: swaggerUiAssets(),
  ...(webPage ? { webPage } : {}),
});

const { keepAliveTimeoutMs, headersTimeoutMs, requestTimeoutMs, shutdownTimeoutMs } = config.server;
const server = serve(
  {
    fetch: app.fetch,
    hostname: config.host,
    port: config.port,
    serverOptions: {
      keepAliveTimeout: keepAliveTimeoutMs,
      headersTimeout: headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
    },
  },
  (info) => {
    const auth = config.app.insecureNoAuth ? " — NO AUTH" : "";
    process.stderr.write(
      `shuangbao api ${VERSION} listening on http://${info.address}:${info.port} (${limits.workers} workers)${auth}\n`,
    );
  },
) as Server;
// Set on the server too: idle sockets outlive clients' idle time (so the client closes first),
// and the header timeout outlives the keep-alive one (a reused socket is never cut mid-request).
server.keepAliveTimeout = keepAliveTimeoutMs;
server.headersTimeout = headersTimeoutMs;
server.requestTimeout = requestTimeoutMs;

/** Node's own answers to broken framing, as problems: logged as what they are, never as errors. */
server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
  const code = error.code ?? "unknown";
  event({ event: "client-error", code });
  const inFlight = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (code === "ECONNRESET" || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const kind: ProblemKind =
    code === "HPE_HEADER_OVERFLOW"
      ? "headers-too-large"
      : code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? "request-timeout"
        : "invalid-request";
  const body = problemJson({
    kind,
    detail:
      kind === "headers-too-large"
        ? "请求头过大 · the request's headers are too large"
        : kind === "request-timeout"
          ? "请求未在时限内收完 · the request did not arrive in time"
          : "请求格式错误 · the request is not well-formed HTTP",
    part: "request",
    instance: "",
    requestId: randomUUID(),
  });
  const def = PROBLEMS[kind];
  socket.end(
    `HTTP/1.1 ${def.status} ${STATUS_CODES[def.status]}\r\n` +
      "Content-Type: application/problem+json\r\nCache-Control: no-store\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
});

/**
 * `Expect: 100-continue` with a declared length over the body limit: answered 413 at once, so the
 * client never sends the body; any other is continued and handled as usual.
 */
server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => {
  const declared = req.headers["content-length"];
  if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > limits.bodyBytes) {
    const problem = bodyTooLarge(limits.bodyBytes);
    const requestId = requestIdFor(req.headers["x-request-id"] as string | undefined);
    const body = problemJson({
      kind: problem.kind,
      detail: problem.message,
      part: problem.part,
      limit: problem.limit,
      instance: maskText((req.url ?? "").split("?")[0]!),
      requestId,
    });
    event({ event: "expect-refused", status: 413, requestId: maskText(requestId) });
    res.writeHead(413, {
      "Content-Type": "application/problem+json",
      "Cache-Control": "no-store",
      "X-Request-Id": requestId,
      Connection: "close",
    });
    res.end(body);
    return;
  }
  res.writeContinue();
  server.emit("request", req, res);
});

const sleep = (ms: number) =>
  new Promise<"late">((resolve) => setTimeout(() => resolve("late"), ms));

let stopping = false;
/**
 * Stops: no new connections or jobs (503, `/readyz` says draining), running and queued jobs
 * finish within the shutdown time or are cancelled (their requests answer 503), then exit 0.
 */
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  const start = performance.now();
  event({ event: "shutdown", signal, queue: queue.state() });
  // A last resort: whatever happens below, the process is gone soon after the shutdown time.
  setTimeout(() => process.exit(0), shutdownTimeoutMs + 6000).unref();
  queue.drain();
  const closed = once(server, "close");
  server.close();
  server.closeIdleConnections();
  const finished = await Promise.race([
    queue.idle().then(() => "idle" as const),
    sleep(shutdownTimeoutMs),
  ]);
  if (finished === "late") {
    queue.cancelAll();
    await Promise.race([queue.idle(), sleep(1000)]);
  }
  // Answers being written get a moment to leave; then every connection is closed.
  await Promise.race([closed, sleep(500)]);
  server.closeAllConnections();
  // The workers are ended before the process exits: exiting while a worker is still being
  // terminated can abort Node (a CI run under load once ended with a signal, not 0).
  await Promise.race([queue.destroy(), sleep(4000)]);
  event({
    event: "stopped",
    cancelled: finished === "late",
    ms: Math.round(performance.now() - start),
  });
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
