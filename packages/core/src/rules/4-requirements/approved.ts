import { defineRule } from "../rule.js";

const QUOTE = "省委组织部和省扶贫办审定";

/** 四4: a resident cadre is approved by the provincial organisation department and poverty office. */
export const residentCadreApproved = defineRule({
  id: "resident-cadre.approved",
  clause: "四4",
  severity: "error",
  scope: "county",
  reads: {
    residentCadres: ["approvedOn", "endDate", "personId", "selectedOn", "villageId"],
  },
  quote: QUOTE,
  title: {
    zh: "驻村帮扶干部经省委组织部和省扶贫办审定",
    en: "A resident cadre is approved by the province",
  },
  messages: {
    default: {
      zh: `{related}的驻村帮扶干部{entity}自{selectedOn}起驻村，截至{asOf}没有审定日期，未见省委组织部和省扶贫办审定。原文：“${QUOTE}”。`,
      en: `Resident cadre {entity} of {related}, selected on {selectedOn}, has no approval date on {asOf}: no approval by the provincial organisation department and poverty office is recorded (“${QUOTE}”).`,
    },
  },
  *check(index, ctx) {
    for (const row of index.rows("residentCadres")) {
      // A future approvedOn is broken (data.date-order) and leaves the row out: no cascade.
      if (!ctx.ok(row) || !ctx.isCurrent(row)) continue;
      if (row.approvedOn !== undefined) continue;
      yield {
        entity: { collection: "people", id: row.personId },
        related: [{ collection: "villages", id: row.villageId }],
        field: "approvedOn",
        params: { selectedOn: row.selectedOn, asOf: ctx.asOf },
      };
    }
  },
});
