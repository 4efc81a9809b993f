/**
 * The figures a report is read by, computed once for every view of it (the XLSX report's 汇总,
 * the HTML report, the web page): findings by category (不符合 / 需说明 / 提示 / 数据问题), by
 * rule in clause order, by county and city; and coverage at the 核查基准日 — poor villages with a
 * responsible unit and with a resident cadre, poor households with a helper — with the
 * definitions of the audit and the forms.
 */
import {
  type AuditReport,
  CATALOGUE,
  DATA_CHECKS,
  type DatasetIndex,
  type Finding,
  findingPlace,
  type Message,
  RuleContext,
  ruleTitle,
} from "@shuangbao/core";

/** A finding's category as a reader reads it: a data check is 数据问题 whatever its severity. */
export type Category = "error" | "warning" | "info" | "data";
export const CATEGORIES: readonly Category[] = ["error", "warning", "info", "data"];

export const categoryOf = (f: Pick<Finding, "ruleId" | "severity">): Category =>
  f.ruleId.startsWith("data.") ? "data" : f.severity;

/** Counts by category. */
export type CategoryCounts = Record<Category, number>;

/** Coverage at the report's date. */
export interface CoverageCounts {
  poorVillages: number;
  withUnit: number;
  withCadre: number;
  households: number;
  withHelper: number;
}

export interface RuleCount {
  ruleId: string;
  clause: string | undefined;
  title: Message;
  counts: CategoryCounts;
  total: number;
}

export interface CountySummary {
  id: string;
  name: string;
  cityId: string | undefined;
  city: string | undefined;
  keyCounty: boolean | undefined;
  coverage: CoverageCounts;
  findings: CategoryCounts;
  total: number;
}

export interface CitySummary {
  id: string;
  name: string;
  coverage: CoverageCounts;
  findings: CategoryCounts;
  total: number;
}

export interface ReportSummary {
  asOf: string;
  totals: CategoryCounts;
  total: number;
  /** Rules with findings, in clause order (the catalogue's), then the data checks. */
  byRule: RuleCount[];
  /** Counties of the data, by city then id. */
  counties: CountySummary[];
  cities: CitySummary[];
  /** Findings not placed in a county (a city's or the province's, a file's). */
  unplaced: CategoryCounts;
  coverage: CoverageCounts;
}

const zero = (): CategoryCounts => ({ error: 0, warning: 0, info: 0, data: 0 });
const noCoverage = (): CoverageCounts => ({
  poorVillages: 0,
  withUnit: 0,
  withCadre: 0,
  households: 0,
  withHelper: 0,
});
const sum = (c: CategoryCounts) => c.error + c.warning + c.info + c.data;

function addCoverage(to: CoverageCounts, c: CoverageCounts): void {
  for (const k of Object.keys(to) as (keyof CoverageCounts)[]) to[k] += c[k];
}

/** Coverage by county id at the report's date, with the definitions of the audit and the forms. */
export function coverageByCounty(
  report: AuditReport,
  index: DatasetIndex,
): Map<string, CoverageCounts> {
  const ctx = new RuleContext(index, report.asOf, report.policy.parameters, new Map());
  const out = new Map<string, CoverageCounts>();
  const of = (countyId: string): CoverageCounts => {
    let c = out.get(countyId);
    if (!c) {
      c = noCoverage();
      out.set(countyId, c);
    }
    return c;
  };
  const countyOf = new Map<string, string | undefined>();
  for (const village of index.rows("villages")) {
    const county = index.countyOfVillage(village)?.id;
    countyOf.set(village.id, county);
    if (!county || !ctx.isPoorVillage(village)) continue;
    const c = of(county);
    c.poorVillages++;
    if (ctx.isContracted(village.id)) c.withUnit++;
    if (ctx.currentResidentCadres(village.id).length > 0) c.withCadre++;
  }
  for (const household of index.rows("households")) {
    const county = countyOf.get(household.villageId);
    if (!county || ctx.exited(household)) continue;
    const c = of(county);
    c.households++;
    if (ctx.currentHelpers(household).length > 0) c.withHelper++;
  }
  return out;
}

const ORDER = new Map<string, number>(
  [...CATALOGUE.map((r) => r.id), ...Object.keys(DATA_CHECKS)].map((id, i) => [id, i]),
);

/**
 * The figures of a report: totals by category, by rule in clause order, by county and city with
 * coverage (without an index, by rule only).
 * @example reportSummary(report, index).byRule[0]?.clause // "一"
 */
export function reportSummary(report: AuditReport, index: DatasetIndex | undefined): ReportSummary {
  const totals = zero();
  const rules = new Map<string, RuleCount>();
  for (const f of report.findings) {
    const k = categoryOf(f);
    totals[k]++;
    let r = rules.get(f.ruleId);
    if (!r) {
      r = {
        ruleId: f.ruleId,
        clause: f.clause,
        title: ruleTitle(f.ruleId),
        counts: zero(),
        total: 0,
      };
      rules.set(f.ruleId, r);
    }
    r.counts[k]++;
    r.total++;
  }
  const byRule = [...rules.values()].sort(
    (a, b) =>
      (ORDER.get(a.ruleId) ?? 9999) - (ORDER.get(b.ruleId) ?? 9999) ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
  const summary: ReportSummary = {
    asOf: report.asOf,
    totals,
    total: report.findings.length,
    byRule,
    counties: [],
    cities: [],
    unplaced: zero(),
    coverage: noCoverage(),
  };
  if (!index) {
    summary.unplaced = { ...totals };
    return summary;
  }
  const findingsBy = new Map<string, CategoryCounts>();
  for (const f of report.findings) {
    const county = findingPlace(index, f).county?.id;
    if (!county) {
      summary.unplaced[categoryOf(f)]++;
      continue;
    }
    let c = findingsBy.get(county);
    if (!c) {
      c = zero();
      findingsBy.set(county, c);
    }
    c[categoryOf(f)]++;
  }
  const cover = coverageByCounty(report, index);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const counties = [...index.rows("counties")].sort(
    (a, b) => cmp(a.cityId ?? "", b.cityId ?? "") || cmp(a.id, b.id),
  );
  const cities = new Map<string, CitySummary>();
  for (const county of counties) {
    const coverage = cover.get(county.id) ?? noCoverage();
    const findings = findingsBy.get(county.id) ?? zero();
    const city = index.city(county.cityId);
    summary.counties.push({
      id: county.id,
      name: county.name,
      cityId: county.cityId,
      city: city?.name ?? county.cityId,
      keyCounty: county.isKeyCounty,
      coverage,
      findings,
      total: sum(findings),
    });
    addCoverage(summary.coverage, coverage);
    const cityId = county.cityId ?? "";
    let c = cities.get(cityId);
    if (!c) {
      c = {
        id: cityId,
        name: city?.name ?? cityId,
        coverage: noCoverage(),
        findings: zero(),
        total: 0,
      };
      cities.set(cityId, c);
    }
    addCoverage(c.coverage, coverage);
    for (const k of CATEGORIES) c.findings[k] += findings[k];
    c.total += sum(findings);
  }
  summary.cities = [...cities.values()];
  return summary;
}
