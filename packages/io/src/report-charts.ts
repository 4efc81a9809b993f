/**
 * The report's charts as ECharts options, one builder each, shared by the web page (drawn live)
 * and the HTML report (rendered to SVG): coverage by city or county, findings by rule in clause
 * order, findings by county — in the words of rules.md (不符合 / 需说明 / 提示 / 数据问题). ECharts:
 * the charting library Chinese offices know, maintained, tree-shaken to bar charts here, and it
 * renders the same option to SVG on Node with no DOM.
 */
import { findingLabel } from "@shuangbao/core";
import type { BarSeriesOption } from "echarts/charts";
import type {
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from "echarts/components";
import type { ComposeOption } from "echarts/core";
import type { Lang } from "./report-options.js";
import type { Category, CoverageCounts, ReportSummary } from "./report-summary.js";
import { CATEGORIES } from "./report-summary.js";

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>;

/** The colours of the categories: a breach red, to explain amber, a note blue, data grey. */
export const CATEGORY_COLOURS: Record<Category, string> = {
  error: "#c0392b",
  warning: "#d68910",
  info: "#2e86c1",
  data: "#7f8c8d",
};

/** A category as a reader reads it (不符合 / 需说明 / 提示 / 数据问题). */
export function categoryLabel(category: Category, lang: Lang): string {
  return findingLabel(
    category === "data"
      ? { ruleId: "data.", severity: "error" }
      : { ruleId: "", severity: category },
  )[lang];
}

const FONT =
  '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

const COVERAGE = {
  zh: {
    unit: "有包村帮扶单位的贫困村",
    cadre: "有驻村帮扶干部的贫困村",
    helper: "有帮扶责任人的贫困户",
    title: (by: string) => `帮扶覆盖率（按${by}）`,
    city: "市",
    county: "县（市、区）",
  },
  en: {
    unit: "poor villages with a responsible unit",
    cadre: "poor villages with a resident cadre",
    helper: "poor households with a helper",
    title: (by: string) => `Coverage by ${by}`,
    city: "city",
    county: "county",
  },
} as const;

const percent = (part: number, whole: number) =>
  whole > 0 ? Math.round((1000 * part) / whole) / 10 : 0;

/** A chart: its ECharts option, the caption shown above it, and the height it needs. */
export type Chart = ChartOption & { caption: string; height: number };

const base = (caption: string) => ({
  caption,
  animation: false,
  textStyle: { fontFamily: FONT },
  tooltip: { trigger: "axis" as const, axisPointer: { type: "shadow" as const } },
  legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10 },
});

/** A category axis' labels no wider than `max` characters (CJK counts double). */
function shorten(text: string, max: number): string {
  let width = 0;
  let out = "";
  for (const ch of text) {
    width += ch.charCodeAt(0) > 0xff ? 2 : 1;
    if (width > max) return `${out}…`;
    out += ch;
  }
  return out;
}

/**
 * Coverage by city or county: for each, the shares (%) of poor villages with a responsible unit
 * and with a resident cadre, and of poor households with a helper; the counts in the tooltip.
 * @example coverageChart(summary, "county", "zh").series.length // 3
 */
export function coverageChart(summary: ReportSummary, by: "city" | "county", lang: Lang): Chart {
  const t = COVERAGE[lang];
  const rows: { name: string; c: CoverageCounts }[] =
    by === "city"
      ? summary.cities.map((c) => ({ name: c.name, c: c.coverage }))
      : summary.counties.map((c) => ({ name: c.name, c: c.coverage }));
  // Counties of the data with no poor village or household (a unit's home county) are not shown.
  const shown = rows.filter((r) => r.c.poorVillages > 0 || r.c.households > 0);
  const names = shown.map((r) => r.name);
  const series = (
    [
      ["unit", (c: CoverageCounts): [number, number] => [c.withUnit, c.poorVillages], "#1f618d"],
      ["cadre", (c: CoverageCounts): [number, number] => [c.withCadre, c.poorVillages], "#48c9b0"],
      ["helper", (c: CoverageCounts): [number, number] => [c.withHelper, c.households], "#f5b041"],
    ] as const
  ).map(
    ([key, pick, color]): BarSeriesOption => ({
      type: "bar",
      name: t[key],
      color,
      barMaxWidth: 14,
      data: shown.map((r) => {
        const [part, whole] = pick(r.c);
        return { value: percent(part, whole), part, whole };
      }),
      label: { show: shown.length <= 12, position: "right", formatter: "{c}%", fontSize: 10 },
    }),
  );
  const height = Math.max(150, 56 + shown.length * 3 * 16);
  return {
    ...base(t.title(t[by])),
    height,
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      valueFormatter: (v) => `${v}%`,
    },
    grid: { left: 8, right: 48, top: 32, bottom: 8, outerBoundsMode: "same" },
    xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    yAxis: {
      type: "category",
      data: names,
      inverse: true,
      axisLabel: { formatter: (v: string) => shorten(v, 16) },
    },
    series,
  };
}

const RULES = {
  zh: { title: "问题按规则（条款顺序）", count: "条" },
  en: { title: "Findings by rule (clause order)", count: "" },
} as const;

/**
 * Findings by rule in clause order, stacked by category; the label is the clause and the rule's
 * title.
 */
export function rulesChart(summary: ReportSummary, lang: Lang): Chart {
  const rows = summary.byRule.map((r) => ({
    name: `${r.clause ? `${r.clause} ` : ""}${r.title[lang]}`,
    counts: r.counts,
  }));
  return stackedBars(RULES[lang].title, rows, lang, 34);
}

/** A horizontal bar per row, stacked by category (不符合 / 需说明 / 提示 / 数据问题). */
function stackedBars(
  title: string,
  rows: readonly { name: string; counts: Readonly<Record<(typeof CATEGORIES)[number], number>> }[],
  lang: Lang,
  labelChars: number,
): Chart {
  return {
    ...base(title),
    height: Math.max(120, 46 + rows.length * 22),
    grid: { left: 8, right: 40, top: 32, bottom: 8, outerBoundsMode: "same" },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: {
      type: "category",
      data: rows.map((r) => r.name),
      inverse: true,
      axisLabel: { formatter: (v: string) => shorten(v, labelChars) },
    },
    series: CATEGORIES.map(
      (k): BarSeriesOption => ({
        type: "bar",
        name: categoryLabel(k, lang),
        stack: "all",
        color: CATEGORY_COLOURS[k],
        barMaxWidth: 16,
        data: rows.map((r) => r.counts[k] || null),
      }),
    ),
  };
}

const COUNTIES = {
  zh: { title: "问题按县（市、区）", other: "省、市级或数据文件" },
  en: { title: "Findings by county", other: "province, city or file" },
} as const;

/** Findings by county, stacked by category (those placed in no county last). */
export function countiesChart(summary: ReportSummary, lang: Lang): Chart {
  const rows = summary.counties
    .filter((c) => c.total > 0)
    .map((c) => ({ name: c.name, counts: c.findings }));
  const unplaced = CATEGORIES.reduce((n, k) => n + summary.unplaced[k], 0);
  if (unplaced > 0) rows.push({ name: COUNTIES[lang].other, counts: summary.unplaced });
  return stackedBars(COUNTIES[lang].title, rows, lang, 18);
}
