import { PARAMETER_NAMES, PARAMETERS, POLICY_DATE } from "@shuangbao/core";
import { describe, expect, it } from "vitest";
import { authed, testApp } from "../test-helpers.js";

interface Listed {
  on: string;
  parameters: { name: string; value: unknown; clause: string; effectiveFrom: string }[];
}

describe("GET /v1/parameters", () => {
  it("lists each parameter with its value, clause, note and effective date on a day", async () => {
    const { app } = testApp();
    const res = await app.request("/v1/parameters?on=2015-12-31", { headers: authed() });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Listed;
    expect(body.on).toBe("2015-12-31");
    expect(body.parameters.map((p) => p.name)).toEqual(PARAMETER_NAMES);
    const term = body.parameters.find((p) => p.name === "termYears")!;
    expect(term).toEqual({
      name: "termYears",
      title: { zh: "包村帮扶期限（年）", en: "contract term (years)" },
      kind: "count",
      interpretation: false,
      value: 3,
      clause: PARAMETERS.termYears.clause,
      effectiveFrom: POLICY_DATE,
    });
    const visits = body.parameters.find((p) => p.name === "householdVisitsPerYear")!;
    expect(visits).toHaveProperty("note.zh");
    expect(visits).toHaveProperty("interpretation", true);
    expect(
      body.parameters.filter((p) => (p as { interpretation?: boolean }).interpretation),
    ).toHaveLength(8);
  });

  it("defaults to today's date in Asia/Shanghai", async () => {
    const { app } = testApp();
    const body = (await (
      await app.request("/v1/parameters", { headers: authed() })
    ).json()) as Listed;
    expect(body.on).toBe("2018-07-20");
  });

  it("answers 400 naming query.on for a bad date", async () => {
    const { app } = testApp();
    const res = await app.request("/v1/parameters?on=2015-13-01", { headers: authed() });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ part: "query.on" });
  });

  it("needs a key", async () => {
    const { app } = testApp();
    expect((await app.request("/v1/parameters")).status).toBe(401);
  });
});
