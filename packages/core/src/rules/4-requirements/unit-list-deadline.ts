import { defineRule } from "../rule.js";
import { listStatus, tallyPoor } from "./list-deadline.js";

const QUOTE = "各县要在7月30日前以县为单位将所有包村帮扶单位的名单汇总上报";

/** 四4: every county reports its list of contracting units by 30 July. */
export const reportUnitListDeadline = defineRule({
  id: "report.unit-list-deadline",
  clause: "四4",
  severity: "error",
  scope: "county",
  reads: {
    villages: ["exitedPovertyOn", "isPoor"],
    reports: ["kind", "submittedOn"],
  },
  quote: QUOTE,
  title: {
    zh: "有贫困村的县按期上报包村帮扶单位名单",
    en: "Each county with poor villages reports its responsible units by the deadline",
  },
  interpretation: {
    zh: "上报期限当日上报视为按期；核查基准日在上报期限之后才核查；上报期限时为贫困村的村（含此后出列的）使所在县负有上报义务",
    en: "A list submitted on the deadline day is in time; the duty is checked only once asOf is after the deadline; a county owes the list when one of its villages was a poor village on the deadline (a later exit does not lift the duty)",
  },
  messages: {
    default: {
      zh: `截至核查基准日{asOf}，{entity}尚未上报包村帮扶单位名单；上报期限为{deadline}（含当日），当时该县有贫困村{poorCount}个。原文：“${QUOTE}”。`,
      en: `On {asOf} county {entity} has reported no list of its responsible units; the deadline was {deadline}, when it had {poorCount} poor village(s) (“${QUOTE}”).`,
    },
    late: {
      zh: `{entity}的包村帮扶单位名单于{submittedOn}上报，晚于上报期限{deadline}（含当日），当时该县有贫困村{poorCount}个。原文：“${QUOTE}”。`,
      en: `County {entity} reported the list of its responsible units on {submittedOn}, after the deadline of {deadline}, when it had {poorCount} poor village(s) (“${QUOTE}”).`,
    },
  },
  *check(index, ctx) {
    const deadline = ctx.params.unitListDeadline;
    // interpretation: on the deadline day itself a list may still arrive.
    if (ctx.asOf <= deadline) return;
    const tally = tallyPoor(index, ctx, deadline, (v) => index.countyOfVillage(v)?.id);
    for (const [id, poor] of tally) {
      // No cascade: a broken isPoor may be the county's only poor village.
      if (poor.count === 0) continue;
      const list = listStatus(index, ctx, id, "unit_list", deadline);
      if (list.status === "inTime" || list.status === "unknown") continue;
      yield {
        entity: { collection: "counties", id },
        ...(list.status === "late" ? { message: "late" } : {}),
        params: {
          asOf: ctx.asOf,
          deadline,
          poorCount: poor.count,
          ...(list.status === "late" ? { submittedOn: list.submittedOn } : {}),
        },
      };
    }
  },
});
