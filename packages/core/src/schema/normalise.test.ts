import { describe, expect, it } from "vitest";
import { collectionNamed, fieldForHeader } from "./collections.js";
import { normaliseBoolean, normaliseDate, normaliseRow } from "./normalise.js";

describe("normalisation", () => {
  it("reads the date forms offices write", () => {
    expect(normaliseDate("2014-07-30")).toBe("2014-07-30");
    expect(normaliseDate("2014/7/30")).toBe("2014-07-30");
    expect(normaliseDate("2014年7月30日")).toBe("2014-07-30");
    expect(normaliseDate("2014.7.3")).toBe("2014-07-03");
    expect(normaliseDate(new Date(Date.UTC(2014, 6, 30)))).toBe("2014-07-30");
    expect(normaliseDate("2014-07-30T00:00:00.000Z")).toBe("2014-07-30");
  });

  it("refuses impossible dates", () => {
    expect(normaliseDate("2015/2/29")).toBeUndefined();
    expect(normaliseDate("30/7/2014")).toBeUndefined();
    expect(normaliseDate("")).toBeUndefined();
  });

  it("reads booleans as 是/否, 1/0 and true/false", () => {
    expect(normaliseBoolean("是")).toBe(true);
    expect(normaliseBoolean("否")).toBe(false);
    expect(normaliseBoolean("1")).toBe(true);
    expect(normaliseBoolean(0)).toBe(false);
    expect(normaliseBoolean("TRUE")).toBe(true);
    expect(normaliseBoolean("maybe")).toBeUndefined();
  });

  it("turns Chinese labels into values, numbers as text into numbers, ids into strings", () => {
    const { row, unknown } = normaliseRow("units", {
      id: 17,
      name: " 省扶贫办 ",
      category: "党政机关",
      level: "省直",
      staffSize: "12",
      verticalManagement: "否",
      deputyId: null,
      principalId: "",
      color: "red",
    });
    expect(row).toEqual({
      id: "17",
      name: "省扶贫办",
      category: "party_government_organ",
      level: "province",
      staffSize: 12,
      verticalManagement: false,
    });
    expect(unknown).toEqual(["color"]);
  });

  it("leaves unreadable cells for the schema to report", () => {
    const { row } = normaliseRow("units", { staffSize: "twelve", level: "乡镇" });
    expect(row).toEqual({ staffSize: "twelve", level: "乡镇" });
  });

  it("finds collections and fields by English or Chinese name", () => {
    expect(collectionNamed("贫困户")).toBe("households");
    expect(collectionNamed("visits")).toBe("visits");
    expect(fieldForHeader("units", "编制人数")).toBe("staffSize");
    expect(fieldForHeader("units", "\uFEFF单位编号")).toBe("id");
    expect(fieldForHeader("units", "颜色")).toBeUndefined();
  });
});
