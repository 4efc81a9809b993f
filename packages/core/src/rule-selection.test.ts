import { describe, expect, it } from "vitest";
import { ConfigurationError } from "./params/parameters.js";
import { parseRuleSelection, type RuleSelectionText } from "./rule-selection.js";

const refusal = (text: RuleSelectionText): ConfigurationError => {
  try {
    parseRuleSelection(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error("did not throw");
};

describe("parseRuleSelection", () => {
  it("is empty for nothing typed", () => {
    expect(parseRuleSelection({})).toEqual({});
    expect(parseRuleSelection({ only: "", skip: " , ", severity: [] })).toEqual({});
  });

  it("reads comma-separated ids and ID:LEVEL pairs, data checks included (the API's query)", () => {
    expect(
      parseRuleSelection({
        only: "village.has-unit, unit.eligible-category",
        skip: "data.unknown-column",
        severity: "village.has-unit:warning,data.date-order:info",
      }),
    ).toEqual({
      only: ["village.has-unit", "unit.eligible-category"],
      skip: ["data.unknown-column"],
      severity: { "village.has-unit": "warning", "data.date-order": "info" },
    });
  });

  it("reads repeated entries and ID=LEVEL (the CLI's flags) the same way", () => {
    expect(
      parseRuleSelection({
        only: ["village.has-unit", "unit.eligible-category"],
        severity: ["village.has-unit=info", "data.date-order=error"],
      }),
    ).toEqual({
      only: ["village.has-unit", "unit.eligible-category"],
      severity: { "village.has-unit": "info", "data.date-order": "error" },
    });
  });

  it("names the part and the entry of an unknown id, in Chinese and English", () => {
    const only = refusal({ only: ["village.has-unit", "no.such"] });
    expect(only.path).toBe("rules.only");
    expect(only.zh).toBe("没有编号为“no.such”的规则或数据检查");
    expect(only.message).toBe("没有编号为“no.such”的规则或数据检查 · unknown rule id “no.such”");
    expect(refusal({ skip: "nope" }).path).toBe("rules.skip");
    expect(refusal({ severity: "nope:error" }).path).toBe("rules.severity");
  });

  it("refuses an entry without a level or with an unknown one, quoting it", () => {
    for (const entry of ["village.has-unit", ":error", "=info"]) {
      const e = refusal({ severity: entry });
      expect(e.path).toBe("rules.severity");
      expect(e.message).toContain(`“${entry}”`);
      expect(e.zh).toMatch(/级别/);
    }
    const level = refusal({ severity: "village.has-unit=fatal" });
    expect(level.path).toBe("rules.severity.village.has-unit");
    expect(level.message).toContain("“fatal”");
  });
});
