/** The report's charts on the page: io's ECharts options (the HTML report's too), drawn live. */
import {
  type Chart,
  countiesChart,
  coverageChart,
  type ReportSummary,
  rulesChart,
} from "@shuangbao/io/browser";
import { BarChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from "echarts/components";
import { type EChartsType, init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import type { Lang } from "./protocol.js";

use([BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

const drawn = new Map<HTMLElement, EChartsType>();

/** Draws a chart into its figure (its caption above it), or hides the figure. */
function draw(figure: HTMLElement, chart: Chart | undefined): void {
  const box = figure.querySelector<HTMLElement>(".chart-box")!;
  drawn.get(box)?.dispose();
  drawn.delete(box);
  figure.hidden = !chart;
  if (!chart) return;
  const { caption, height, ...option } = chart;
  figure.querySelector("figcaption")!.textContent = caption;
  box.style.height = `${height}px`;
  const instance = init(box, null, { renderer: "svg" });
  instance.setOption(option);
  drawn.set(box, instance);
}

/** Draws the summary's charts into the page's chart boxes. */
export function drawCharts(summary: ReportSummary, lang: Lang): void {
  const box = (id: string) => document.getElementById(id)!;
  draw(
    box("chart-coverage-city"),
    summary.cities.length > 1 ? coverageChart(summary, "city", lang) : undefined,
  );
  draw(
    box("chart-coverage-county"),
    summary.counties.length > 0 ? coverageChart(summary, "county", lang) : undefined,
  );
  draw(box("chart-rules"), summary.byRule.length > 0 ? rulesChart(summary, lang) : undefined);
  draw(box("chart-counties"), summary.total > 0 ? countiesChart(summary, lang) : undefined);
}

addEventListener("resize", () => {
  for (const chart of drawn.values()) chart.resize();
});
