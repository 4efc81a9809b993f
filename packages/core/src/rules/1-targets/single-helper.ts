import { defineRule } from "../rule.js";

/** 一: a household has one helper, not several. */
export const householdSingleHelper = defineRule({
  id: "household.single-helper",
  clause: "一",
  severity: "error",
  scope: "county",
  quote: "都确定一名帮扶责任人",
  title: { zh: "每个贫困户只确定一名帮扶责任人", en: "A poor household has a single helper" },
  interpretation: {
    zh: "按人计:同一人的两条当前包户记录仍是一名帮扶责任人;已脱贫的户同样适用",
    en: "Helpers are counted as people: two current rows of one person are one helper; households that exited are judged too",
  },
  messages: {
    default: {
      zh: "贫困户{entity}在审计日有{count}名帮扶责任人({helpers});每个贫困户确定一名帮扶责任人",
      en: "Poor household {entity} has {count} helpers at the audit date ({helpers}); each poor household has one responsible helper",
    },
  },
  *check(index, ctx) {
    for (const household of index.rows("households")) {
      const rows = index.helpersOf(household);
      if (rows.length < 2) continue;
      // interpretation: distinct people, so a duplicated row of one helper is not a second helper.
      const people = new Set<string>();
      for (const r of rows) if (ctx.ok(r, "personId") && ctx.isCurrent(r)) people.add(r.personId);
      if (people.size < 2) continue;
      const ids = [...people].sort();
      yield {
        entity: { collection: "households", id: household.id },
        related: ids.map((id) => ({ collection: "people", id })),
        params: {
          count: ids.length,
          helpers: ids.map((id) => index.label("people", id)).join(", "),
        },
      };
    }
  },
});
