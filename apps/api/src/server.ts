/**
 * The Node entry: reads the environment (`config.ts`), builds the app and listens with
 * @hono/node-server; stops gracefully on SIGTERM and SIGINT.
 */
import { readFileSync } from "node:fs";
import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { ServerConfigError, serverConfig, USAGE } from "./config.js";
import { swaggerUiAssets } from "./docs-assets.js";

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

const app = createApp({
  ...config.app,
  version: VERSION,
  log: (line) => process.stdout.write(`${line}\n`),
  docsAssets: swaggerUiAssets(),
});

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  const auth = config.app.insecureNoAuth ? " — NO AUTH" : "";
  process.stderr.write(
    `shuangbao api ${VERSION} listening on http://${info.address}:${info.port}${auth}\n`,
  );
});

function shutdown() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
