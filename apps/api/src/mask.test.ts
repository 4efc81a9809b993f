import { describe, expect, it } from "vitest";
import { maskedJson, maskTable, maskText, maskWhole } from "./mask.js";

const wide = (s: string) =>
  s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe("maskText (core's)", () => {
  it("masks resident ID numbers of every shape, and mobile numbers", () => {
    expect(maskText("身份证号340828199001011234")).toBe("身份证号340828********1234");
    expect(maskText("旧证340828900101123")).toBe("旧证340828******123");
    expect(maskText("340828 19900101 1234")).toBe("340828 ******** 1234");
    expect(maskText("340828-19900101-1234")).toBe("340828-********-1234");
    expect(maskText(wide("340828199001011234"))).toBe(`${wide("340828")}********${wide("1234")}`);
    expect(maskText("34082819900101123")).toBe("340828*******1123");
    expect(maskText("3408281990010112345")).toBe("340828*********2345");
    expect(maskText("+86 139-1234-5678")).toBe("+86 139-****-5678");
  });

  it("leaves codes and dates alone", () => {
    for (const text of ["340828100201", "2018-07-20", "U-P1", "340828"]) {
      expect(maskText(text)).toBe(text);
    }
  });
});

describe("maskWhole", () => {
  it("masks at least half of a landline or any other value of a personal column", () => {
    expect(maskWhole("0556-5551234")).toBe("05**-*****34");
    expect(maskWhole("13800000000")).toBe("138****0000");
    expect(maskWhole("12345")).toBe("1***5");
    expect(maskWhole("3408-2819")).toBe("34**-**19");
    expect(maskWhole("34082819800101")).toBe("340********101");
    expect(maskWhole("abc")).toBe("***");
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
        { key: "idNumber", header: "身份证号" },
        { key: "note", header: "备注" },
        { key: "n", header: "数", kind: "number" },
      ],
      rows: [
        {
          phone: "0556-5551234",
          idNumber: "3408-2819",
          note: "见 340828 19800101 0270",
          n: 13800000000,
        },
      ],
    });
    expect([...table.rows]).toEqual([
      {
        phone: "05**-*****34",
        idNumber: "34**-**19",
        note: "见 340828 ******** 0270",
        n: 13800000000,
      },
    ]);
    expect([...table.rows]).toHaveLength(1);
  });
});
