/**
 * The HTML audit report (`shuangbao audit --format html`, the API's `Accept: text/html`, the web
 * page's download): one self-contained file an auditor can mail or print — no script, no request;
 * the charts are SVG drawn by ECharts' server-side renderer. The summary comes first (totals,
 * coverage by county, charts, the rules with their quoted sentences), then the 问题清单 grouped by
 * county; a print stylesheet gives A4 pages, the list starting on a page of its own.
 */
import {
  type AuditReport,
  type DatasetIndex,
  findingsTable,
  PARAMETER_NAMES,
  PARAMETERS,
  ruleById,
  zhDate,
} from "@shuangbao/core";
import type { init as EchartsInit } from "echarts/core";
import {
  CATEGORY_COLOURS,
  type Chart,
  categoryLabel,
  countiesChart,
  coverageChart,
  rulesChart,
} from "./report-charts.js";
import type { Lang, ReportOptions } from "./report-options.js";
import {
  CATEGORIES,
  type CoverageCounts,
  type ReportSummary,
  reportSummary,
} from "./report-summary.js";

let echarts: Promise<typeof EchartsInit> | undefined;

/**
 * ECharts' `init` with the bar chart and the SVG renderer, loaded on first use: ECharts is a large
 * part of a command's start-up, and most runs draw no chart.
 */
function loadEcharts(): Promise<typeof EchartsInit> {
  echarts ??= (async () => {
    const [charts, components, core, renderers] = await Promise.all([
      import("echarts/charts"),
      import("echarts/components"),
      import("echarts/core"),
      import("echarts/renderers"),
    ]);
    core.use([
      charts.BarChart,
      components.GridComponent,
      components.LegendComponent,
      components.TitleComponent,
      components.TooltipComponent,
      renderers.SVGRenderer,
    ]);
    return core.init;
  })();
  return echarts;
}

/** What the HTML report shows besides the report (as the XLSX report's options). */
export type ReportHtmlOptions = ReportOptions;

/**
 * A table of words given as `{ zh, en }` pairs, as one table per language.
 * @example byLanguage({ none: { zh: "未发现问题。", en: "No findings." } }).en.none // "No findings."
 */
function byLanguage<
  W extends Readonly<Record<string, { readonly zh: unknown; readonly en: unknown }>>,
>(words: W): { [L in Lang]: { [K in keyof W]: W[K][L] } } {
  const one = (lang: Lang) =>
    Object.fromEntries(Object.entries(words).map(([key, both]) => [key, both[lang]]));
  return { zh: one("zh"), en: one("en") } as { [L in Lang]: { [K in keyof W]: W[K][L] } };
}

/** The report's words, each with its two languages side by side; `T[lang]` reads one. */
const T = byLanguage({
  title: {
    zh: "“单位包村、干部包户”定点帮扶工作核查报告",
    en: "“单位包村、干部包户” (shuangbao) inspection report",
  },
  asOf: { zh: "核查基准日", en: "As of" },
  asOfText: { zh: (d: string) => `截至${zhDate(d)}`, en: (d: string) => d },
  policy: { zh: "政策依据", en: "Policy" },
  policyText: {
    zh: "安徽省扶贫开发领导小组、中共安徽省委组织部《关于建立“单位包村、干部包户”定点帮扶制度的实施意见》（2014年7月9日）",
    en: "Anhui Poverty Alleviation Leading Group and Organisation Department of the Anhui Party Committee: implementing opinions on the “单位包村、干部包户” contracting system (9 July 2014)",
  },
  inputs: { zh: "输入文件", en: "Input files" },
  version: { zh: "工具版本", en: "Tool version" },
  total: { zh: "问题总数", en: "Findings" },
  none: { zh: "未发现问题。", en: "No findings." },
  coverage: { zh: "帮扶覆盖情况", en: "Coverage" },
  coverageHeader: {
    zh: [
      "市",
      "县（市、区）",
      "贫困村",
      "有包村帮扶单位",
      "有驻村帮扶干部",
      "贫困户",
      "有帮扶责任人",
      "问题",
    ],
    en: [
      "city",
      "county",
      "poor villages",
      "with a responsible unit",
      "with a resident cadre",
      "poor households",
      "with a helper",
      "findings",
    ],
  },
  all: { zh: "合计", en: "total" },
  charts: { zh: "图表", en: "Charts" },
  rules: { zh: "规则与原文", en: "Rules and the policy's words" },
  ruleHeader: {
    zh: ["条款", "规则", "原文", "问题"],
    en: ["clause", "rule", "the policy says", "findings"],
  },
  dataCheck: { zh: "数据检查", en: "data check" },
  parameters: { zh: "政策参数（核查时适用的取值）", en: "Policy parameters (the values in force)" },
  paramHeader: {
    zh: ["参数", "取值", "条款", "备注"],
    en: ["parameter", "value", "clause", "note"],
  },
  overridden: { zh: "已调整", en: "overridden" },
  interpretation: { zh: "解释性参数", en: "interpretation" },
  list: { zh: "问题清单", en: "Findings" },
  listHeader: {
    zh: ["类别", "条款", "规则", "地点", "对象", "说明", "来源"],
    en: ["kind", "clause", "rule", "place", "subject", "message", "source"],
  },
  unplaced: { zh: "省、市级或数据文件", en: "province, city or file" },
  line: { zh: (l: string) => `第${l}行`, en: (l: string) => `line ${l}` },
  generated: {
    zh: (v: string) =>
      `本报告由“双包”数据核查工具（版本${v}）根据上列输入文件在本机生成，数据未发送到任何地方。问题清单中，同一文件、同一字段的同类数据问题合并为一行。`,
    en: (v: string) =>
      `Written by shuangbao ${v} on this computer from the input files above; no data was sent anywhere. In the findings list, like data findings of one file and field are grouped into one row.`,
  },
  page: { zh: "页", en: "page" },
} as const);

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text for HTML: `&<>"'` escaped. */
export function escapeHtml(text: unknown): string {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const pct = (part: number, whole: number) =>
  whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : "–";

/**
 * An SVG's generated names (`zr3-cls-15`: ECharts numbers them across every chart the process has
 * drawn) renamed by first use within the chart, so the same report gives the same text.
 */
function stableNames(svg: string, chart: number): string {
  const names = new Map<string, string>();
  return svg.replace(/\bzr\d+-[A-Za-z-]*\d+\b/g, (name) => {
    let stable = names.get(name);
    if (!stable) {
      stable = `chart${chart}-${names.size}`;
      names.set(name, stable);
    }
    return stable;
  });
}

/** A chart as its caption and an SVG, `width` wide and as tall as it asks. */
function chartHtml(
  init: typeof EchartsInit,
  { caption, height, ...option }: Chart,
  n: number,
  width = 700,
): string {
  const chart = init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ ...option, tooltip: { show: false } });
    const svg = stableNames(chart.renderToSVGString(), n);
    return `<figure class="chart"><figcaption>${escapeHtml(caption)}</figcaption>${svg}</figure>`;
  } finally {
    chart.dispose();
  }
}

function coverageCells(c: CoverageCounts): string {
  return [
    c.poorVillages,
    `${c.withUnit}<small>${pct(c.withUnit, c.poorVillages)}</small>`,
    `${c.withCadre}<small>${pct(c.withCadre, c.poorVillages)}</small>`,
    c.households,
    `${c.withHelper}<small>${pct(c.withHelper, c.households)}</small>`,
  ]
    .map((v) => `<td class="n">${v}</td>`)
    .join("");
}

function totalsHtml(summary: ReportSummary, lang: Lang): string {
  const cards = CATEGORIES.map(
    (k) =>
      `<div class="card" style="border-color:${CATEGORY_COLOURS[k]}"><b style="color:${CATEGORY_COLOURS[k]}">${summary.totals[k]}</b><span>${escapeHtml(categoryLabel(k, lang))}</span></div>`,
  ).join("");
  return `<div class="cards"><div class="card"><b>${summary.total}</b><span>${T[lang].total}</span></div>${cards}</div>`;
}

function coverageTable(summary: ReportSummary, lang: Lang): string {
  const t = T[lang];
  // The counties of the data with nothing to show (a unit's home county) are left out.
  const rows = summary.counties
    .filter((c) => c.total > 0 || c.coverage.poorVillages > 0 || c.coverage.households > 0)
    .map(
      (c) =>
        `<tr><td>${escapeHtml(c.city)}</td><td>${escapeHtml(c.name)}</td>${coverageCells(c.coverage)}<td class="n">${c.total}</td></tr>`,
    )
    .join("");
  const total = `<tr class="sum"><td colspan="2">${t.all}</td>${coverageCells(summary.coverage)}<td class="n">${summary.total}</td></tr>`;
  return `<table class="grid"><thead><tr>${t.coverageHeader.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>${rows}${total}</tbody></table>`;
}

function rulesTable(summary: ReportSummary, lang: Lang): string {
  const t = T[lang];
  const rows = summary.byRule
    .map((r) => {
      const rule = ruleById(r.ruleId);
      const counts = CATEGORIES.filter((k) => r.counts[k] > 0)
        .map((k) => `${escapeHtml(categoryLabel(k, lang))} ${r.counts[k]}`)
        .join("<br>");
      return `<tr><td>${escapeHtml(r.clause ?? "")}</td><td>${escapeHtml(r.title[lang])}<div class="id">${escapeHtml(r.ruleId)}</div></td><td class="quote">${rule ? `“${escapeHtml(rule.quote)}”` : `<i>${t.dataCheck}</i>`}</td><td class="n">${counts}</td></tr>`;
    })
    .join("");
  return `<table class="grid rules"><thead><tr>${t.ruleHeader.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>${rows}</tbody></table>`;
}

function parametersTable(
  report: AuditReport,
  lang: Lang,
  overrides: Readonly<Record<string, unknown>>,
): string {
  const t = T[lang];
  const interpretations = new Set<string>(report.policy.interpretations);
  const rows = PARAMETER_NAMES.map((name) => {
    const def = PARAMETERS[name];
    const value = report.policy.parameters[name];
    const marks = [
      Object.hasOwn(overrides, name) ? `<span class="tag">${t.overridden}</span>` : "",
      interpretations.has(name) ? `<span class="tag interp">${t.interpretation}</span>` : "",
    ].join("");
    return `<tr><td>${escapeHtml(def.title[lang])}${marks}</td><td>${escapeHtml(lang === "zh" && def.kind === "date" ? zhDate(String(value)) : value)}</td><td>${escapeHtml(def.clause)}</td><td>${escapeHtml(def.note?.[lang] ?? "")}</td></tr>`;
  }).join("");
  return `<table class="grid"><thead><tr>${t.paramHeader.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** The 问题清单, grouped by county in the summary's order; rows placed in no county last. */
function listHtml(
  report: AuditReport,
  index: DatasetIndex | undefined,
  summary: ReportSummary,
  lang: Lang,
): string {
  const t = T[lang];
  const table = findingsTable(report, index, lang, { grouped: true });
  const rows = table.rows as Record<string, string | number | undefined>[];
  const keyOf = (city: unknown, county: unknown) => `${city ?? ""}\u0000${county ?? ""}`;
  const sections = new Map<string, { title: string; rows: string[] }>();
  for (const c of summary.counties)
    sections.set(keyOf(c.city, c.name), { title: `${c.city ?? ""} ${c.name}`.trim(), rows: [] });
  const rest = { title: t.unplaced, rows: [] as string[] };
  const labels = Object.fromEntries(CATEGORIES.map((k) => [categoryLabel(k, lang), k]));
  for (const r of rows) {
    const place = [r.township, r.village].filter(Boolean).join(" ");
    const source = [r.file, r.sheet, r.line !== undefined ? t.line(String(r.line)) : undefined]
      .filter((v) => v !== undefined && v !== "")
      .join(" · ");
    const kind = String(r.kind ?? "");
    const colour = CATEGORY_COLOURS[labels[kind] ?? "data"];
    const html = `<tr><td><span class="kind" style="background:${colour}">${escapeHtml(kind)}</span></td><td>${escapeHtml(r.clause)}</td><td>${escapeHtml(r.ruleTitle)}</td><td>${escapeHtml(place)}${r.unit ? `<div class="unit">${escapeHtml(r.unit)}</div>` : ""}</td><td>${escapeHtml(r.subject)}</td><td>${escapeHtml(r.message)}</td><td class="src">${escapeHtml(source)}</td></tr>`;
    const section = r.county ? sections.get(keyOf(r.city, r.county)) : undefined;
    (section ?? rest).rows.push(html);
  }
  const head = `<thead><tr>${t.listHeader.map((h) => `<th>${h}</th>`).join("")}</tr></thead>`;
  return [...sections.values(), rest]
    .filter((s) => s.rows.length > 0)
    .map(
      (s) =>
        `<section class="county"><h3>${escapeHtml(s.title)} <small>${s.rows.length}</small></h3><table class="grid list">${head}<tbody>${s.rows.join("")}</tbody></table></section>`,
    )
    .join("");
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:13px/1.5 "Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC",sans-serif;color:#1b2631;background:#f4f6f7}
main{max-width:1060px;margin:0 auto;padding:24px;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:2px solid #1f618d;padding-bottom:2px}
h3{font-size:14px;margin:18px 0 6px}h3 small{color:#5d6d7e;font-weight:normal}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:8px 0}dl.meta dt{font-weight:bold}dl.meta dd{margin:0}
.cards{display:flex;gap:10px;flex-wrap:wrap;margin:12px 0}
.card{border:1px solid #aab7b8;border-left-width:5px;padding:6px 14px;min-width:110px}.card b{display:block;font-size:22px}.card span{color:#5d6d7e}
table.grid{border-collapse:collapse;width:100%;margin:6px 0}
.grid th,.grid td{border:1px solid #ccd1d1;padding:3px 6px;vertical-align:top;text-align:left}
.grid th{background:#d9e1f2;font-weight:bold}
.grid td.n{text-align:right;white-space:nowrap}.grid td small{margin-left:4px;color:#5d6d7e}
.grid tr.sum td{font-weight:bold;background:#f2f4f4}
.rules td.quote{font-family:"SimSun","Songti SC","Noto Serif CJK SC",serif;color:#283747}
.id{color:#7f8c8d;font-size:11px;font-family:monospace}
.tag{display:inline-block;margin-left:6px;padding:0 4px;border:1px solid #7f8c8d;border-radius:3px;font-size:11px}
.tag.interp{border-color:#d68910;color:#9c640c}
.kind{color:#fff;border-radius:3px;padding:0 4px;white-space:nowrap;font-size:12px}
.list td.src{color:#5d6d7e;font-size:12px;word-break:break-all}
.list td:nth-child(6){width:38%}.unit{color:#5d6d7e;font-size:12px}
.chart{margin:10px 0;break-inside:avoid}.chart figcaption{font-weight:bold;margin-bottom:4px}.chart svg{max-width:100%;height:auto}
footer{margin-top:24px;color:#5d6d7e;font-size:12px}
@page{size:A4;margin:14mm 12mm}
@media print{
  body{background:#fff;font-size:9pt}
  .list td{padding:2px 4px}
  main{max-width:none;padding:0}
  h2{break-after:avoid}h3{break-after:avoid}
  #list{break-before:page}
  .grid thead{display:table-header-group}
  .grid tr{break-inside:avoid}
  .cards,.chart,table.rules tr{break-inside:avoid}
}
`;

/**
 * The HTML report: summary (totals, coverage by county, charts, rules with their quoted sentences,
 * parameters), then the 问题清单 grouped by county; one self-contained file, no script.
 * @example const html = await renderReportHtml(report, index, { lang: "zh", inputs: ["yuexi"], version: "0.2.0" });
 */
export async function renderReportHtml(
  report: AuditReport,
  index: DatasetIndex | undefined,
  options: ReportHtmlOptions,
): Promise<string> {
  const init = await loadEcharts();
  const lang = options.lang;
  const t = T[lang];
  const summary = reportSummary(report, index);
  const charts = [
    ...(index && summary.cities.length > 1 ? [coverageChart(summary, "city", lang)] : []),
    ...(index && summary.counties.length > 0 ? [coverageChart(summary, "county", lang)] : []),
    ...(summary.byRule.length > 0 ? [rulesChart(summary, lang)] : []),
    ...(index && summary.total > 0 ? [countiesChart(summary, lang)] : []),
  ]
    .map((c, n) => chartHtml(init, c, n))
    .join("");
  const inputs = options.inputs.map((i) => escapeHtml(i)).join("<br>");
  return `<!doctype html>
<html lang="${lang === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${t.title} ${t.asOfText(report.asOf)}`)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<section id="summary">
<h1>${t.title}</h1>
<dl class="meta">
<dt>${t.asOf}</dt><dd>${escapeHtml(t.asOfText(report.asOf))}</dd>
<dt>${t.policy}</dt><dd>${t.policyText}</dd>
<dt>${t.inputs}</dt><dd>${inputs}</dd>
<dt>${t.version}</dt><dd>shuangbao ${escapeHtml(options.version)}</dd>
</dl>
${summary.total === 0 ? `<p>${t.none}</p>` : totalsHtml(summary, lang)}
${index ? `<h2>${t.coverage}</h2>${coverageTable(summary, lang)}` : ""}
${charts ? `<h2>${t.charts}</h2>${charts}` : ""}
${summary.byRule.length > 0 ? `<h2>${t.rules}</h2>${rulesTable(summary, lang)}` : ""}
<h2>${t.parameters}</h2>
${parametersTable(report, lang, options.overrides ?? {})}
</section>
<section id="list">
<h2>${t.list}${lang === "zh" ? `（${escapeHtml(t.asOfText(report.asOf))}）` : ""}</h2>
${listHtml(report, index, summary, lang)}
</section>
<footer>${escapeHtml(t.generated(options.version))}</footer>
</main>
</body>
</html>
`;
}
