import { fromDay, toDay } from "../../calendar/calendar.js";
import type { DatasetIndex } from "../../engine/dataset-index.js";
import { joinMessages, type Message, zhDate } from "../../engine/findings.js";
import type { RuleContext } from "../../engine/rule-context.js";
import type { Village } from "../../schema/collections.js";
import { defineRule } from "../rule.js";

/** Days `from` (inclusive) to `to` (exclusive), as day numbers (`toDay`). */
export interface DayRun {
  from: number;
  to: number;
}

/** A village's runs of contracted days without a resident cadre (`cadreGaps`). */
export interface CadreGaps {
  /** The maximal runs, in order, each within the contracted days (on or before asOf). */
  runs: DayRun[];
  /** Whether a contract row of the village has a broken start or end (counted in force on no day). */
  contractsBroken: boolean;
}

/** Sorts and merges runs that overlap or touch, so each day lies in at most one run. */
function merge(runs: DayRun[]): DayRun[] {
  runs.sort((a, b) => a.from - b.from);
  const out: DayRun[] = [];
  for (const r of runs) {
    const last = out.at(-1);
    if (last && r.from <= last.to) last.to = Math.max(last.to, r.to);
    else out.push({ ...r });
  }
  return out;
}

/**
 * The runs of a village's *contracted days* (on or before asOf, before its exit, on which one of
 * its contract rows is in force) on which no `residentCadres` row of the village is in force —
 * computed with merged intervals, never day by day. A resident-cadre row counts by its existence,
 * village and dates (its person may be unknown). `undefined` when a resident-cadre row of the
 * village has a broken start or end: it might fill any run, so nothing can be said (no-cascade).
 * @example cadreGaps(index, ctx, village)?.runs.filter((r) => r.to - r.from > 30)
 */
export function cadreGaps(
  index: DatasetIndex,
  ctx: RuleContext,
  village: Village,
): CadreGaps | undefined {
  const cadres: DayRun[] = [];
  for (const row of index.residentCadresOfVillage(village.id)) {
    if (!ctx.ok(row)) return undefined;
    cadres.push({
      from: toDay(row.selectedOn),
      to: row.endDate === undefined ? Number.POSITIVE_INFINITY : toDay(row.endDate),
    });
  }
  // Contracted days end with asOf, and before the exit (a village that has exited by asOf).
  let limit = ctx.asOfDay + 1;
  if (ctx.exited(village)) limit = Math.min(limit, toDay(village.exitedPovertyOn!));
  const contracted: DayRun[] = [];
  let contractsBroken = false;
  for (const row of index.contractsOfVillage(village.id)) {
    if (!ctx.ok(row, "startDate", "endDate")) {
      contractsBroken = true;
      continue;
    }
    const from = toDay(row.startDate);
    const to = Math.min(limit, row.endDate === undefined ? limit : toDay(row.endDate));
    if (from < to) contracted.push({ from, to });
  }
  const covered = merge(cadres);
  const runs: DayRun[] = [];
  let c = 0;
  for (const span of merge(contracted)) {
    let day = span.from;
    while (c < covered.length && covered[c]!.to <= day) c++;
    for (let k = c; k < covered.length && covered[k]!.from < span.to && day < span.to; k++) {
      const cover = covered[k]!;
      if (cover.from > day) runs.push({ from: day, to: cover.from });
      day = Math.max(day, cover.to);
    }
    if (day < span.to) runs.push({ from: day, to: span.to });
  }
  return { runs, contractsBroken };
}

/** "2016年1月1日至2016年1月31日（31天）" and "2016-01-01 to 2016-01-31 (31 days)". */
function runMessage(run: DayRun): Message {
  const first = fromDay(run.from);
  const last = fromDay(run.to - 1);
  const days = run.to - run.from;
  return {
    zh: `${zhDate(first)}至${zhDate(last)}（${days}天）`,
    en: `${first} to ${last} (${days} days)`,
  };
}

const QUOTE = "确定一名事业心强、熟悉农村工作的干部常年驻村帮扶";

/** 二(三)4: a contracted village is not left without a resident cadre for long ("常年驻村"). */
export const villageResidentCadreContinuous = defineRule({
  id: "village.resident-cadre-continuous",
  clause: "二(三)4",
  severity: "warning",
  scope: "county",
  reads: {
    villages: ["exitedPovertyOn"],
    villageAssignments: ["endDate", "startDate", "unitId"],
    residentCadres: ["endDate", "selectedOn"],
  },
  quote: QUOTE,
  title: {
    zh: "包村期间驻村帮扶干部常年在村，空缺不超过规定天数",
    en: "A contracted village is never long without a resident cadre",
  },
  interpretation: {
    zh: "“常年驻村”的天数界限是本系统的解释：核查基准日及以前、出列之前、有包村关系在执行的日子为包村期间；包村期间连续没有任何驻村帮扶干部在任、超过驻村帮扶干部最长空缺天数（默认30天）并在核查基准日之前结束的时段为一段空缺；截至核查基准日仍未结束的空缺由“包扶的村有在任的驻村帮扶干部”一条判断；驻村帮扶干部记录只看其村和起止日期，不论由哪个单位选派",
    en: "The threshold of “常年驻村” is ours: a contracted day is a day on or before the audit date and before the village's exit on which a contract row is in force; a run of contracted days without any resident cadre (of any unit) longer than the maximum gap (30 days by default) that ends before the audit date is a gap; a gap still open on the audit date is village.has-resident-cadre's",
  },
  messages: {
    default: {
      zh: `{entity}在包村期间有{count}段时间连续超过{max}天没有驻村帮扶干部：{gaps}；空缺开始时的包村帮扶单位为{units}。原文：“${QUOTE}”。`,
      en: `{entity} was without a resident cadre for more than {max} days {count} time(s) while contracted: {gaps}; responsible unit(s) when the gap began: {units} ("${QUOTE}").`,
    },
  },
  *check(index, ctx) {
    const max = ctx.params.residentCadreMaxGapDays;
    for (const village of index.rows("villages")) {
      if (index.contractsOfVillage(village.id).length === 0) continue;
      const found = cadreGaps(index, ctx, village);
      // A contract row that cannot be placed in time might lengthen, join or add gaps.
      if (!found || found.contractsBroken) continue;
      // A gap ends before asOf: one still open on asOf is village.has-resident-cadre's.
      const gaps = found.runs.filter((r) => r.to - r.from > max && r.to <= ctx.asOfDay);
      if (gaps.length === 0) continue;
      const units = new Set<string>();
      for (const gap of gaps) {
        const first = fromDay(gap.from);
        for (const row of index.contractsOfVillage(village.id))
          if (ctx.ok(row, "unitId") && row.unitId !== undefined && ctx.inForceOn(row, first))
            units.add(row.unitId);
      }
      const related = [...units].sort().map((id) => ({ collection: "units", id }));
      yield {
        entity: { collection: "villages", id: village.id },
        ...(related.length > 0 ? { related } : {}),
        params: {
          count: gaps.length,
          max,
          gaps: joinMessages(gaps.map(runMessage)),
          units:
            related.length > 0
              ? joinMessages(related.map((u) => ctx.labels("units", u.id)))
              : { zh: "不详", en: "unknown" },
        },
      };
    }
  },
});
