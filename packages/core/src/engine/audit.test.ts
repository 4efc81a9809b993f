import { describe, expect, it } from "vitest";
import { audit } from "../audit.js";
import { ConfigurationError } from "../params/parameters.js";
import { compliantCounty, FIXTURE_AS_OF } from "../testing/fixture.js";

describe("audit", () => {
  it("reports asOf, the policy and its parameters, and the key-county count", () => {
    const report = audit(compliantCounty(), { asOf: FIXTURE_AS_OF, parameters: { termYears: 4 } });
    expect(report.asOf).toBe(FIXTURE_AS_OF);
    expect(report.policy.id).toBe("anhui-2014-shuangbao");
    expect(report.policy.parameters.termYears).toBe(4);
    expect(report.summary.keyCounties).toEqual({ found: 1, expected: 31 });
  });

  it("takes parameter overrides from the dataset, and the caller's over those", () => {
    const d = { ...compliantCounty(), parameters: { termYears: 5, smallUnitMaxStaff: 20 } };
    const report = audit(d, { asOf: FIXTURE_AS_OF, parameters: { termYears: 6 } });
    expect(report.policy.parameters).toMatchObject({ termYears: 6, smallUnitMaxStaff: 20 });
  });

  it("refuses a bad asOf, an unknown rule id, a bad severity and a bad parameter", () => {
    const d = compliantCounty();
    expect(() => audit(d, { asOf: "2015-02-29" })).toThrow(ConfigurationError);
    expect(() => audit(d, { asOf: FIXTURE_AS_OF, rules: { skip: ["no.such-rule"] } })).toThrow(
      /no.such-rule/,
    );
    expect(() =>
      audit(d, {
        asOf: FIXTURE_AS_OF,
        rules: { severity: { "data.duplicate-id": "fatal" as never } },
      }),
    ).toThrow(/fatal/);
    expect(() => audit(d, { asOf: FIXTURE_AS_OF, parameters: { nope: 1 } })).toThrow(/nope/);
  });

  it("sorts findings by severity, rule and entity, and counts them by rule", () => {
    const d = compliantCounty();
    d.cities.push({ id: d.cities[0]!.id, name: "重复" });
    (d.villages as unknown as Record<string, unknown>[]).push({
      id: "V9",
      name: "x",
      townshipId: "nope",
      isPoor: "perhaps",
    });
    d.households[0]!.planOn = "2019-01-01";
    const report = audit(d, {
      asOf: FIXTURE_AS_OF,
      rules: { severity: { "data.date-order": "warning" } },
    });
    expect(report.findings.map((f) => [f.severity, f.ruleId])).toEqual([
      ["error", "data.duplicate-id"],
      ["error", "data.invalid-field"],
      ["error", "data.unknown-reference"],
      ["warning", "data.date-order"],
    ]);
    expect(report.summary).toMatchObject({
      error: 3,
      warning: 1,
      info: 0,
      byRule: {
        "data.date-order": 1,
        "data.duplicate-id": 1,
        "data.invalid-field": 1,
        "data.unknown-reference": 1,
      },
    });
    expect(
      audit(d, { asOf: FIXTURE_AS_OF, rules: { skip: ["data.duplicate-id"] } }).summary.byRule,
    ).not.toHaveProperty("data.duplicate-id");
  });

  it("gives the same bytes twice", () => {
    const a = JSON.stringify(audit(compliantCounty(), { asOf: "2016-03-01" }));
    expect(JSON.stringify(audit(compliantCounty(), { asOf: "2016-03-01" }))).toBe(a);
  });

  it("refuses a dataset's __proto__ or toString parameter as unknown, never as a prototype", () => {
    for (const name of ["__proto__", "toString", "constructor"]) {
      const input = JSON.parse(
        `{"parameters": {"${name}": {"termYears": 99}}, "cities": [], "counties": [], "townships": [], "villages": []}`,
      );
      expect(() => audit(input, { asOf: "2018-07-20" })).toThrow(/unknown parameter/);
    }
  });
});
