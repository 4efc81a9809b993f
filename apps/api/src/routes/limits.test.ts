/**
 * Every limit and hostile input through the app (jobs in-process): each gets its status, names
 * its limit, quotes input only as a short excerpt, and leaks no personal number.
 */
import { audit } from "@shuangbao/core";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { JobQueue } from "../jobs/queue.js";
import {
  authed,
  compliantCounty,
  FIXTURE_AS_OF,
  heldRunner,
  PERSONAL,
  postJson,
  testApp,
  UNMASK_KEY,
} from "../test-helpers.js";

interface ProblemBody {
  type: string;
  status: number;
  detail: string;
  part?: string;
  limit?: string;
}

const problemOf = async (res: Response, status: number) => {
  expect(res.status).toBe(status);
  expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  expect(res.headers.get("Cache-Control")).toBe("no-store");
  return (await res.json()) as ProblemBody;
};

const url = `/v1/audit?asOf=${FIXTURE_AS_OF}`;

describe("date parameters are held to a window", () => {
  it("answers 400 naming the window for asOf far in the future or before the policy", async () => {
    const { app } = testApp(); // today is 2018-07-20 in Shanghai
    for (const asOf of ["9999-12-31", "2028-07-21", "2014-07-08", "1900-01-01"]) {
      const p = await problemOf(
        await app.request(`/v1/audit?asOf=${asOf}`, postJson(compliantCounty())),
        400,
      );
      expect(p.part).toBe("query.asOf");
      expect(p.detail).toContain("2014-07-09");
      expect(p.detail).toContain("2028-07-20");
    }
  });

  it("accepts both ends of the window", async () => {
    const { app } = testApp();
    for (const asOf of ["2014-07-09", "2028-07-20"]) {
      const res = await app.request(`/v1/audit?asOf=${asOf}`, postJson(compliantCounty()));
      expect(res.status, asOf).toBe(200);
    }
  });

  it("holds every route's date to it: plan, forms, parameters", async () => {
    const { app } = testApp();
    const plan = await app.request("/v1/plan?asOf=9999-12-31", postJson(compliantCounty()));
    expect((await problemOf(plan, 400)).part).toBe("query.asOf");
    const form = await app.request(
      "/v1/forms/unit-register?asOf=9999-12-31",
      postJson(compliantCounty()),
    );
    expect((await problemOf(form, 400)).part).toBe("query.asOf");
    const on = await app.request("/v1/parameters?on=9999-12-31", { headers: authed() });
    expect((await problemOf(on, 400)).part).toBe("query.on");
  });
});

describe("body limits", () => {
  it("answers 413 naming the limit, and closes the connection (the body is not read whole)", async () => {
    const { app } = testApp({ limits: { bodyBytes: 100 } });
    const res = await app.request(url, postJson(compliantCounty()));
    const p = await problemOf(res, 413);
    expect(p).toMatchObject({ part: "body", limit: "SHUANGBAO_BODY_LIMIT_MB" });
    expect(res.headers.get("Connection")).toBe("close");
  });

  it("counts a streamed body without Content-Length", async () => {
    const { app } = testApp({ limits: { bodyBytes: 1000 } });
    const chunk = new TextEncoder().encode(" ".repeat(600));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const res = await app.request(url, {
      method: "POST",
      headers: authed({ "Content-Type": "application/json" }),
      body,
      duplex: "half",
    } as RequestInit);
    expect((await problemOf(res, 413)).limit).toBe("SHUANGBAO_BODY_LIMIT_MB");
  });

  it("answers 400 for JSON nested deeper than the limit, never 500", async () => {
    const { app } = testApp();
    const deep = `{"villages":[{"id":${"[".repeat(200_000)}${"]".repeat(200_000)}}]}`;
    const p = await problemOf(await app.request(url, postJson(deep)), 400);
    expect(p).toMatchObject({ part: "body", limit: "SHUANGBAO_MAX_JSON_DEPTH" });
    const overrides = {
      ...compliantCounty(),
      parameters: { termYears: [[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]] },
    };
    expect((await problemOf(await app.request(url, postJson(overrides)), 400)).limit).toBe(
      "SHUANGBAO_MAX_JSON_DEPTH",
    );
  });

  it("answers 413 for a collection over the row limit", async () => {
    const { app } = testApp({ limits: { rows: 1000 } });
    const body = `{"villages":[${Array(1001).fill("{}").join(",")}]}`;
    const p = await problemOf(await app.request(url, postJson(body)), 413);
    expect(p).toMatchObject({ part: "body.villages", limit: "SHUANGBAO_MAX_ROWS" });
  });

  it("answers 413 for a small zip that inflates past the limit (a zip bomb)", async () => {
    const { app } = testApp({ limits: { inflatedBytes: 1024 * 1024 } });
    const zip = zipSync(
      { "villages.csv": strToU8(`id,name\n${"1,x\n".repeat(1_000_000)}`) },
      { level: 9 },
    );
    expect(zip.length).toBeLessThan(50_000);
    for (const type of ["application/zip", "application/x-zip-compressed"]) {
      const res = await app.request(url, {
        method: "POST",
        headers: authed({ "Content-Type": type }),
        body: zip,
      });
      expect((await problemOf(res, 413)).limit).toBe("SHUANGBAO_INFLATED_LIMIT_MB");
    }
  });

  it("answers 413 for a zip that lies about its sizes, counted as it inflates", async () => {
    const { app } = testApp({ limits: { inflatedBytes: 1024 * 1024 } });
    const zip = zipSync(
      { "villages.csv": strToU8(`id,name\n${"1,x\n".repeat(1_000_000)}`) },
      { level: 9 },
    );
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let i = 0; i + 46 <= zip.length; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 100, true);
    }
    const res = await app.request(url, {
      method: "POST",
      headers: authed({ "Content-Type": "application/zip" }),
      body: zip,
    });
    const p = await problemOf(res, 413);
    expect(p.limit).toBe("SHUANGBAO_INFLATED_LIMIT_MB");
    expect(p.detail).toContain("villages.csv");
  });

  it("answers 413 for a CSV collection over the row limit and a sheet over the cell limit", async () => {
    const csv = `id,name,townshipId,isPoor\n${"V,村,T,否\n".repeat(1001)}`;
    const zip = zipSync({ "villages.csv": strToU8(csv) });
    const send = (app: ReturnType<typeof testApp>["app"]) =>
      app.request(url, {
        method: "POST",
        headers: authed({ "Content-Type": "application/zip" }),
        body: zip,
      });
    const rows = await problemOf(await send(testApp({ limits: { rows: 1000 } }).app), 413);
    expect(rows).toMatchObject({ part: "body", limit: "SHUANGBAO_MAX_ROWS" });
    const cells = await problemOf(await send(testApp({ limits: { cells: 4000 } }).app), 413);
    expect(cells).toMatchObject({ part: "body", limit: "SHUANGBAO_MAX_CELLS" });
    expect((await send(testApp({ limits: { rows: 1001, cells: 5000 } }).app)).status).toBe(200);
  });

  it("answers 413 for a response over the limit", async () => {
    const { app } = testApp({ limits: { responseBytes: 500 } });
    const p = await problemOf(await app.request(url, postJson(compliantCounty())), 413);
    expect(p).toMatchObject({ part: "response", limit: "SHUANGBAO_RESPONSE_LIMIT_MB" });
  });
});

describe("the findings limit", () => {
  /** The fixture with every village's unit taken away: a finding per village. */
  const manyFindings = () => {
    const d = compliantCounty();
    d.villageAssignments = [];
    return d;
  };

  it("cuts the findings and says where: truncated { limit, total }", async () => {
    const full = audit(manyFindings(), { asOf: FIXTURE_AS_OF });
    expect(full.findings.length).toBeGreaterThan(2);
    const { app } = testApp({ limits: { findings: 2 } });
    const res = await app.request(url, postJson(manyFindings()));
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      findings: unknown[];
      truncated: { limit: number; total: number };
      summary: { error: number };
    };
    expect(report.findings).toEqual(JSON.parse(JSON.stringify(full.findings.slice(0, 2))));
    expect(report.truncated).toEqual({ limit: 2, total: full.findings.length });
    expect(report.summary).toEqual(full.summary);
    const csv = await app.request(url, postJson(manyFindings(), { Accept: "text/csv" }));
    expect(csv.headers.get("X-Findings-Truncated")).toBe(`limit=2, total=${full.findings.length}`);
  });

  it("adds nothing when nothing is cut", async () => {
    const { app } = testApp();
    const report = (await (await app.request(url, postJson(manyFindings()))).json()) as object;
    expect(report).not.toHaveProperty("truncated");
  });
});

describe("charsets", () => {
  const gbk = new Uint8Array([
    ...new TextEncoder().encode('{"villages":[{"id":"v1","name":"'),
    0xd4,
    0xc0,
    0xce,
    0xf7, // 岳西 in GBK
    ...new TextEncoder().encode('"}]}'),
  ]);
  const send = (app: ReturnType<typeof testApp>["app"], type: string) =>
    app.request(url, { method: "POST", headers: authed({ "Content-Type": type }), body: gbk });

  it("decodes a GBK body by its declared charset", async () => {
    const { app } = testApp();
    for (const type of ["application/json; charset=gbk", "application/json;charset=GB18030"]) {
      const res = await send(app, type);
      expect(res.status, type).toBe(200);
      expect(await res.text()).not.toContain("\uFFFD");
    }
  });

  it("answers 400 for bytes that are not UTF-8, and 415 for another charset", async () => {
    const { app } = testApp();
    expect((await problemOf(await send(app, "application/json"), 400)).part).toBe("body");
    const p = await problemOf(await send(app, "application/json; charset=latin1"), 415);
    expect(p.part).toBe("header.Content-Type");
  });
});

describe("parameter names are own properties only", () => {
  it("answers 400 for toString, constructor and __proto__, and copies none into a report", async () => {
    const { app } = testApp();
    for (const name of ["toString", "constructor", "__proto__", "hasOwnProperty"]) {
      const body = `{"villages":[],"parameters":{"${name}":{"termYears":9}}}`;
      const res = await app.request(url, postJson(body));
      const text = await res.text();
      expect(res.status, name).toBe(400);
      expect(JSON.parse(text)).toMatchObject({ part: `parameters.${name}` });
    }
    const form = new FormData();
    form.set("file", new Blob([JSON.stringify(compliantCounty())]), "data.json");
    form.set("parameters", '{"__proto__":{"termYears":9}}');
    const res = await app.request(url, { method: "POST", headers: authed(), body: form });
    expect((await problemOf(res, 400)).part).toBe("parameters.__proto__");
  });
});

describe("problems quote input only as a short excerpt, masked", () => {
  it("cuts a long rule id, form id, parameter name and value to at most 40 characters", async () => {
    const { app } = testApp();
    const long = "x".repeat(5000);
    const bad = [
      await app.request(`/v1/audit?rules=${long}`, postJson({})),
      await app.request(`/v1/audit?severity=${long}:error`, postJson({})),
      await app.request(`/v1/forms/${long}`, postJson({})),
      await app.request(`/v1/rules/${long}`, { headers: authed() }),
      await app.request(url, postJson({ villages: [], parameters: { [long]: 1 } })),
      await app.request(url, postJson({ villages: [], parameters: { termYears: long } })),
    ];
    for (const res of bad) {
      const p = (await res.json()) as ProblemBody;
      expect(p.detail).not.toContain("x".repeat(41));
      expect(p.part ?? "").not.toContain("x".repeat(41));
      expect(p.detail.length).toBeLessThan(500);
    }
  });

  it("masks a personal number quoted in a detail or part", async () => {
    const { app } = testApp();
    const res = await app.request(
      url,
      postJson({ villages: [], parameters: { [PERSONAL.mobile]: 1 } }),
    );
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(text).not.toContain(PERSONAL.mobile);
    expect(text).toContain("139****5678");
  });
});

describe("masking every shape of a personal number", () => {
  const shapes = {
    spaced: "340828 19800101 0270",
    hyphenated: "340828-19800101-0270",
    fifteen: "340828800101027",
    seventeen: "34082819800101027",
    nineteen: "3408281980010102701",
    fullWidth: "３４０８２８１９８００１０１０２７０",
  };

  it("masks ID numbers of any shape in findings' messages, tables and unmasks with the key", async () => {
    const { app } = testApp();
    for (const [shape, id] of Object.entries(shapes)) {
      const d = compliantCounty();
      d.people[0]!.idNumber = id;
      const json = await (await app.request(url, postJson(d))).text();
      const csv = await (await app.request(url, postJson(d, { Accept: "text/csv" }))).text();
      const html = await (await app.request(url, postJson(d, { Accept: "text/html" }))).text();
      expect(html).toContain("<!doctype html>");
      const digits = id.normalize("NFKC").replace(/\D/g, "");
      for (const text of [json, csv, html]) {
        expect(text, shape).not.toContain(id);
        expect(text.normalize("NFKC").replace(/[ -]/g, ""), shape).not.toContain(digits);
      }
      const init = postJson(d);
      const open = await app.request(`${url}&unmask=true`, {
        ...init,
        headers: { ...init.headers, Authorization: `Bearer ${UNMASK_KEY}` },
      });
      const unmasked = (await open.text()).normalize("NFKC").replace(/[ -]/g, "");
      expect(unmasked, shape).toContain(digits);
    }
  });
});

describe("the in-flight budget", () => {
  it("answers 503 with Retry-After for a body that would pass it, before reading it", async () => {
    const { app } = testApp({ limits: { inflightBytes: 1000 } });
    const res = await app.request(url, postJson(compliantCounty()));
    const p = await problemOf(res, 503);
    expect(p.limit).toBe("SHUANGBAO_INFLIGHT_LIMIT_MB");
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    expect(res.headers.get("Connection")).toBe("close");
    expect((await app.request("/readyz")).status).toBe(200);
  });
});

describe("the queue through the app", () => {
  it("answers 503 with Retry-After when full, 504 past the timeout, and reports it on /readyz", async () => {
    const { runner, calls, runAll } = heldRunner(1);
    const jobs = new JobQueue(runner, { queue: 0, jobTimeoutMs: 60_000, inflightBytes: 1 << 30 });
    const { app } = testApp({ jobs });
    const first = app.request(url, postJson(compliantCounty()));
    while (calls.length === 0) await new Promise((r) => setImmediate(r));
    const ready = await app.request("/readyz");
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      status: "busy",
      queue: { size: 0, capacity: 0, running: 1, workers: 1 },
    });
    const refused = await app.request(url, postJson(compliantCounty()));
    const p = await problemOf(refused, 503);
    expect(p.limit).toBe("SHUANGBAO_QUEUE");
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    // /healthz answers while the worker is busy.
    expect((await app.request("/healthz")).status).toBe(200);
    await runAll();
    expect((await first).status).toBe(200);
    expect((await app.request("/readyz")).status).toBe(200);

    const slow = new JobQueue(heldRunner(1).runner, {
      queue: 1,
      jobTimeoutMs: 10,
      inflightBytes: 1 << 30,
    });
    const timedOut = await testApp({ jobs: slow }).app.request(url, postJson(compliantCounty()));
    expect((await problemOf(timedOut, 504)).limit).toBe("SHUANGBAO_JOB_TIMEOUT_S");
  });
});

describe("an excerpt never cuts a personal number in two", () => {
  it("masks before it cuts", async () => {
    const { app } = testApp();
    // The ID number straddles the 40th character of the parameter's name.
    const name = `${"x".repeat(30)}${PERSONAL.idNumber}`;
    const text = await (
      await app.request(url, postJson({ villages: [], parameters: { [name]: 1 } }))
    ).text();
    expect(text).not.toContain(PERSONAL.idNumber.slice(0, 9));
  });
});
