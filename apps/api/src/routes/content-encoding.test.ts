/**
 * Compressed bodies (`Content-Encoding`): gzip, deflate and br are read as the plain body is; any
 * other coding is a 415 that lists those taken; a body that inflates past the inflated limit is a
 * 413 naming it; bytes that are not what their coding says are a 400.
 */
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { authed, compliantCounty, FIXTURE_AS_OF, testApp } from "../test-helpers.js";

const url = `/v1/audit?asOf=${FIXTURE_AS_OF}`;
const json = JSON.stringify(compliantCounty());

const post = (body: Uint8Array | string, coding?: string) => ({
  method: "POST",
  headers: authed({
    "Content-Type": "application/json",
    ...(coding === undefined ? {} : { "Content-Encoding": coding }),
  }),
  body,
});

describe("compressed request bodies", () => {
  it("reads gzip, x-gzip, deflate and br bodies into the same report as the plain body", async () => {
    const { app } = testApp();
    const plain = await app.request(url, post(json));
    expect(plain.status).toBe(200);
    const expected = await plain.text();
    const bodies: [string, Uint8Array][] = [
      ["gzip", gzipSync(json)],
      ["x-gzip", gzipSync(json)],
      ["GZip", gzipSync(json)],
      ["deflate", deflateSync(json)],
      ["br", brotliCompressSync(json)],
      ["identity", new TextEncoder().encode(json)],
    ];
    for (const [coding, body] of bodies) {
      const res = await app.request(url, post(body, coding));
      expect(res.status, coding).toBe(200);
      expect(await res.text(), coding).toBe(expected);
    }
  });

  it("answers 415 with Accept-Encoding for a coding it does not take, or two at once", async () => {
    const { app } = testApp();
    for (const coding of ["compress", "zstd", "gzip, br", "gzip;q=1"]) {
      const res = await app.request(url, post(gzipSync(json), coding));
      expect(res.status, coding).toBe(415);
      expect(res.headers.get("Accept-Encoding")).toBe("gzip, deflate, br");
      const p = (await res.json()) as { part: string; detail: string };
      expect(p.part).toBe("header.Content-Encoding");
      expect(p.detail).toContain("不支持的内容编码");
    }
  });

  it("answers 413 naming the inflated limit for a small body that inflates past it", async () => {
    const { app } = testApp({ limits: { inflatedBytes: 1024 * 1024 } });
    // 64 MiB of spaces: about 64 KiB gzipped, 1 MiB allowed.
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, " "));
    expect(bomb.byteLength).toBeLessThan(100 * 1024);
    for (const [coding, body] of [
      ["gzip", bomb],
      ["br", brotliCompressSync(Buffer.alloc(64 * 1024 * 1024, " "))],
    ] as const) {
      const res = await app.request(url, post(body, coding));
      expect(res.status, coding).toBe(413);
      const p = (await res.json()) as { limit: string; part: string; detail: string };
      expect(p.limit).toBe("SHUANGBAO_INFLATED_LIMIT_MB");
      expect(p.part).toBe("body");
      expect(p.detail).toContain("1 MiB");
    }
    // A body that inflates within the limit is read.
    const under = await app.request(url, post(gzipSync(json), "gzip"));
    expect(under.status).toBe(200);
  });

  it("answers 400 naming the coding for bytes that are not what it says", async () => {
    const { app } = testApp();
    for (const coding of ["gzip", "deflate", "br"]) {
      const res = await app.request(url, post(json, coding));
      expect(res.status, coding).toBe(400);
      const p = (await res.json()) as { detail: string; part: string };
      expect(p.part).toBe("body");
      expect(p.detail).toContain(`not valid ${coding} data`);
    }
  });
});
