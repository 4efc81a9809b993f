/**
 * The audit: data checks, then the policy rules, into the report of `data-model.md`. Pure and
 * deterministic: no clock, no I/O; the same input and `asOf` give the same report. The engine
 * knows no catalogue of its own: the rules to run are passed in (`../audit.ts` supplies the
 * catalogue of `rules/` as the default).
 */
import { isIsoDate } from "../calendar/calendar.js";
import {
  ConfigurationError,
  INTERPRETATION_PARAMETERS,
  type ParameterName,
  type PolicyParameters,
  parametersOn,
} from "../params/parameters.js";
import { POLICY_ID } from "../policy/source-text.js";
import type { DatasetInput } from "../schema/collections.js";
import type { CollectionName } from "../schema/fields.js";
import { Severity } from "../vocabulary/enums.js";
import { DATA_CHECKS } from "./data-messages.js";
import { DatasetIndex } from "./dataset-index.js";
import { checkDateOrder } from "./date-order.js";
import { compareFindings, type Finding, format, type Message, paramsIn } from "./findings.js";
import { loadDataset } from "./loader.js";
import { RuleContext } from "./rule-context.js";
import type { Catalogue, Rule } from "./rule-model.js";

/** Which rules run, and at which severity. */
export interface RuleSelection {
  /** Run only these policy rules (data checks always run unless skipped). */
  only?: readonly string[];
  /** Skip these rules or data checks. */
  skip?: readonly string[];
  /** Override severities by rule id. */
  severity?: Readonly<Record<string, Severity>>;
}

export interface AuditOptions {
  /** The audit date, `YYYY-MM-DD`: what is current, which years have ended, which deadlines passed. */
  asOf: string;
  /** Flat parameter overrides (`{ name: value }`), over the dataset's own. */
  parameters?: Readonly<Record<string, unknown>>;
  rules?: RuleSelection;
  /** The rules to run; the catalogue of `rules.md` by default. */
  catalogue?: Catalogue;
}

/** `AuditOptions` with the rules to run named: what the engine itself takes. */
export type AuditRun = AuditOptions & { catalogue: Catalogue };

/** The report of `data-model.md`, "The audit report". */
export interface AuditReport {
  asOf: string;
  policy: {
    id: string;
    parameters: PolicyParameters;
    /** The names of the parameters whose value is our reading of the text, sorted. */
    interpretations: ParameterName[];
  };
  summary: {
    error: number;
    warning: number;
    info: number;
    byRule: Record<string, number>;
    keyCounties: { found: number; expected: number };
  };
  findings: Finding[];
}

/** Every id a selection may name: the catalogue's rules and the data checks. */
function knownIds(catalogue: Catalogue): Set<string> {
  return new Set([...catalogue.map((r) => r.id), ...Object.keys(DATA_CHECKS)]);
}

export function checkSelection(selection: RuleSelection, catalogue: Catalogue): void {
  const known = knownIds(catalogue);
  const check = (what: string, ids: readonly string[] | undefined) => {
    for (const id of ids ?? []) {
      if (!known.has(id)) throw new ConfigurationError(`rules.${what}`, `unknown rule id “${id}”`);
    }
  };
  check("only", selection.only);
  check("skip", selection.skip);
  check("severity", Object.keys(selection.severity ?? {}));
  for (const [id, level] of Object.entries(selection.severity ?? {})) {
    if (!(Severity.values as readonly string[]).includes(level)) {
      throw new ConfigurationError(
        `rules.severity.${id}`,
        `unknown severity “${String(level)}” (error, warning or info)`,
      );
    }
  }
}

const relatedKey = (f: Finding) =>
  `${f.ruleId}\u0000${f.entity.collection}\u0000${f.entity.id}\u0000${(f.related ?? [])
    .map((r) => `${r.collection}:${r.id}`)
    .join(",")}\u0000${f.field ?? ""}`;

/** Failing calendar years as messages say them: `2015年度、2016年度` and `2015, 2016`. */
function yearsMessage(years: readonly number[]): Message {
  return { zh: years.map((y) => `${y}年度`).join("、"), en: years.join(", ") };
}

function runRule(
  rule: Rule,
  index: DatasetIndex,
  ctx: RuleContext,
  out: Map<string, Finding>,
): void {
  for (const hit of rule.check(index, ctx)) {
    const template = rule.messages[hit.message ?? "default"] ?? rule.messages.default;
    const years = hit.years ? [...new Set(hit.years)].sort((a, b) => a - b) : undefined;
    const params = {
      entity: index.labels(hit.entity.collection as CollectionName, hit.entity.id),
      related: hit.related?.[0]
        ? index.labels(hit.related[0].collection as CollectionName, hit.related[0].id)
        : "",
      years: years ? yearsMessage(years) : "",
      ...hit.params,
    };
    const finding: Finding = {
      ruleId: rule.id,
      severity: rule.severity,
      clause: rule.clause,
      entity: hit.entity,
      message: {
        zh: format(template.zh, paramsIn("zh", params)),
        en: format(template.en, paramsIn("en", params)),
      },
    };
    if (hit.related?.length) finding.related = hit.related;
    const source = index.sourceOf(hit.entity.collection, hit.entity.id);
    if (source) finding.source = source;
    if (hit.field !== undefined) finding.field = hit.field;
    if (years?.length) finding.years = years;
    const key = relatedKey(finding);
    const previous = out.get(key);
    if (!previous) out.set(key, finding);
    else if (finding.years && previous.years) {
      previous.years = [...new Set([...previous.years, ...finding.years])].sort((a, b) => a - b);
    }
  }
}

/**
 * Audits a dataset at `asOf` with the rules of `options.catalogue`. Throws `ConfigurationError`
 * only for a bad `asOf`, an unknown rule id or severity, or a bad parameter override — never for
 * bad data, which becomes findings.
 * @example
 * const report = runAudit(dataset, { asOf: "2015-12-31", catalogue: CATALOGUE });
 * report.summary.error; // number of errors
 */
export function runAudit(input: DatasetIndex | DatasetInput, options: AuditRun): AuditReport {
  const { asOf } = options;
  if (typeof asOf !== "string" || !isIsoDate(asOf)) {
    throw new ConfigurationError(
      "asOf",
      `asOf must be a YYYY-MM-DD date, not ${JSON.stringify(asOf)}`,
    );
  }
  const { catalogue } = options;
  const selection = options.rules ?? {};
  checkSelection(selection, catalogue);
  const index = input instanceof DatasetIndex ? input : loadDataset(input);
  const params = parametersOn(asOf, { ...index.parameterOverrides, ...options.parameters });

  const skip = new Set(selection.skip ?? []);
  const only = selection.only ? new Set(selection.only) : undefined;
  const dates = checkDateOrder(index, asOf);
  const findings: Finding[] = [];
  for (const f of [...index.loadFindings, ...dates.findings]) {
    if (!skip.has(f.ruleId)) findings.push(f);
  }
  const ctx = new RuleContext(index, asOf, params, dates.broken);
  const ruleFindings = new Map<string, Finding>();
  for (const rule of catalogue) {
    if (skip.has(rule.id) || (only && !only.has(rule.id))) continue;
    runRule(rule, index, ctx.forRule(rule), ruleFindings);
  }
  findings.push(...ruleFindings.values());
  const overrides = selection.severity ?? {};
  for (const f of findings) {
    const level = overrides[f.ruleId];
    if (level) f.severity = level;
  }
  return buildReport(
    findings,
    asOf,
    params,
    index.rows("counties").filter((c) => c.isKeyCounty === true).length,
  );
}

/**
 * The report from its findings: sorted, counted by severity and rule. Shared by `audit` and the
 * partitioned audit, which merges findings from many partitions.
 */
export function buildReport(
  findings: Finding[],
  asOf: string,
  params: PolicyParameters,
  keyCountiesFound: number,
): AuditReport {
  findings.sort(compareFindings);
  const summary: AuditReport["summary"] = {
    error: 0,
    warning: 0,
    info: 0,
    byRule: {},
    keyCounties: { found: keyCountiesFound, expected: params.keyCountyCount },
  };
  const byRule: Record<string, number> = {};
  for (const f of findings) {
    summary[f.severity]++;
    byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  }
  for (const id of Object.keys(byRule).sort()) summary.byRule[id] = byRule[id]!;
  return {
    asOf,
    policy: { id: POLICY_ID, parameters: params, interpretations: [...INTERPRETATION_PARAMETERS] },
    summary,
    findings,
  };
}
