import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { audit } from "@shuangbao/core";
import { writeDatasetXlsx } from "@shuangbao/io";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  authed,
  compliantCounty,
  FIXTURE_AS_OF,
  PERSONAL,
  postJson,
  testApp,
  UNMASK_KEY,
  XLSX,
} from "../test-helpers.js";

/** The fixture with one person's ID number made wrong (a finding quoting it) and a phone. */
function datasetWithPersonalData() {
  const d = compliantCounty();
  const person = d.people[0]!;
  person.idNumber = `${PERSONAL.idNumber.slice(0, 17)}${PERSONAL.idNumber.endsWith("1") ? "2" : "1"}`;
  person.phone = PERSONAL.mobile;
  return { d, wrongId: person.idNumber };
}

/** The body as text, keeping a BOM (Response.text() drops it). */
const withBom = async (res: Response) =>
  new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());

const problemOf = async (res: Response) => {
  expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  return (await res.json()) as { type: string; status: number; part?: string; detail: string };
};

describe("POST /v1/audit", () => {
  it("audits a JSON dataset into core's report", async () => {
    const { app } = testApp();
    const res = await app.request(`/v1/audit?asOf=${FIXTURE_AS_OF}`, postJson(compliantCounty()));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
    const expected = audit(compliantCounty(), { asOf: FIXTURE_AS_OF });
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it("defaults asOf to today's date in Asia/Shanghai", async () => {
    const { app } = testApp(); // the clock is 2018-07-19T17:00Z, 2018-07-20 in Shanghai
    const res = await app.request("/v1/audit", postJson(compliantCounty()));
    expect(((await res.json()) as { asOf: string }).asOf).toBe("2018-07-20");
  });

  it("reports data errors as findings in a 200 report", async () => {
    const { app } = testApp();
    const d = compliantCounty();
    d.villages.push({ id: "", name: "" } as never);
    const res = await app.request(`/v1/audit?asOf=${FIXTURE_AS_OF}`, postJson(d));
    expect(res.status).toBe(200);
    const report = (await res.json()) as { summary: { error: number } };
    expect(report.summary.error).toBeGreaterThan(0);
  });

  it("takes parameter overrides from the dataset's parameters key", async () => {
    const { app } = testApp();
    const body = { ...compliantCounty(), parameters: { termYears: 5 } };
    const res = await app.request(`/v1/audit?asOf=${FIXTURE_AS_OF}`, postJson(body));
    const report = (await res.json()) as { policy: { parameters: { termYears: number } } };
    expect(report.policy.parameters.termYears).toBe(5);
  });

  it("selects rules, skips rules and overrides severities from the query", async () => {
    const { app } = testApp();
    const d = compliantCounty();
    d.villageAssignments = d.villageAssignments.filter((a) => a.villageId !== d.villages[0]!.id);
    const url = (q: string) => `/v1/audit?asOf=${FIXTURE_AS_OF}&${q}`;
    const only = (await (await app.request(url("rules=village.has-unit"), postJson(d))).json()) as {
      findings: { ruleId: string; severity: string }[];
    };
    expect(only.findings.length).toBeGreaterThan(0);
    expect(new Set(only.findings.map((f) => f.ruleId))).toEqual(new Set(["village.has-unit"]));
    const skipped = (await (
      await app.request(url("skipRules=village.has-unit"), postJson(d))
    ).json()) as { findings: { ruleId: string }[] };
    expect(skipped.findings.some((f) => f.ruleId === "village.has-unit")).toBe(false);
    const warned = (await (
      await app.request(
        url("rules=village.has-unit&severity=village.has-unit:warning"),
        postJson(d),
      )
    ).json()) as { findings: { severity: string }[] };
    expect(warned.findings.every((f) => f.severity === "warning")).toBe(true);
  });

  it("returns the findings table as CSV for Accept: text/csv, in the language asked", async () => {
    const { app } = testApp();
    const { d } = datasetWithPersonalData();
    const res = await app.request(
      `/v1/audit?asOf=${FIXTURE_AS_OF}`,
      postJson(d, { Accept: "text/csv" }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=UTF-8");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="findings.csv"');
    const text = await withBom(res);
    expect(text.startsWith("\uFEFF问题类别,严重程度,规则,条款")).toBe(true);
    expect(text).toContain("data.invalid-id-number");
    const en = await app.request(
      `/v1/audit?asOf=${FIXTURE_AS_OF}&lang=en`,
      postJson(d, { Accept: "text/csv" }),
    );
    expect((await withBom(en)).startsWith("\uFEFFkind,severity,ruleId,clause")).toBe(true);
  });

  it("returns the findings table as XLSX for the XLSX Accept type", async () => {
    const { app } = testApp();
    const { d } = datasetWithPersonalData();
    const res = await app.request(`/v1/audit?asOf=${FIXTURE_AS_OF}`, postJson(d, { Accept: XLSX }));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("问题清单");
    expect(sheet.getRow(1).getCell(3).value).toBe("规则");
    expect(sheet.getRow(2).getCell(3).value).toBe("data.invalid-id-number");
  });

  it("reads an XLSX workbook sent with its own content type", async () => {
    const dir = await mkdtemp(join(tmpdir(), "api-audit-"));
    try {
      const path = join(dir, "data.xlsx");
      await writeDatasetXlsx(compliantCounty(), path);
      const { app } = testApp();
      const res = await app.request(`/v1/audit?asOf=${FIXTURE_AS_OF}`, {
        method: "POST",
        headers: authed({ "Content-Type": XLSX }),
        body: await readFile(path),
      });
      expect(res.status).toBe(200);
      const report = (await res.json()) as { summary: { error: number } };
      expect(report.summary.error).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("reads a zip of CSV files sent as application/zip, with findings naming the file", async () => {
    const zip = zipSync({
      "cities.csv": strToU8("id,name\r\n340800,安庆市\r\n"),
      "counties.csv": strToU8("id,name,cityId,isKeyCounty\r\n340828,岳西县,340800,maybe\r\n"),
    });
    const { app } = testApp();
    const res = await app.request(`/v1/audit?asOf=${FIXTURE_AS_OF}`, {
      method: "POST",
      headers: authed({ "Content-Type": "application/zip" }),
      body: zip,
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as { findings: { source?: { file: string } }[] };
    expect(report.findings.some((f) => f.source?.file === "counties.csv")).toBe(true);
  });

  it("reads multipart/form-data with the file in `file` and overrides in `parameters`", async () => {
    const form = new FormData();
    form.set("file", new Blob([JSON.stringify(compliantCounty())]), "data.json");
    form.set("parameters", JSON.stringify({ termYears: 4 }));
    const { app } = testApp();
    const res = await app.request(`/v1/audit?asOf=${FIXTURE_AS_OF}`, {
      method: "POST",
      headers: authed(),
      body: form,
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as { policy: { parameters: { termYears: number } } };
    expect(report.policy.parameters.termYears).toBe(4);
  });
});

describe("POST /v1/audit: bad requests", () => {
  const bad = async (url: string, init: RequestInit) => {
    const { app } = testApp();
    const res = await app.request(url, init);
    expect(res.status).toBe(400);
    return problemOf(res);
  };

  it("answers 400 naming the body when it is not a dataset", async () => {
    for (const body of ["hello", "[1,2]", '"text"', "{not json", ""]) {
      const p = await bad(`/v1/audit?asOf=${FIXTURE_AS_OF}`, postJson(body));
      expect(p).toMatchObject({ type: "urn:shuangbao:problem:not-a-dataset", part: "body" });
    }
  });

  it("answers 400 naming the body for an XLSX type with bytes that are no workbook", async () => {
    const p = await bad(`/v1/audit?asOf=${FIXTURE_AS_OF}`, {
      method: "POST",
      headers: authed({ "Content-Type": XLSX }),
      body: new Uint8Array([0, 1, 2, 3, 0, 0, 0]),
    });
    expect(p.part).toBe("body");
  });

  it("answers 400 naming query.asOf for a date that does not exist", async () => {
    const p = await bad("/v1/audit?asOf=2018-02-30", postJson(compliantCounty()));
    expect(p).toMatchObject({ type: "urn:shuangbao:problem:invalid-request", part: "query.asOf" });
  });

  it("answers 400 naming the query parameter for an unknown rule id", async () => {
    expect((await bad("/v1/audit?rules=no.such", postJson({}))).part).toBe("query.rules");
    expect((await bad("/v1/audit?skipRules=x", postJson({}))).part).toBe("query.skipRules");
    const p = await bad("/v1/audit?severity=no.such:info", postJson({}));
    expect(p.part).toBe("query.severity");
    expect(p.detail).toContain("no.such");
  });

  it("answers 400 for an unknown level or a severity entry without a level", async () => {
    for (const q of ["village.has-unit:fatal", "village.has-unit", ":error"]) {
      const p = await bad(`/v1/audit?severity=${q}`, postJson({}));
      expect(p.part).toBe("query.severity");
    }
  });

  it("answers 400 for an unknown lang", async () => {
    expect((await bad("/v1/audit?lang=fr", postJson({}))).part).toBe("query.lang");
  });

  it("answers 400 naming the parameter for an unknown or mistyped override", async () => {
    const unknown = { ...compliantCounty(), parameters: { noSuch: 1 } };
    expect((await bad(`/v1/audit?asOf=${FIXTURE_AS_OF}`, postJson(unknown))).part).toBe(
      "parameters.noSuch",
    );
    const mistyped = { ...compliantCounty(), parameters: { termYears: "three" } };
    expect((await bad(`/v1/audit?asOf=${FIXTURE_AS_OF}`, postJson(mistyped))).part).toBe(
      "parameters.termYears",
    );
  });

  it("answers 400 for multipart overrides that are not a JSON object, or no file", async () => {
    for (const parameters of ["{oops", "[1]"]) {
      const form = new FormData();
      form.set("file", new Blob(["{}"]), "data.json");
      form.set("parameters", parameters);
      const p = await bad("/v1/audit", { method: "POST", headers: authed(), body: form });
      expect(p.part).toBe("parameters");
    }
    const form = new FormData();
    form.set("dataset", new Blob(["{}"]), "data.json");
    const p = await bad("/v1/audit", { method: "POST", headers: authed(), body: form });
    expect(p.part).toBe("body.file");
  });
});

describe("POST /v1/audit: limits and content types", () => {
  it("answers 413 problem for a body over the limit", async () => {
    const { app } = testApp({ limits: { bodyBytes: 100 } });
    const res = await app.request("/v1/audit", postJson(compliantCounty()));
    expect(res.status).toBe(413);
    expect(await problemOf(res)).toMatchObject({ type: "urn:shuangbao:problem:too-large" });
  });

  it("answers 413 from the Content-Length header alone", async () => {
    const { app } = testApp({ limits: { bodyBytes: 100 } });
    const init = postJson("{}");
    const res = await app.request("/v1/audit", {
      ...init,
      headers: { ...init.headers, "Content-Length": "1000" },
    });
    expect(res.status).toBe(413);
  });

  it("answers 415 problem for another content type or none", async () => {
    const { app } = testApp();
    for (const headers of [authed({ "Content-Type": "text/plain" }), authed()]) {
      const res = await app.request("/v1/audit", { method: "POST", headers, body: "{}" });
      expect(res.status).toBe(415);
      const p = await problemOf(res);
      expect(p).toMatchObject({
        type: "urn:shuangbao:problem:unsupported-media-type",
        part: "header.Content-Type",
      });
    }
  });
});

describe("POST /v1/audit: masking", () => {
  it("masks ID numbers in findings in JSON, CSV and XLSX", async () => {
    const { app } = testApp();
    const { d, wrongId } = datasetWithPersonalData();
    const masked = `${wrongId.slice(0, 6)}********${wrongId.slice(-4)}`;
    const url = `/v1/audit?asOf=${FIXTURE_AS_OF}`;
    const json = await (await app.request(url, postJson(d))).text();
    expect(json).toContain(masked);
    expect(json).not.toContain(wrongId);
    const csv = await (await app.request(url, postJson(d, { Accept: "text/csv" }))).text();
    expect(csv).toContain(masked);
    expect(csv).not.toContain(wrongId);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      await (await app.request(url, postJson(d, { Accept: XLSX }))).arrayBuffer(),
    );
    const cells: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.value));
      });
    });
    expect(cells.join("\n")).toContain(masked);
    expect(cells.join("\n")).not.toContain(wrongId);
  });

  it("unmasks with unmask=true and an unmask key", async () => {
    const { app } = testApp();
    const { d, wrongId } = datasetWithPersonalData();
    const init = postJson(d);
    const res = await app.request(`/v1/audit?asOf=${FIXTURE_AS_OF}&unmask=true`, {
      ...init,
      headers: { ...init.headers, Authorization: `Bearer ${UNMASK_KEY}` },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(wrongId);
  });

  it("keeps masking for an unmask key that does not ask", async () => {
    const { app } = testApp();
    const { d, wrongId } = datasetWithPersonalData();
    const init = postJson(d);
    const res = await app.request(`/v1/audit?asOf=${FIXTURE_AS_OF}`, {
      ...init,
      headers: { ...init.headers, Authorization: `Bearer ${UNMASK_KEY}` },
    });
    expect(await res.text()).not.toContain(wrongId);
  });

  it("answers 403 to unmask=true with an ordinary key, and when auth is off", async () => {
    const { app } = testApp();
    const { d } = datasetWithPersonalData();
    const res = await app.request(`/v1/audit?unmask=true`, postJson(d));
    expect(res.status).toBe(403);
    expect(await problemOf(res)).toMatchObject({ part: "query.unmask" });
    const open = testApp({ apiKeys: [], unmaskKeys: [], insecureNoAuth: true }).app;
    const res2 = await open.request(`/v1/audit?unmask=true`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(d),
    });
    expect(res2.status).toBe(403);
  });
});
