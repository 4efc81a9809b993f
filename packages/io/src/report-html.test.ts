/**
 * The HTML report and the figures behind it: totals and rules in clause order, coverage by county,
 * charts as SVG, the 问题清单 grouped by county — one file with no script; the same input gives
 * the same text.
 */
import { audit, type DatasetIndex, loadDataset } from "@shuangbao/core";
import { compliantCounty, FIXTURE_AS_OF } from "@shuangbao/core/testing";
import { describe, expect, it } from "vitest";
import { escapeHtml, renderReportHtml } from "./report-html.js";
import { reportSummary } from "./report-summary.js";

function broken(): { index: DatasetIndex; report: ReturnType<typeof audit> } {
  const d = compliantCounty();
  // A household with no helper and no known cause: findings of two rules.
  d.householdAssignments = [];
  const index = loadDataset(d);
  return { index, report: audit(index, { asOf: FIXTURE_AS_OF }) };
}

describe("reportSummary", () => {
  it("counts findings by category, by rule in clause order and by county, with coverage", () => {
    const { index, report } = broken();
    const s = reportSummary(report, index);
    expect(s.total).toBe(report.findings.length);
    expect(s.totals.error + s.totals.warning + s.totals.info + s.totals.data).toBe(s.total);
    const clauses = s.byRule.map((r) => r.clause ?? "");
    expect(clauses[0]).toBe("一");
    expect(s.byRule.reduce((n, r) => n + r.total, 0)).toBe(s.total);
    expect(s.coverage.households).toBeGreaterThan(0);
    expect(s.coverage.withHelper).toBe(0);
    expect(s.counties.reduce((n, c) => n + c.coverage.households, 0)).toBe(s.coverage.households);
  });
});

describe("renderReportHtml", () => {
  it("is one file: summary, SVG charts, rules with their sentences, the list by county", async () => {
    const { index, report } = broken();
    const html = await renderReportHtml(report, index, {
      lang: "zh",
      inputs: ["data/"],
      version: "1.2.3",
    });
    expect(html).toMatch(/^<!doctype html>/);
    // No script, no stylesheet or image fetched (the SVGs' namespaces are names, not requests).
    expect(html).not.toMatch(/<script|<link|(src|href)=["']?https?:|url\(/);
    expect(html).toContain("核查基准日");
    expect(html).toContain("不符合");
    expect(html).toContain("<svg");
    expect(html).toContain("每个贫困户都有帮扶责任人");
    expect(html.indexOf('id="summary"')).toBeLessThan(html.indexOf('id="list"'));
    expect(html).toContain("@page{size:A4");
    expect(
      await renderReportHtml(report, index, { lang: "zh", inputs: ["data/"], version: "1.2.3" }),
    ).toBe(html);
  });

  it("speaks English with lang en", async () => {
    const { index, report } = broken();
    const html = await renderReportHtml(report, index, { lang: "en", inputs: ["x"], version: "1" });
    expect(html).toContain("inspection report");
    expect(html).toContain("breach");
  });

  it("escapes text", () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  });
});
