import { describe, expect, it } from "vitest";
import { maskedJson, maskTable, maskText, maskWhole } from "./mask.js";

describe("maskText", () => {
  it("keeps the first 4 and last 4 of an 18-character ID number", () => {
    expect(maskText("340828198001010270")).toBe("3408**********0270");
    expect(maskText("身份证号34082819800101027X有误")).toBe("身份证号3408**********027X有误");
  });

  it("keeps the first 3 and last 4 of a mobile number, with or without +86 and separators", () => {
    expect(maskText("电话 13800000000")).toBe("电话 138****0000");
    expect(maskText("+86 139-1234-5678")).toBe("+86 139****5678");
    expect(maskText("8613912345678")).toBe("86139****5678");
  });

  it("leaves codes, dates and longer digit runs alone", () => {
    for (const text of ["340828100201", "2018-07-20", "1234567890123456789", "U-P1", "340828"]) {
      expect(maskText(text)).toBe(text);
    }
  });

  it("masks every number in a text", () => {
    expect(maskText("340828198001010270、340828198001010289")).toBe(
      "3408**********0270、3408**********0289",
    );
  });
});

describe("maskWhole", () => {
  it("masks a landline or any other value of a phone column", () => {
    expect(maskWhole("0556-5551234")).toBe("0556-***1234");
    expect(maskWhole("13800000000")).toBe("138****0000");
    expect(maskWhole("12345")).toBe("***45");
  });
});

describe("maskedJson", () => {
  it("masks strings at any depth and leaves keys and numbers", () => {
    expect(maskedJson({ a: [{ m: "13800000000" }], "13800000000": 13800000000, n: null })).toBe(
      '{"a":[{"m":"138****0000"}],"13800000000":13800000000,"n":null}',
    );
  });
});

describe("maskTable", () => {
  it("masks phone and ID-number columns whole and other text by pattern, lazily", () => {
    const table = maskTable({
      id: "t",
      columns: [
        { key: "phone", header: "联系电话" },
        { key: "note", header: "备注" },
        { key: "n", header: "数", kind: "number" },
      ],
      rows: [{ phone: "0556-5551234", note: "见 340828198001010270", n: 13800000000 }],
    });
    expect([...table.rows]).toEqual([
      { phone: "0556-***1234", note: "见 3408**********0270", n: 13800000000 },
    ]);
    expect([...table.rows]).toHaveLength(1);
  });
});
