import { defineRule } from "../rule.js";
import { failingContractYears } from "./contract-years.js";

/** 四2: the unit holds topic meetings on its contract regularly. */
export const unitTopicMeetings = defineRule({
  id: "unit.topic-meetings",
  clause: "四2",
  severity: "warning",
  scope: "county",
  quote: "定期召开包村工作专题会议",
  title: {
    zh: "定期召开包村工作专题会议",
    en: "The unit holds regular topic meetings on its contract",
  },
  interpretation: {
    zh: "“定期”按每个包村年度至少topicMeetingsPerYear次(默认2次)计;会议属于单位,同一年度内的会议计入该单位所包的每个村",
    en: "“定期” is read as at least topicMeetingsPerYear (default 2) meetings per contract year; meetings belong to the unit and count for every village it contracts in that year",
  },
  messages: {
    default: {
      zh: "包村帮扶单位{entity}在包扶{related}的{years}年开始的包村年度内召开包村工作专题会议少于{required}次;包村帮扶单位要定期召开包村工作专题会议",
      en: "Unit {entity} held fewer than {required} topic meetings in the contract year(s) for {related} starting in {years}; the unit must hold regular topic meetings on its contract",
    },
  },
  *check(index, ctx) {
    // interpretation: topicMeetingsPerYear (default 2) stands for "定期", which names no number.
    const required = ctx.params.topicMeetingsPerYear;
    const datesOf = new Map<string, string[]>();
    const meetingDates = (unitId: string) => {
      let dates = datesOf.get(unitId);
      if (!dates) {
        dates = index
          .meetingsOfUnit(unitId)
          .filter((m) => ctx.ok(m, "date"))
          .map((m) => m.date);
        datesOf.set(unitId, dates);
      }
      return dates;
    };
    yield* failingContractYears(
      index,
      ctx,
      (unit, _villageId, year) => {
        const { start, end } = year.period;
        // interpretation: a meeting is the unit's, not one village's, so it counts for each.
        let n = 0;
        for (const date of meetingDates(unit.id)) if (date >= start && date < end) n++;
        return n < required;
      },
      { required },
    );
  },
});
