import { defineRule } from "../rule.js";
import { householdRef } from "./lookups.js";

/** 三(一): the helper is written into both the register and the handbook. */
export const householdHelperRecorded = defineRule({
  id: "household.helper-recorded",
  clause: "三(一)",
  severity: "error",
  scope: "county",
  reads: {
    householdAssignments: [
      "endDate",
      "householdId",
      "personId",
      "recordedInHandbook",
      "recordedInRegister",
      "startDate",
    ],
  },
  quote: "帮扶责任人的基本情况要分别填写到国家统一印制的《贫困户登记表》和《扶贫手册》",
  title: {
    zh: "帮扶责任人填入《贫困户登记表》和《扶贫手册》",
    en: "The helper is recorded in the household register and the poverty handbook",
  },
  interpretation: {
    zh: "检查每条当前包户记录；《贫困户登记表》和《扶贫手册》缺一即不符合",
    en: "Every current helper row is checked; a row missing from either form fails",
  },
  messages: {
    default: {
      zh: "{entity}的帮扶责任人{related}未填入{forms}。原文：“帮扶责任人的基本情况要分别填写到国家统一印制的《贫困户登记表》和《扶贫手册》”。",
      en: 'The helper {related} of {entity} is not recorded in {forms} ("帮扶责任人的基本情况要分别填写到国家统一印制的《贫困户登记表》和《扶贫手册》").',
    },
  },
  *check(index, ctx) {
    for (const row of index.rows("householdAssignments")) {
      if (!ctx.ok(row)) continue;
      if (!ctx.isCurrent(row) || !index.household(row.householdId)) continue;
      const missing = [
        ...(row.recordedInRegister === true
          ? []
          : [["《贫困户登记表》", "the household register (《贫困户登记表》)"]]),
        ...(row.recordedInHandbook === true
          ? []
          : [["《扶贫手册》", "the poverty handbook (《扶贫手册》)"]]),
      ];
      if (missing.length === 0) continue;
      yield {
        ...householdRef(row.householdId, row.personId),
        params: {
          forms: {
            zh: missing.map(([zh]) => zh).join("和"),
            en: missing.map(([, en]) => en).join(" and "),
          },
        },
      };
    }
  },
});
