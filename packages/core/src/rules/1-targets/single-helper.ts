import { joinMessages } from "../../engine/findings.js";
import { defineRule } from "../rule.js";

/** 一: a household has one helper, not several. */
export const householdSingleHelper = defineRule({
  id: "household.single-helper",
  clause: "一",
  severity: "error",
  scope: "county",
  reads: {
    householdAssignments: ["endDate", "personId", "startDate"],
  },
  quote: "都确定一名帮扶责任人",
  title: { zh: "每个贫困户只确定一名帮扶责任人", en: "A poor household has a single helper" },
  interpretation: {
    zh: "按人计：同一人的两条当前包户记录仍是一名帮扶责任人；已脱贫的户同样适用；帮扶责任人查无此人或起止日期无法确定的包户记录不计入",
    en: "Helpers are counted as people: two current rows of one person are one helper; households that exited are judged too; a row whose helper names nobody or whose dates cannot be read is not counted",
  },
  messages: {
    default: {
      zh: "截至{asOf}，{entity}有{count}名帮扶责任人：{helpers}。原文：“都确定一名帮扶责任人”。",
      en: 'As of {asOf}, {entity} has {count} helpers: {helpers} ("都确定一名帮扶责任人").',
    },
  },
  *check(index, ctx) {
    for (const household of index.rows("households")) {
      const rows = index.helpersOf(household);
      if (rows.length < 2) continue;
      // interpretation: distinct people, so a duplicated row of one helper is not a second helper.
      // Only rows whose helper and dates are readable count: a finding never rests on a broken one.
      const people = new Set<string>();
      for (const r of rows) if (ctx.ok(r) && ctx.isCurrent(r)) people.add(r.personId);
      if (people.size < 2) continue;
      const ids = [...people].sort();
      yield {
        entity: { collection: "households", id: household.id },
        related: ids.map((id) => ({ collection: "people", id })),
        params: {
          asOf: ctx.asOf,
          count: ids.length,
          helpers: joinMessages(ids.map((id) => index.labels("people", id))),
        },
      };
    }
  },
});
