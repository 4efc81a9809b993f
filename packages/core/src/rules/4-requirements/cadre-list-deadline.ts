import { defineRule } from "../rule.js";
import { poorAtDeadline, submittedInTime } from "./list-deadline.js";

/** 四4: every city reports its list of resident cadres by 10 August. */
export const reportCadreListDeadline = defineRule({
  id: "report.cadre-list-deadline",
  clause: "四4",
  severity: "error",
  scope: "county",
  quote: "各市要在8月10日前将驻村帮扶干部名单汇总上报",
  title: {
    zh: "各市在8月10日前上报驻村帮扶干部名单",
    en: "Each city reports its resident cadres by 10 August",
  },
  interpretation: {
    zh: "截止日当天上报视为按期;审计日在截止日之后才检查;截止日时仍为贫困村(含此后出列的)的村使其所在市负有上报义务",
    en: "A list submitted on the deadline day is in time; the duty is checked only once asOf is after the deadline; a city has poor villages when one of its villages was poor at the deadline (a later exit does not lift the duty)",
  },
  messages: {
    default: {
      zh: "市{entity}有贫困村,但未在{deadline}前(含当日)上报驻村帮扶干部名单;各市要在8月10日前将驻村帮扶干部名单汇总上报",
      en: "City {entity} has poor villages but submitted no list of resident cadres on or before {deadline}; each city must report the list of its resident cadres by 10 August",
    },
  },
  *check(index, ctx) {
    const deadline = ctx.params.cadreListDeadline;
    // interpretation: on the deadline day itself a list may still arrive.
    if (ctx.asOf <= deadline) return;
    const cities = new Set<string>();
    for (const village of index.rows("villages")) {
      if (!ctx.ok(village, "townshipId") || !poorAtDeadline(ctx, village, deadline)) continue;
      const city = index.cityOfVillage(village);
      if (city) cities.add(city.id);
    }
    for (const id of cities) {
      if (!submittedInTime(index, ctx, id, "cadre_list", deadline))
        yield { entity: { collection: "cities", id }, params: { deadline } };
    }
  },
});
