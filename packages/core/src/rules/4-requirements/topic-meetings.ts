import { toDay } from "../../calendar/calendar.js";
import { unitDutyHits, yearOfDay } from "../duty-years.js";
import { defineRule } from "../rule.js";

const QUOTE = "定期召开包村工作专题会议";

/** A unit's meetings as sorted day numbers, and what its broken meeting dates silence. */
interface UnitMeetings {
  days: Int32Array;
  /** Years of meeting dates a data check broke but that can be read (a date after asOf). */
  silentYears: number[];
  /** A meeting whose date cannot be read at all: the rule says nothing about the unit. */
  silentAll: boolean;
}

/** The first index of `days` (ascending) holding a day on or after `day`. */
function lowerBound(days: Int32Array, day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** 四2: the unit holds topic meetings on its contract regularly. */
export const unitTopicMeetings = defineRule({
  id: "unit.topic-meetings",
  clause: "四2",
  severity: "warning",
  scope: "county",
  reads: {
    villageAssignments: ["endDate", "startDate", "unitId"],
    meetings: ["date"],
  },
  quote: QUOTE,
  title: {
    zh: "包村帮扶单位定期召开包村工作专题会议",
    en: "The unit holds regular topic meetings on its contract",
  },
  interpretation: {
    zh: "“定期”未定次数，按每年度至少两次计（参数“每年包村工作专题会议次数”）；会议属于包村帮扶单位而不分村，计入该单位所包的每个贫困村；同一包村帮扶单位对同一贫困村的各段包村关系合并计算，不足一年的年度按包村天数折算、四舍五入，只计包村期间召开的会议。",
    en: "“定期” names no number: read as at least topicMeetingsPerYear (default 2) meetings a calendar year; a meeting is the unit's, not one village's, so it counts for every village the unit contracts; the unit's rows for the village are taken together, a partial year is prorated (rounded half up) and only meetings on its covered days count",
  },
  messages: {
    default: {
      zh: `{entity}包扶{related}期间召开包村工作专题会议次数不足：{periods}。原文：“${QUOTE}”。`,
      en: `{entity} held too few topic meetings while responsible for {related}: {periods} ("${QUOTE}").`,
    },
  },
  *check(index, ctx) {
    const byUnit = new Map<string, UnitMeetings>();
    const meetingsOf = (unitId: string): UnitMeetings => {
      let found = byUnit.get(unitId);
      if (found) return found;
      const days: number[] = [];
      const silentYears: number[] = [];
      let silentAll = false;
      for (const m of index.meetingsOfUnit(unitId)) {
        if (ctx.ok(m)) days.push(toDay(m.date));
        // No cascade: a broken date says nothing about the years it may belong to.
        else if (typeof m.date === "string") silentYears.push(yearOfDay(toDay(m.date)));
        else silentAll = true;
      }
      found = { days: Int32Array.from(days).sort(), silentYears, silentAll };
      byUnit.set(unitId, found);
      return found;
    };
    // interpretation: topicMeetingsPerYear (default 2) stands for "定期", which names no number.
    yield* unitDutyHits(index, ctx, ctx.params.topicMeetingsPerYear, (unit) => {
      const { days, silentYears, silentAll } = meetingsOf(unit.id);
      if (silentAll) return undefined;
      return {
        // interpretation: a meeting is the unit's, not one village's, so it counts for each.
        count: (fromDay, toDay) => lowerBound(days, toDay) - lowerBound(days, fromDay),
        ...(silentYears.length ? { silent: (year: number) => silentYears.includes(year) } : {}),
      };
    });
  },
});
