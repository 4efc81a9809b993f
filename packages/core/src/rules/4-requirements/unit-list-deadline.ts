import { defineRule } from "../rule.js";
import { poorAtDeadline, submittedInTime } from "./list-deadline.js";

/** 四4: every county reports its list of contracting units by 30 July. */
export const reportUnitListDeadline = defineRule({
  id: "report.unit-list-deadline",
  clause: "四4",
  severity: "error",
  scope: "county",
  quote: "各县要在7月30日前以县为单位将所有包村帮扶单位的名单汇总上报",
  title: {
    zh: "各县在7月30日前上报包村帮扶单位名单",
    en: "Each county reports its contracting units by 30 July",
  },
  interpretation: {
    zh: "截止日当天上报视为按期;审计日在截止日之后才检查;截止日时仍为贫困村(含此后出列的)的村使其所在县负有上报义务",
    en: "A list submitted on the deadline day is in time; the duty is checked only once asOf is after the deadline; a county has poor villages when one of its villages was poor at the deadline (a later exit does not lift the duty)",
  },
  messages: {
    default: {
      zh: "县{entity}有贫困村,但未在{deadline}前(含当日)上报包村帮扶单位名单;各县要在7月30日前以县为单位将所有包村帮扶单位的名单汇总上报",
      en: "County {entity} has poor villages but submitted no list of contracting units on or before {deadline}; each county must report the list of its contracting units by 30 July",
    },
  },
  *check(index, ctx) {
    const deadline = ctx.params.unitListDeadline;
    // interpretation: on the deadline day itself a list may still arrive.
    if (ctx.asOf <= deadline) return;
    const counties = new Set<string>();
    for (const village of index.rows("villages")) {
      if (!ctx.ok(village, "townshipId") || !poorAtDeadline(ctx, village, deadline)) continue;
      const county = index.countyOfVillage(village);
      if (county) counties.add(county.id);
    }
    for (const id of counties) {
      if (!submittedInTime(index, ctx, id, "unit_list", deadline))
        yield { entity: { collection: "counties", id }, params: { deadline } };
    }
  },
});
