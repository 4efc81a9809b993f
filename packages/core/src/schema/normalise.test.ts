import { describe, expect, it } from "vitest";
import { collectionNamed, fieldForHeader } from "./collections.js";
import {
  EXCEL_SERIAL_RANGE,
  IdShape,
  idShape,
  isCutColumn,
  normaliseBoolean,
  normaliseCode,
  normaliseDate,
  normaliseRow,
} from "./normalise.js";

describe("normalisation", () => {
  it("reads the date forms offices write", () => {
    expect(normaliseDate("2014-07-30")).toBe("2014-07-30");
    expect(normaliseDate("2014/7/30")).toBe("2014-07-30");
    expect(normaliseDate("2014年7月30日")).toBe("2014-07-30");
    expect(normaliseDate("2014.7.3")).toBe("2014-07-03");
    expect(normaliseDate(new Date(Date.UTC(2014, 6, 30)))).toBe("2014-07-30");
    expect(normaliseDate("2014-07-30T00:00:00.000Z")).toBe("2014-07-30");
  });

  it("reads dotted dates and an eight-digit day", () => {
    expect(normaliseDate("2015.3.1")).toBe("2015-03-01");
    expect(normaliseDate("2015.03.01")).toBe("2015-03-01");
    expect(normaliseDate("20150301")).toBe("2015-03-01");
    expect(normaliseDate(20150301)).toBe("2015-03-01");
    expect(normaliseDate("2015.2.29")).toBeUndefined();
    expect(normaliseDate("20150229")).toBeUndefined();
    expect(normaliseDate("2015.3")).toBeUndefined();
  });

  it("reads a midnight time after any date form, and nothing else after it", () => {
    expect(normaliseDate("2014/7/30 0:00:00")).toBe("2014-07-30");
    expect(normaliseDate("2014/7/30 00:00")).toBe("2014-07-30");
    expect(normaliseDate("2014-07-30 00:00:00")).toBe("2014-07-30");
    expect(normaliseDate("2014/7/30 8:30")).toBeUndefined();
  });

  it("reads full-width digits and punctuation in dates", () => {
    expect(normaliseDate("２０１４-０７-２７")).toBe("2014-07-27");
    expect(normaliseDate("２０１４－０７－２７")).toBe("2014-07-27");
    expect(normaliseDate("２０１４年７月２７日")).toBe("2014-07-27");
    expect(normaliseDate("２０１５．３．１")).toBe("2015-03-01");
    expect(normaliseDate("２０１４／７／３０")).toBe("2014-07-30");
    expect(normaliseDate("\u3000２０１４-０７-２７\u3000")).toBe("2014-07-27");
  });

  it("reads Excel serial dates of 1920-01-01..2100-12-31, as numbers or their text", () => {
    // 42005 is 2015-01-01 in Excel; 41846 is 2014-07-26 (41847 is 2014-07-27).
    expect(normaliseDate(42005)).toBe("2015-01-01");
    expect(normaliseDate(41846)).toBe("2014-07-26");
    expect(normaliseDate("41847")).toBe("2014-07-27");
    expect(normaliseDate("41847.0")).toBe("2014-07-27");
    expect(normaliseDate("４１８４７")).toBe("2014-07-27");
    expect(normaliseDate(43831)).toBe("2020-01-01");
    expect(normaliseDate(EXCEL_SERIAL_RANGE.min)).toBe("1920-01-01");
    expect(normaliseDate(EXCEL_SERIAL_RANGE.max)).toBe("2100-12-31");
    expect(normaliseDate(String(EXCEL_SERIAL_RANGE.max))).toBe("2100-12-31");
  });

  it("refuses serials outside the range, fractions (a time of day) and years", () => {
    expect(normaliseDate(EXCEL_SERIAL_RANGE.min - 1)).toBeUndefined();
    expect(normaliseDate(EXCEL_SERIAL_RANGE.max + 1)).toBeUndefined();
    expect(normaliseDate(String(EXCEL_SERIAL_RANGE.max + 1))).toBeUndefined();
    expect(normaliseDate(2014)).toBeUndefined(); // a year, not 1905-07-06
    expect(normaliseDate("2014")).toBeUndefined();
    expect(normaliseDate(60)).toBeUndefined(); // Excel's 1900-02-29, which never was
    expect(normaliseDate(41846.5)).toBeUndefined();
    expect(normaliseDate("41846.5")).toBeUndefined();
    expect(normaliseDate(-41846)).toBeUndefined();
    expect(normaliseDate(Number.NaN)).toBeUndefined();
    expect(normaliseDate(Number.POSITIVE_INFINITY)).toBeUndefined();
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

  it("reads full-width codes as ASCII and keeps names as written", () => {
    expect(normaliseCode(" Ｕ－００１ ")).toBe("U-001");
    const { row } = normaliseRow("people", {
      id: "Ｐ－００１",
      name: "张（三）",
      idNumber: "３４０８２８１９９００１０１１２３ｘ",
      role: "村干部",
      villageId: "３４０８２８１００２０１",
      birthDate: "１９９０年１月１日",
      partyMember: "ｙｅｓ",
      position: "主任（兼）",
      phone: "１３８００１３８０００",
    });
    expect(row).toEqual({
      id: "P-001",
      name: "张（三）",
      idNumber: "34082819900101123X",
      role: "village_cadre",
      villageId: "340828100201",
      birthDate: "1990-01-01",
      partyMember: true,
      position: "主任（兼）",
      phone: "１３８００１３８０００",
    });
  });

  it("reads full-width enum values and integers, and labels with their own punctuation", () => {
    const units = normaliseRow("units", { category: "ｏｔｈｅｒ", staffSize: "１２" }).row;
    expect(units).toEqual({ category: "other", staffSize: 12 });
    const education = normaliseRow("people", { education: "高中／中专" }).row;
    expect(education).toEqual({ education: "senior_high" });
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

  it("tells ids Excel has mangled from ordinary ones", () => {
    expect(idShape("3.40828E+15")).toBe(IdShape.scientific);
    expect(idShape("3.40828e+17")).toBe(IdShape.scientific);
    expect(idShape("1E+21")).toBe(IdShape.scientific);
    expect(idShape("340828199001011000")).toBe(IdShape.cut);
    expect(idShape("3408281042000000")).toBe(IdShape.cut);
    expect(idShape("3408281042000001")).toBe(IdShape.long);
    expect(idShape("340828199001011234")).toBe(IdShape.long);
    for (const id of [
      "340828100201",
      "U-P1",
      "H-1",
      "1E5",
      "E+15",
      "0340828199001011000",
      "34082819900101100X",
      "3.4",
    ])
      expect(idShape(id), id).toBe(IdShape.plain);
  });

  it("writes a number cell too large to be exact with Excel's 15 digits", () => {
    // openpyxl writes 340828199001011234 as the float 340828199001011260; Excel as …011000.
    const cell = Number("340828199001011234");
    const { row } = normaliseRow("people", { id: cell, idNumber: cell });
    expect(row).toEqual({ id: "340828199001011000", idNumber: "340828199001011000" });
    expect(normaliseRow("households", { id: 3408281042000001 }).row).toEqual({
      id: "3408281042000001",
    });
  });

  it("judges a column cut only when most long numerals are, beyond chance", () => {
    expect(isCutColumn({ long: 1000, cut: 1000, zeros: 3000 })).toBe(true);
    expect(isCutColumn({ long: 2, cut: 2, zeros: 6 })).toBe(true); // two 18-digit ids
    expect(isCutColumn({ long: 1, cut: 1, zeros: 3 })).toBe(false); // one: a real id, 1 in 1000
    expect(isCutColumn({ long: 5, cut: 5, zeros: 5 })).toBe(false); // five 16-digit ones
    expect(isCutColumn({ long: 6, cut: 6, zeros: 6 })).toBe(true);
    expect(isCutColumn({ long: 1000, cut: 100, zeros: 100 })).toBe(false); // real: 1 in 10 ends in 0
    expect(isCutColumn({ long: 10, cut: 5, zeros: 15 })).toBe(false); // not more than half
  });
});
