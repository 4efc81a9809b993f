import { defineRule } from "../rule.js";
import { listStatus, tallyPoor } from "./list-deadline.js";

const QUOTE = "各市要在8月10日前将驻村帮扶干部名单汇总上报";

/** 四4: every city reports its list of resident cadres by 10 August. */
export const reportCadreListDeadline = defineRule({
  id: "report.cadre-list-deadline",
  clause: "四4",
  severity: "error",
  scope: "county",
  reads: {
    counties: ["cityId"],
    villages: ["exitedPovertyOn", "isPoor"],
    reports: ["kind", "submittedOn"],
  },
  quote: QUOTE,
  title: {
    zh: "有贫困村的市按期上报驻村帮扶干部名单",
    en: "Each city with poor villages reports its resident cadres by the deadline",
  },
  interpretation: {
    zh: "上报期限当日上报视为按期；核查基准日在上报期限之后才核查；上报期限时为贫困村的村（含此后出列的）使所在市负有上报义务",
    en: "A list submitted on the deadline day is in time; the duty is checked only once asOf is after the deadline; a city owes the list when one of its villages was a poor village on the deadline (a later exit does not lift the duty)",
  },
  messages: {
    default: {
      zh: `截至核查基准日{asOf}，{entity}尚未上报驻村帮扶干部名单；上报期限为{deadline}（含当日），当时该市有贫困村。原文：“${QUOTE}”。`,
      en: `On {asOf} city {entity} has reported no list of its resident cadres; the deadline was {deadline}, when it had poor villages (“${QUOTE}”).`,
    },
    late: {
      zh: `{entity}的驻村帮扶干部名单于{submittedOn}上报，晚于上报期限{deadline}（含当日），当时该市有贫困村。原文：“${QUOTE}”。`,
      en: `City {entity} reported the list of its resident cadres on {submittedOn}, after the deadline of {deadline}, when it had poor villages (“${QUOTE}”).`,
    },
  },
  *check(index, ctx) {
    const deadline = ctx.params.cadreListDeadline;
    // interpretation: on the deadline day itself a list may still arrive.
    if (ctx.asOf <= deadline) return;
    const tally = tallyPoor(index, ctx, deadline, (v) => index.countyOfVillage(v)?.cityId);
    for (const [id, poor] of tally) {
      // No cascade: a broken isPoor may be the city's only poor village.
      if (poor.count === 0) continue;
      const list = listStatus(index, ctx, id, "cadre_list", deadline);
      if (list.status === "inTime" || list.status === "unknown") continue;
      yield {
        entity: { collection: "cities", id },
        ...(list.status === "late" ? { message: "late" } : {}),
        params: {
          asOf: ctx.asOf,
          deadline,
          ...(list.status === "late" ? { submittedOn: list.submittedOn } : {}),
        },
      };
    }
  },
});
