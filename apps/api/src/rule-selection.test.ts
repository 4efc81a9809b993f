import { describe, expect, it } from "vitest";
import { ProblemError } from "./problem.js";
import { ruleSelection } from "./rule-selection.js";

const partOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemError);
    return (error as ProblemError).part;
  }
  throw new Error("did not throw");
};

describe("ruleSelection", () => {
  it("is empty for no query", () => {
    expect(ruleSelection({})).toEqual({});
    expect(ruleSelection({ rules: "", skipRules: " , ", severity: "" })).toEqual({});
  });

  it("reads comma-separated ids and ID:LEVEL pairs, data checks included", () => {
    expect(
      ruleSelection({
        rules: "village.has-unit, unit.eligible-category",
        skipRules: "data.unknown-column",
        severity: "village.has-unit:warning,data.date-order:info",
      }),
    ).toEqual({
      only: ["village.has-unit", "unit.eligible-category"],
      skip: ["data.unknown-column"],
      severity: { "village.has-unit": "warning", "data.date-order": "info" },
    });
  });

  it("reads the CLI's ID=LEVEL form too", () => {
    expect(ruleSelection({ severity: "village.has-unit=info" })).toEqual({
      severity: { "village.has-unit": "info" },
    });
  });

  it("names the query parameter of an unknown id or level", () => {
    expect(partOf(() => ruleSelection({ rules: "nope" }))).toBe("query.rules");
    expect(partOf(() => ruleSelection({ skipRules: "nope" }))).toBe("query.skipRules");
    expect(partOf(() => ruleSelection({ severity: "nope:error" }))).toBe("query.severity");
    expect(partOf(() => ruleSelection({ severity: "village.has-unit:bad" }))).toBe(
      "query.severity",
    );
    expect(partOf(() => ruleSelection({ severity: "village.has-unit" }))).toBe("query.severity");
  });
});
