import { describe, expect, it } from "vitest";
import {
  compareEducation,
  Education,
  ELIGIBLE_UNIT_CATEGORIES,
  parseEnum,
  UnitCategory,
  UnitLevel,
  VOCABULARIES,
} from "./enums.js";

describe("vocabulary", () => {
  it("gives every value of every enum a distinct Chinese label", () => {
    for (const vocab of Object.values(VOCABULARIES)) {
      const labels = vocab.values.map((v) => (vocab.labels as Record<string, string>)[v]);
      expect(labels.every((l) => typeof l === "string" && l.length > 0)).toBe(true);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  it("lists the ten eligible unit categories of 二(一) and leaves out other", () => {
    expect(ELIGIBLE_UNIT_CATEGORIES).toHaveLength(10);
    expect(ELIGIBLE_UNIT_CATEGORIES).not.toContain("other");
    expect(UnitCategory.values).toContain("other");
  });

  it("orders education from primary school to doctorate", () => {
    expect(Education.values[0]).toBe("primary");
    expect(compareEducation("associate", "associate")).toBe(0);
    expect(compareEducation("senior_high", "associate")).toBeLessThan(0);
    expect(compareEducation("bachelor", "associate")).toBeGreaterThan(0);
  });

  it("reads an enum cell as the English value or the Chinese label", () => {
    expect(parseEnum(UnitLevel, "省直")).toBe("province");
    expect(parseEnum(UnitLevel, " county ")).toBe("county");
    expect(parseEnum(UnitLevel, "乡镇")).toBeUndefined();
  });
});
