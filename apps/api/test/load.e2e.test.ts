/**
 * The built server under hostile input and load, over real HTTP on 127.0.0.1: every hostile
 * request gets its status while valid audits sent alongside return reports byte-identical to a
 * quiet run; /healthz answers throughout; the server never exits. Loops are bounded.
 */
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { connect, type Socket } from "node:net";
import { compliantCounty, FIXTURE_AS_OF } from "@shuangbao/core/testing";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, KEY, type RunningServer, readyz, startServer } from "./server-process.js";

const AUTH = { Authorization: `Bearer ${KEY}` };
const AUDIT = `/v1/audit?asOf=${FIXTURE_AS_OF}`;

/** A valid dataset with findings (a village without its unit) and a personal number. */
function dataset() {
  const d = compliantCounty();
  d.villageAssignments = d.villageAssignments.slice(1);
  d.people[0]!.phone = "13912345678";
  return JSON.stringify(d);
}
const VALID = dataset();

/** `n` empty village rows: each costs the loader time, so the job runs for seconds. */
const slowBody = (n: number) => `{"villages":[${Array(n).fill("{}").join(",")}]}`;

async function post(
  base: string,
  path: string,
  body: string | Uint8Array,
  type = "application/json",
) {
  const res = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { ...AUTH, "Content-Type": type },
    body,
  });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** Opens a raw connection and sends the head of a POST that promises `length` bytes. */
async function partialUpload(port: number, length: number, sent: number): Promise<Socket> {
  const socket = connect(port, "127.0.0.1");
  await once(socket, "connect");
  socket.on("error", () => {});
  socket.write(
    `POST ${AUDIT} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${KEY}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${length}\r\n\r\n${"{".repeat(sent)}`,
  );
  return socket;
}

describe("hostile input beside valid audits", () => {
  let server: RunningServer;
  let quiet: Uint8Array;
  beforeAll(async () => {
    server = await startServer({
      SHUANGBAO_BODY_LIMIT_MB: "1",
      SHUANGBAO_INFLATED_LIMIT_MB: "2",
      SHUANGBAO_WORKERS: "2",
    });
    const { res, bytes } = await post(server.base, AUDIT, VALID);
    expect(res.status).toBe(200);
    quiet = bytes;
  });
  afterAll(async () => {
    expect(await server.stop()).toBe(0);
  });

  it("answers each hostile request with its status; valid audits stay byte-identical", async () => {
    const bomb = zipSync(
      { "villages.csv": strToU8(`id,name\n${"1,x\n".repeat(4_000_000)}`) },
      { level: 9 },
    );
    const deep = `{"villages":[${"[".repeat(500_000)}${"]".repeat(500_000)}]}`;
    const gbk = new Uint8Array([
      ...strToU8('{"villages":[{"id":"'),
      0xd4,
      0xc0,
      ...strToU8('"}]}'),
    ]);
    const hostile: [string, Promise<{ res: Response }>, number][] = [
      ["zip bomb", post(server.base, AUDIT, bomb, "application/zip"), 413],
      ["deep nesting", post(server.base, AUDIT, deep), 400],
      ["asOf 9999-12-31", post(server.base, "/v1/audit?asOf=9999-12-31", VALID), 400],
      ["oversized body", post(server.base, AUDIT, "x".repeat(2 * 1024 * 1024)), 413],
      ["invalid UTF-8", post(server.base, AUDIT, gbk), 400],
      ["__proto__", post(server.base, AUDIT, '{"parameters":{"__proto__":{"termYears":9}}}'), 400],
      ["unknown charset", post(server.base, AUDIT, VALID, "application/json; charset=latin1"), 415],
    ];
    const aborted = partialUpload(server.port, 500_000, 1000).then((s) => {
      s.destroy();
    });
    const valid = Array.from({ length: 6 }, () => post(server.base, AUDIT, VALID));
    const health = Array.from({ length: 5 }, () => fetch(`${server.base}/healthz`));
    for (const [name, pending, status] of hostile) {
      const { res } = await pending;
      expect(res.status, name).toBe(status);
      expect(res.headers.get("content-type"), name).toBe("application/problem+json");
    }
    await aborted;
    for (const pending of valid) {
      const { res, bytes } = await pending;
      expect(res.status).toBe(200);
      expect(Buffer.from(bytes).equals(Buffer.from(quiet))).toBe(true);
    }
    for (const res of await Promise.all(health)) expect(res.status).toBe(200);
    expect(Buffer.from(quiet).toString()).not.toContain("13912345678");
    expect(
      await eventually(async () => {
        const r = await readyz(server.base);
        return r.http === 200 && r.queue.bodyBytes.held === 0 && r.queue.running === 0;
      }),
    ).toBe(true);
    expect(server.child.exitCode).toBeNull();
  });

  it("answers 64 concurrent audits: each 200 and byte-identical, or 503 with Retry-After", async () => {
    const all = await Promise.all(
      Array.from({ length: 64 }, () => post(server.base, AUDIT, VALID)),
    );
    let ok = 0;
    for (const { res, bytes } of all) {
      if (res.status === 200) {
        ok++;
        expect(Buffer.from(bytes).equals(Buffer.from(quiet))).toBe(true);
      } else {
        expect(res.status).toBe(503);
        expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      }
    }
    expect(ok).toBeGreaterThan(0);
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  });

  it("answers Node's own 400 for broken framing as a problem", async () => {
    const socket = connect(server.port, "127.0.0.1");
    await once(socket, "connect");
    let answer = "";
    socket.on("data", (d: Buffer) => {
      answer += d.toString();
    });
    socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\nBroken Header\r\n\r\n");
    await once(socket, "close");
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain("application/problem+json");
    expect(answer).toContain("urn:shuangbao:problem:invalid-request");
    expect(server.stdout()).toContain('"event":"client-error"');
  });
});

describe("keep-alive and 413", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ SHUANGBAO_BODY_LIMIT_MB: "0.01" });
  });
  afterAll(async () => {
    await server.stop();
  });

  /** A request on `agent`; resolves with the status, headers, body and the socket used. */
  const send = (agent: Agent, method: string, path: string, body?: string) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: string; socket: Socket }>(
      (resolve, reject) => {
        let socket: Socket | undefined;
        const req = request(
          { host: "127.0.0.1", port: server.port, method, path, agent, headers: AUTH },
          (res) => {
            let text = "";
            res.on("data", (d: Buffer) => {
              text += d.toString();
            });
            res.on("end", () =>
              resolve({
                status: res.statusCode ?? 0,
                headers: res.headers,
                body: text,
                socket: socket!,
              }),
            );
          },
        );
        req.on("error", reject);
        req.on("socket", (s) => {
          socket = s as Socket;
        });
        if (body !== undefined) {
          req.setHeader("Content-Type", "application/json");
          req.setHeader("Content-Length", Buffer.byteLength(body));
          req.end(body);
        } else req.end();
      },
    );

  it("keeps sockets alive longer than clients idle, and closes honestly after a 413", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const a = await send(agent, "GET", "/healthz");
      const b = await send(agent, "GET", "/v1/rules");
      expect(a.headers["keep-alive"]).toBe("timeout=65");
      expect(b.socket).toBe(a.socket);
      const closed = once(a.socket, "close");
      const big = await send(agent, "POST", AUDIT, "x".repeat(50_000));
      expect(big.status).toBe(413);
      expect(big.headers.connection).toBe("close");
      expect(JSON.parse(big.body)).toMatchObject({ limit: "SHUANGBAO_BODY_LIMIT_MB" });
      await closed;
      const c = await send(agent, "GET", "/healthz");
      expect(c.status).toBe(200);
      expect(c.socket).not.toBe(a.socket);
    } finally {
      agent.destroy();
    }
  });
});

describe("the queue over real HTTP", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      SHUANGBAO_WORKERS: "1",
      SHUANGBAO_QUEUE: "0",
      SHUANGBAO_MAX_ROWS: "1000000",
    });
  });
  afterAll(async () => {
    await server.stop();
  });

  it("answers 503 while an upload holds the only slot, and frees it when the upload is aborted", async () => {
    const quiet = (await post(server.base, AUDIT, VALID)).bytes;
    const upload = await partialUpload(server.port, 100_000, 10);
    expect(await eventually(async () => (await readyz(server.base)).http === 503)).toBe(true);
    const { res, bytes } = await post(server.base, AUDIT, VALID);
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(Buffer.from(bytes).toString()).limit).toBe("SHUANGBAO_QUEUE");
    upload.destroy();
    expect(await eventually(async () => (await readyz(server.base)).http === 200)).toBe(true);
    const after = await post(server.base, AUDIT, VALID);
    expect(after.res.status).toBe(200);
    expect(Buffer.from(after.bytes).equals(Buffer.from(quiet))).toBe(true);
  });

  it("cancels the job of a client that goes away: the worker stops computing", async () => {
    const controller = new AbortController();
    const pending = fetch(`${server.base}${AUDIT}`, {
      method: "POST",
      headers: { ...AUTH, "Content-Type": "application/json" },
      body: slowBody(100_000),
      signal: controller.signal,
    }).catch((error: unknown) => error);
    expect(await eventually(async () => (await readyz(server.base)).queue.running === 1)).toBe(
      true,
    );
    controller.abort();
    await pending;
    expect(
      await eventually(async () => {
        const r = await readyz(server.base);
        return r.http === 200 && r.queue.running === 0;
      }),
    ).toBe(true);
    // The server goes quiet: within a few half-second windows (the replacement worker starts in
    // the first ones) one uses almost no CPU, where the job (seconds of work) would use it all.
    const cpu = () => {
      const stat = readFileSync(`/proc/${server.child.pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return Number(fields[11]) + Number(fields[12]); // clock ticks, 100 a second
    };
    let quiet = false;
    for (let window = 0; window < 10 && !quiet; window++) {
      const before = cpu();
      await new Promise((r) => setTimeout(r, 500));
      quiet = cpu() - before < 10;
    }
    expect(quiet).toBe(true);
    expect(server.stdout()).toMatch(/"status":499.*"aborted":true/);
    expect((await post(server.base, AUDIT, VALID)).res.status).toBe(200);
  });
});

describe("timeouts and shutdown", () => {
  it("answers 504 for a job past its timeout, and keeps serving", async () => {
    const server = await startServer({
      SHUANGBAO_JOB_TIMEOUT_S: "0.2",
      SHUANGBAO_MAX_ROWS: "1000000",
    });
    try {
      const { res, bytes } = await post(server.base, AUDIT, slowBody(100_000));
      expect(res.status).toBe(504);
      expect(JSON.parse(Buffer.from(bytes).toString()).limit).toBe("SHUANGBAO_JOB_TIMEOUT_S");
      expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it("on SIGTERM finishes a running job, refuses new connections, and exits 0", async () => {
    const server = await startServer({ SHUANGBAO_WORKERS: "1", SHUANGBAO_MAX_ROWS: "1000000" });
    const pending = post(server.base, AUDIT, slowBody(20_000));
    expect(await eventually(async () => (await readyz(server.base)).queue.running === 1)).toBe(
      true,
    );
    const exited = server.stop();
    // While the job still runs, the server takes no new connection.
    const refused = await eventually(() =>
      fetch(`${server.base}/healthz`).then(
        () => false,
        () => true,
      ),
    );
    expect(refused).toBe(true);
    const { res } = await pending;
    expect(res.status).toBe(200);
    expect(res.headers.get("connection")).toBe("close");
    expect(await exited).toBe(0);
    await expect(fetch(`${server.base}/healthz`)).rejects.toThrow();
    expect(server.stdout()).toContain('"event":"stopped"');
  });

  it("cancels what is still running when the shutdown time is up, and exits 0", async () => {
    const server = await startServer({
      SHUANGBAO_WORKERS: "1",
      SHUANGBAO_MAX_ROWS: "1000000",
      SHUANGBAO_SHUTDOWN_TIMEOUT_S: "0.3",
    });
    const pending = post(server.base, AUDIT, slowBody(200_000)).then(
      ({ res }) => res.status,
      () => "closed",
    );
    expect(await eventually(async () => (await readyz(server.base)).queue.running === 1)).toBe(
      true,
    );
    expect(await server.stop()).toBe(0);
    expect([503, "closed"]).toContain(await pending);
    expect(server.stdout()).toMatch(/"event":"stopped","cancelled":true/);
  });
});
