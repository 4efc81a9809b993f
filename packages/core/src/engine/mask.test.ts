import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { audit } from "../audit.js";
import { compliantCounty, FIXTURE_AS_OF } from "../testing/fixture.js";
import { makeIdNumber } from "./id-number.js";
import { maskReport, maskText } from "./mask.js";

const wide = (s: string) =>
  s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
/** Digits as ASCII, separators between digits (or masks) removed: the number a reader sees. */
const joined = (s: string) => s.normalize("NFKC").replace(/(?<=[0-9Xx*])[ -](?=[0-9Xx*])/g, "");

describe("maskText", () => {
  it("masks 18-digit ID numbers, keeping the first 6 and last 4", () => {
    expect(maskText("身份证号340828199001011234。")).toBe("身份证号340828********1234。");
    expect(maskText("34082819900101123X")).toBe("340828********123X");
    expect(maskText("34082819900101123x")).toBe("340828********123x");
    expect(maskText("(340828199001011234)")).toBe("(340828********1234)");
  });

  it("masks first-generation 15-digit numbers, keeping the last 3", () => {
    expect(maskText("旧证340828900101123号")).toBe("旧证340828******123号");
  });

  it("masks spaced, hyphenated and full-width ID numbers", () => {
    expect(maskText("340828 19900101 1234")).toBe("340828 ******** 1234");
    expect(maskText("340828-19900101-1234")).toBe("340828-********-1234");
    expect(maskText("3408 2819 9001 0112 34")).toBe("3408 28** **** **12 34");
    expect(maskText(wide("340828199001011234"))).toBe(`${wide("340828")}********${wide("1234")}`);
    expect(maskText("３４０８２８－１９９００１０１－１２３Ｘ")).toBe(
      "３４０８２８－********－１２３Ｘ",
    );
  });

  it("masks near-misses of 17 and 19 digits", () => {
    expect(maskText("34082819900101123")).toBe("340828*******1123");
    expect(maskText("3408281990010112345")).toBe("340828*********2345");
  });

  it("masks mobile numbers, keeping the first 3 and last 4", () => {
    expect(maskText("电话13800138000")).toBe("电话138****8000");
    expect(maskText("138 0013 8000")).toBe("138 **** 8000");
    expect(maskText("138-0013-8000")).toBe("138-****-8000");
    expect(maskText("+86 138 0013 8000")).toBe("+86 138 **** 8000");
    expect(maskText("+8613800138000")).toBe("+86138****8000");
    expect(maskText(wide("13800138000"))).toBe(`${wide("138")}****${wide("8000")}`);
    expect(maskText("13800138000、13900139000")).toBe("138****8000、139****9000");
  });

  it("leaves alone what is not personal", () => {
    for (const text of [
      "3408281042000001", // a 16-digit household id
      "340828100201", // a village code
      "12800138000", // not a mobile prefix
      "2014-07-27 2015-03-01",
      "U34-016-01",
      "第2、3、4行",
      "3.40828E+15",
      "123456789012345678901234",
      "共3 x 5户",
    ])
      expect(maskText(text), text).toBe(text);
  });

  it("lets no run of 15, 17, 18 or 19 digits survive", () => {
    const piece = fc.oneof(
      fc.stringMatching(/^[0-9]{1,22}$/),
      fc.stringMatching(/^[0-9]{1,22}$/).map(wide),
      fc.constantFrom(" ", "-", "－", "\u3000", "X", "x", "Ｘ", "+", "、", "号", "a", "*", "E+"),
      fc.string({ maxLength: 3 }),
    );
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(""));
    fc.assert(
      fc.property(text, (t) => {
        const runs =
          maskText(t)
            .normalize("NFKC")
            .match(/[0-9]+[Xx]?/g) ?? [];
        for (const run of runs) expect([15, 17, 18, 19], `${t} → ${run}`).not.toContain(run.length);
      }),
      { numRuns: 3000 },
    );
  });

  it("masks every ID number however it is written, whatever text is around it", () => {
    const id = fc
      .tuple(
        fc.date({ min: new Date("1930-01-01"), max: new Date("2010-12-31"), noInvalidDate: true }),
        fc.nat(999),
      )
      .map(([d, n]) => makeIdNumber("340828", d.toISOString().slice(0, 10), n));
    const shaped = fc
      .tuple(id, fc.constantFrom("", " ", "-"), fc.boolean(), fc.constantFrom(18, 15, 17, 19))
      .map(([n, sep, full, length]) => {
        const digits =
          length === 18
            ? n
            : length === 15
              ? n.slice(0, 6) + n.slice(8, 17)
              : length === 17
                ? n.slice(0, 17)
                : `${n.slice(0, 17)}0${n[17]}`;
        const grouped = `${digits.slice(0, 6)}${sep}${digits.slice(6, 14)}${sep}${digits.slice(14)}`;
        return { digits, text: full ? wide(grouped) : grouped };
      });
    const around = fc.constantFrom("", "身份证号", "：", "（", "）", "ID ", "。", "abc");
    fc.assert(
      fc.property(around, shaped, around, (before, { digits, text }, after) => {
        const masked = joined(maskText(`${before}${text}${after}`));
        const keep = digits.length === 15 ? 3 : 4;
        const expected = `${digits.slice(0, 6)}${"*".repeat(digits.length - 6 - keep)}${digits.slice(-keep)}`;
        expect(masked).toContain(expected);
        expect(masked).not.toContain(digits);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("maskReport", () => {
  it("masks ID and phone numbers in every string of every finding", () => {
    const d = compliantCounty();
    const bad = d.people[0]!;
    const idNumber = bad.idNumber!;
    bad.idNumber = idNumber.slice(0, 17) + (idNumber[17] === "1" ? "2" : "1");
    d.people.push({
      ...d.people[1]!,
      id: "13800138000",
      idNumber: undefined,
      unitId: "no-such-unit",
    });
    const report = audit(d, { asOf: FIXTURE_AS_OF });
    const masked = maskReport(report);
    const text = JSON.stringify(masked.findings);
    expect(JSON.stringify(report.findings)).toContain(bad.idNumber);
    expect(text).not.toContain(bad.idNumber);
    expect(text).toContain(`${bad.idNumber.slice(0, 6)}********${bad.idNumber.slice(14)}`);
    expect(text).not.toContain("13800138000");
    expect(masked.findings.some((f) => f.entity.id === "138****8000")).toBe(true);
    expect(masked.summary).toEqual(report.summary);
    expect(masked.findings).toHaveLength(report.findings.length);
    // ids that are not personal are left as they are
    expect(masked.findings.map((f) => f.ruleId)).toEqual(report.findings.map((f) => f.ruleId));
  });
});
