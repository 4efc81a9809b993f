import { describe, expect, it } from "vitest";
import { audit } from "../audit.js";
import { byId, compliantCounty, FIXTURE_AS_OF, ID } from "../testing/fixture.js";
import { loadDataset } from "./loader.js";
import { maskName, maskReportNames, nameMasker } from "./mask-names.js";

function named() {
  const d = compliantCounty();
  const helperId = d.householdAssignments.find((a) => a.householdId === ID.h1)!.personId;
  byId(d.people, helperId).name = "张三";
  byId(d.households, ID.h1).headName = "欧阳娜娜";
  return { d, helperId };
}

describe("maskName", () => {
  it("keeps the first character and stars the rest", () => {
    expect(maskName("张三")).toBe("张*");
    expect(maskName("欧阳娜娜")).toBe("欧***");
    expect(maskName("李")).toBe("李");
    expect(maskName("")).toBe("");
  });
});

describe("nameMasker", () => {
  const { d, helperId } = named();
  const mask = nameMasker(loadDataset(d));

  it("masks a person's or household head's name just before its id in brackets, any width", () => {
    expect(mask(`帮扶责任人张三（${helperId}）未走访`)).toBe(`帮扶责任人张*（${helperId}）未走访`);
    expect(mask(`天堂镇天堂村贫困户欧阳娜娜（户编号：${ID.h1}）`)).toBe(
      `天堂镇天堂村贫困户欧***（户编号：${ID.h1}）`,
    );
    expect(mask(`household 欧阳娜娜 (${ID.h1}) of 天堂村`)).toBe(
      `household 欧*** (${ID.h1}) of 天堂村`,
    );
    expect(mask(`张三(${helperId})、张三（${helperId}）`)).toBe(
      `张*(${helperId})、张*（${helperId}）`,
    );
  });

  it("leaves places, units, unknown ids and names not followed by their id as they are", () => {
    expect(mask("天堂村（V-1）")).toBe("天堂村（V-1）");
    expect(mask(`省扶贫办（${ID.provinceUnit}）`)).toBe(`省扶贫办（${ID.provinceUnit}）`);
    expect(mask("张三（P-nobody）")).toBe("张三（P-nobody）");
    expect(mask("张三说")).toBe("张三说");
    expect(mask(`李四（${helperId}）`)).toBe(`李四（${helperId}）`);
  });
});

describe("maskReportNames", () => {
  it("leaves no full personal name in any finding, in either language", () => {
    const { d } = named();
    d.householdAssignments = d.householdAssignments.filter((a) => a.householdId !== ID.h1);
    const index = loadDataset(d);
    const report = audit(index, { asOf: FIXTURE_AS_OF });
    const text = JSON.stringify(report.findings);
    expect(text).toContain("欧阳娜娜");
    const masked = JSON.stringify(maskReportNames(report, index).findings);
    expect(masked).not.toContain("欧阳娜娜");
    expect(masked).toContain("欧***");
    expect(maskReportNames(report, index).findings).toHaveLength(report.findings.length);
  });
});
