import { describe, expect, it } from "vitest";
import { compliantCounty, ID, staff } from "../testing/fixture.js";
import { planAssignments } from "./plan-assignments.js";
import { planTable } from "./plan-tables.js";

/** The fixture without 天堂村's contract and without the helpers of 张一 (H-1) and 刘五 (H-5). */
function plan() {
  const d = compliantCounty();
  d.villageAssignments = d.villageAssignments.filter((a) => a.villageId !== ID.v1);
  d.householdAssignments = d.householdAssignments.filter(
    (a) => a.householdId !== ID.h1 && a.householdId !== ID.h5,
  );
  return planAssignments(d, { asOf: "2018-07-20" });
}

describe("planTable", () => {
  it("lists a proposed contract with its clause and the reason naming unit, county and village", () => {
    const table = planTable(plan(), "villageAssignments");
    expect(table.title).toEqual({ zh: "拟单位包村安排", en: "Proposed villageAssignments" });
    expect(table.sheet).toBe("单位包村");
    expect(table.columns.map((c) => c.header)).toEqual([
      "村代码",
      "单位编号",
      "开始日期",
      "结束日期",
      "依据条款",
      "安排理由",
      "安排理由（英文）",
    ]);
    const rows = [...table.rows];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual({
      villageId: ID.v1,
      unitId: ID.provinceUnit,
      startDate: "2018-07-20",
      becauseClause: "二(二)",
      becauseZh:
        "省直定点帮扶单位省扶贫办（U-P1）在已定的帮扶县岳西县（340828）内包扶其结对共建村、贫困村天堂村（340828100201）。" +
        "原文：“省直定点帮扶单位(包括国有企业、大专院校和中央驻皖单位)在已定的帮扶县内至少确定一个贫困村包村帮扶”，“确定贫困村要尽量与结对共建工作相结合”。",
      becauseEn:
        'Province unit 省扶贫办 (U-P1) contracts its paired village, the poor village 天堂村 (340828100201), in its designated county 岳西县 (340828) ("省直定点帮扶单位(包括国有企业、大专院校和中央驻皖单位)在已定的帮扶县内至少确定一个贫困村包村帮扶"; "确定贫困村要尽量与结对共建工作相结合").',
    });
  });

  it("lists proposed helpers, unrecorded, with reasons naming helper, unit, village and township", () => {
    const table = planTable(plan(), "householdAssignments");
    expect(table.title).toEqual({ zh: "拟干部包户安排", en: "Proposed householdAssignments" });
    expect(table.sheet).toBe("干部包户");
    expect(table.columns.map((c) => c.header)).toEqual([
      "户编号",
      "帮扶责任人",
      "开始日期",
      "结束日期",
      "已填入贫困户登记表",
      "已填入扶贫手册",
      "依据条款",
      "安排理由",
      "安排理由（英文）",
    ]);
    expect(table.columns.find((c) => c.key === "startDate")?.kind).toBe("date");
    expect(table.columns.find((c) => c.key === "recordedInRegister")?.kind).toBe("boolean");
    const rows = [...table.rows];
    expect(rows.map((r) => [r.householdId, r.personId, r.startDate, r.becauseClause])).toEqual([
      [ID.h1, staff(ID.provinceUnit, "principal"), "2018-07-20", "三(一)"],
      [ID.h5, ID.keyTownshipCadre, "2018-07-20", "三(一)"],
    ]);
    expect(rows.map((r) => [r.recordedInRegister, r.recordedInHandbook])).toEqual([
      [false, false],
      [false, false],
    ]);
    // 张一 of the poor village 天堂村: the staff of its responsible unit
    expect(rows[0]!.becauseZh).toBe(
      "U-P1主任（U-P1-principal）是贫困村天堂村（340828100201）的包村帮扶单位省扶贫办（U-P1）的干部职工，由包村帮扶单位组织结对帮扶。原文：“由包村帮扶单位负责组织本单位干部职工进行结对帮扶”。",
    );
    expect(rows[0]!.becauseEn).toContain("is staff of 省扶贫办 (U-P1), the responsible unit of");
    // 刘五 of the non-poor village 城西村: a 乡（镇）干部 of its township
    expect(rows[1]!.becauseZh).toBe(
      "非贫困村城西村（340828100203）的贫困户由所在乡（镇）、村统筹安排联系人：天堂镇（340828100）的乡（镇）干部乡镇干部甲（T-K-cadre）。" +
        "原文：“非贫困村的贫困户由县、乡(镇)根据当地实际情况,按照每个贫困户都有帮扶责任人的原则,由所在乡(镇)、村统筹安排联系人”。",
    );
    expect(rows[1]!.becauseEn).toContain("township cadre of 天堂镇 (340828100)");
  });
});
