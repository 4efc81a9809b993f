import { buildForm, FORMS, loadDataset } from "@shuangbao/core";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { maskTable } from "../mask.js";
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

/** The fixture with every person's phone set to one mobile number. */
function withPhones() {
  const d = compliantCounty();
  for (const p of d.people) p.phone = PERSONAL.mobile;
  return d;
}

describe("POST /v1/forms/{form}", () => {
  it("builds each of the four forms as JSON, as core builds it (masked)", async () => {
    const { app } = testApp();
    for (const { id } of FORMS) {
      const res = await app.request(
        `/v1/forms/${id}?asOf=${FIXTURE_AS_OF}`,
        postJson(compliantCounty()),
      );
      expect(res.status).toBe(200);
      const table = maskTable(
        buildForm(id, loadDataset(compliantCounty()), { asOf: FIXTURE_AS_OF }),
      );
      const body = (await res.json()) as { id: string; columns: unknown[]; rows: unknown[] };
      expect(body.id).toBe(table.id);
      expect(body.columns).toEqual(JSON.parse(JSON.stringify(table.columns)));
      expect(body.rows).toEqual(JSON.parse(JSON.stringify([...table.rows])));
    }
  });

  it("returns CSV and XLSX by Accept", async () => {
    const { app } = testApp();
    const url = `/v1/forms/unit-summary?asOf=${FIXTURE_AS_OF}`;
    const csv = await app.request(url, postJson(compliantCounty(), { Accept: "text/csv" }));
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=UTF-8");
    expect(csv.headers.get("Content-Disposition")).toContain("unit-summary.csv");
    expect((await csv.text()).split("\r\n").length).toBeGreaterThan(2);
    const xlsx = await app.request(url, postJson(compliantCounty(), { Accept: XLSX }));
    expect(xlsx.headers.get("Content-Type")).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets[0]!.rowCount).toBeGreaterThan(1);
  });

  it("masks phones in JSON, CSV and XLSX, and unmasks only for an unmask key", async () => {
    const { app } = testApp();
    const url = `/v1/forms/unit-register?asOf=${FIXTURE_AS_OF}`;
    const json = await (await app.request(url, postJson(withPhones()))).text();
    expect(json).toContain("139****5678");
    expect(json).not.toContain(PERSONAL.mobile);
    const csv = await (
      await app.request(url, postJson(withPhones(), { Accept: "text/csv" }))
    ).text();
    expect(csv).toContain("139****5678");
    expect(csv).not.toContain(PERSONAL.mobile);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      await (await app.request(url, postJson(withPhones(), { Accept: XLSX }))).arrayBuffer(),
    );
    const values: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => {
      row.eachCell((cell) => {
        values.push(String(cell.value));
      });
    });
    expect(values).toContain("139****5678");
    expect(values).not.toContain(PERSONAL.mobile);

    const init = postJson(withPhones());
    const open = await app.request(`${url}&unmask=true`, {
      ...init,
      headers: { ...init.headers, Authorization: `Bearer ${UNMASK_KEY}` },
    });
    expect(await open.text()).toContain(PERSONAL.mobile);
    expect((await app.request(`${url}&unmask=true`, postJson(withPhones()))).status).toBe(403);
  });

  it("answers 404 problem for an unknown form", async () => {
    const { app } = testApp();
    const res = await app.request("/v1/forms/no-such-form", postJson(compliantCounty()));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ part: "path.form" });
  });

  it("answers 400 for a bad asOf or body, 415 for another type, 401 without a key", async () => {
    const { app } = testApp();
    const bad = await app.request("/v1/forms/unit-register?asOf=2015-02-29", postJson({}));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ part: "query.asOf" });
    const notData = await app.request("/v1/forms/unit-register", postJson("nonsense"));
    expect(notData.status).toBe(400);
    const wrongType = await app.request("/v1/forms/unit-register", {
      method: "POST",
      headers: authed({ "Content-Type": "text/csv" }),
      body: "id\n1\n",
    });
    expect(wrongType.status).toBe(415);
    const noKey = await app.request("/v1/forms/unit-register", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(noKey.status).toBe(401);
  });

  it("answers 413 over the body limit", async () => {
    const { app } = testApp({ limits: { bodyBytes: 10 } });
    const res = await app.request("/v1/forms/unit-register", postJson(compliantCounty()));
    expect(res.status).toBe(413);
  });
});
