import { defineRule } from "../rule.js";

/** 四4: a resident cadre is approved by the provincial organisation department and poverty office. */
export const residentCadreApproved = defineRule({
  id: "resident-cadre.approved",
  clause: "四4",
  severity: "error",
  scope: "county",
  quote: "省委组织部和省扶贫办审定",
  title: {
    zh: "驻村帮扶干部经省委组织部和省扶贫办审定",
    en: "A resident cadre is approved by the province",
  },
  messages: {
    default: {
      zh: "驻{related}的驻村帮扶干部{entity}没有审定日期;驻村帮扶干部人选要经省委组织部和省扶贫办审定",
      en: "Resident cadre {entity} of {related} has no approval date; resident cadres must be approved by the provincial organisation department and poverty office",
    },
  },
  *check(index, ctx) {
    for (const row of index.rows("residentCadres")) {
      // A future approvedOn is broken (data.date-order) and leaves the row out, as rules.md says.
      if (!ctx.ok(row, "personId", "villageId", "approvedOn") || !ctx.isCurrent(row)) continue;
      if (row.approvedOn === undefined)
        yield {
          entity: { collection: "people", id: row.personId },
          related: [{ collection: "villages", id: row.villageId }],
          field: "approvedOn",
        };
    }
  },
});
