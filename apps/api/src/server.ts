import { serve } from "@hono/node-server";
import { createApp } from "./app.js";

const host = process.env.HOST ?? "127.0.0.1";
const port = Number(process.env.PORT ?? 8787);
const server = serve({ fetch: createApp().fetch, hostname: host, port }, (info) => {
  process.stderr.write(`shuangbao api listening on http://${info.address}:${info.port}\n`);
});

function shutdown() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
