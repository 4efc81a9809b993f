import { CATALOGUE, DATA_CHECKS } from "@shuangbao/core";
import { describe, expect, it } from "vitest";
import { authed, testApp } from "../test-helpers.js";

describe("GET /v1/rules", () => {
  it("lists every rule of the catalogue in order, without checks, and the data checks", async () => {
    const { app } = testApp();
    const res = await app.request("/v1/rules", { headers: authed() });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      rules: Record<string, unknown>[];
      dataChecks: { id: string }[];
    };
    expect(body.rules.map((r) => r.id)).toEqual(CATALOGUE.map((r) => r.id));
    for (const rule of body.rules) {
      expect(Object.keys(rule)).toEqual(
        expect.arrayContaining(["id", "clause", "severity", "scope", "title", "quote", "messages"]),
      );
      expect(rule).not.toHaveProperty("check");
    }
    expect(body.dataChecks.map((c) => c.id)).toEqual(Object.keys(DATA_CHECKS));
  });
});

describe("GET /v1/rules/{id}", () => {
  it("answers one rule with its clause, quote and messages", async () => {
    const { app } = testApp();
    const rule = CATALOGUE.find((r) => r.interpretation) ?? CATALOGUE[0]!;
    const res = await app.request(`/v1/rules/${rule.id}`, { headers: authed() });
    expect(res.status).toBe(200);
    const { check: _check, ...data } = rule;
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(data)));
  });

  it("answers 404 problem for an unknown id", async () => {
    const { app } = testApp();
    const res = await app.request("/v1/rules/no.such-rule", { headers: authed() });
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({
      type: "urn:shuangbao:problem:not-found",
      detail: expect.stringContaining("no.such-rule"),
      part: "path.id",
    });
  });
});
