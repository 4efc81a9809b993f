/**
 * The Web Worker: reads the files with io (the CLI's own readers, from bytes), audits with core,
 * and writes the downloads with io's writers — the same code, so the same bytes, as the CLI. The
 * page stays responsive; nothing leaves the machine.
 */
import "./buffer-global.js";
import {
  type AuditReport,
  audit,
  buildForm,
  CATALOGUE,
  COLLECTIONS,
  type CollectionName,
  ConfigurationError,
  DATA_CHECKS,
  type DatasetIndex,
  Education,
  FORMS,
  findingPlace,
  findingsTable,
  INTERPRETATION_PARAMETERS,
  maskReport,
  maskText,
  PARAMETER_NAMES,
  PARAMETERS,
  parametersOn,
  RuleContext,
} from "@shuangbao/core";
import {
  InputError,
  readDatasetFromFiles,
  renderReportHtml,
  reportSummary,
  type SourceStructure,
  tableToCsv,
  writeFormsXlsx,
  writeReportXlsx,
} from "@shuangbao/io/browser";
import {
  type AuditResult,
  type DownloadKind,
  type FindingRow,
  type Lang,
  type ParameterInfo,
  type Request,
  type RuleInfo,
  workerEnd,
} from "./protocol.js";
import { VERSION } from "./version.js";

const { send: post, receive } = workerEnd(self as unknown as Worker);

interface Loaded {
  index: DatasetIndex;
  structure: SourceStructure[];
  input: string;
  rows: number;
  timings: { read: number; load: number };
}

let loaded: Loaded | undefined;
let current: { report: AuditReport; overrides: Record<string, unknown> } | undefined;

function rules(): RuleInfo[] {
  return [
    ...CATALOGUE.map((r) => ({
      id: r.id,
      clause: r.clause,
      quote: r.quote,
      title: r.title,
      interpretation: r.interpretation,
    })),
    ...Object.entries(DATA_CHECKS).map(([id, c]) => ({
      id,
      clause: undefined,
      quote: undefined,
      title: c.title,
      interpretation: undefined,
    })),
  ];
}

function parameters(asOf: string): ParameterInfo[] {
  const values = parametersOn(asOf);
  const interpretations = new Set<string>(INTERPRETATION_PARAMETERS);
  return PARAMETER_NAMES.map((name) => {
    const def = PARAMETERS[name];
    return {
      name,
      title: def.title,
      kind: def.kind,
      clause: def.clause,
      note: def.note,
      interpretation: interpretations.has(name),
      value: values[name] as string | number,
      ...(def.kind === "education"
        ? {
            options: Education.values.map((value) => ({
              value,
              label: { zh: Education.labels[value], en: value },
            })),
          }
        : {}),
    };
  });
}

/** The findings as the table shows them: placed, labelled, searchable. */
function findingRows(report: AuditReport, index: DatasetIndex): FindingRow[] {
  const ctx = new RuleContext(index, report.asOf, report.policy.parameters, new Map());
  return report.findings.map((f) => {
    const p = findingPlace(index, f, ctx);
    const { collection, id } = f.entity;
    const subject =
      id === "*" || id.startsWith("#") || !Object.hasOwn(COLLECTIONS, collection)
        ? { zh: id, en: id }
        : index.labels(collection as CollectionName, id);
    const row: FindingRow = {
      category: f.ruleId.startsWith("data.") ? "data" : f.severity,
      ruleId: f.ruleId,
      clause: f.clause ?? "",
      message: f.message,
      subject,
      city: p.city?.name ?? "",
      county: p.county?.name ?? "",
      township: p.township?.name ?? "",
      village: p.village?.name ?? "",
      unit: p.units.map((u) => u.name).join("、"),
      file: f.source?.file ?? "",
      sheet: f.source?.sheet ?? "",
      line: f.source?.line,
      field: f.field ?? "",
      search: "",
    };
    row.search = [
      f.entity.id,
      subject.zh,
      row.village,
      row.township,
      row.unit,
      ...(f.related ?? []).map((r) => r.id),
    ]
      .join("\u0000")
      .toLowerCase();
    return row;
  });
}

function runAudit(asOf: string, overrides: Record<string, unknown>): void {
  if (!loaded) return;
  post({
    type: "progress",
    phase: "audit",
    rows: loaded.rows,
    filesDone: 0,
    filesTotal: 0,
    bytesDone: 0,
    bytesTotal: 0,
  });
  const t = performance.now();
  const report = audit(loaded.index, { asOf, parameters: overrides });
  const auditMs = Math.round(performance.now() - t);
  current = { report, overrides };
  const result: AuditResult = {
    asOf,
    summary: reportSummary(report, loaded.index),
    findings: findingRows(report, loaded.index),
    structure: loaded.structure,
    parameters: report.policy.parameters as unknown as Record<string, string | number>,
    interpretations: report.policy.interpretations,
    rows: loaded.rows,
    timings: { ...loaded.timings, audit: auditMs },
  };
  post({ type: "result", result });
}

function fail(error: unknown): void {
  if (error instanceof InputError || error instanceof ConfigurationError) {
    post({ type: "error", message: error.message, usage: true });
  } else {
    post({ type: "error", message: (error as Error)?.message ?? String(error), usage: false });
  }
}

async function load(request: Extract<Request, { type: "load" }>): Promise<void> {
  loaded = undefined;
  current = undefined;
  const bytesTotal = request.files.reduce((n, f) => n + f.bytes.byteLength, 0);
  let rows = 0;
  let last = 0;
  const structure: SourceStructure[] = [];
  const timings = { read: 0, load: 0 };
  const progress = () =>
    post({
      type: "progress",
      phase: "rows",
      rows,
      filesDone: request.files.length,
      filesTotal: request.files.length,
      bytesDone: bytesTotal,
      bytesTotal,
    });
  progress();
  const index = await readDatasetFromFiles(
    request.files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) })),
    {
      name: request.input,
      structure,
      timings,
      onRows: (n) => {
        rows += n;
        const now = performance.now();
        if (now - last > 100) {
          last = now;
          progress();
        }
      },
    },
  );
  progress();
  loaded = { index, structure, input: request.input, rows, timings };
  runAudit(request.asOf, request.overrides);
}

const encoder = new TextEncoder();

/** A download, written as the CLI writes it (`shuangbao audit --format …`, `shuangbao forms`). */
async function download(
  kind: DownloadKind,
  lang: Lang,
  mask: boolean,
): Promise<{
  name: string;
  mime: string;
  bytes: Uint8Array;
}> {
  if (!loaded || !current) throw new Error("no audit yet");
  const { index, structure, input } = loaded;
  const { overrides } = current;
  const report = mask ? maskReport(current.report) : current.report;
  const masked = (text: string) => (mask ? maskText(text) : text);
  const asOf = report.asOf;
  const zh = lang === "zh";
  switch (kind) {
    case "findings-xlsx":
      return {
        name: `${zh ? "问题清单" : "findings"}-${asOf}.xlsx`,
        mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        bytes: await writeReportXlsx(report, index, {
          lang,
          inputs: [input],
          version: VERSION,
          overrides,
          structure,
        }),
      };
    case "findings-csv":
      return {
        name: `${zh ? "问题清单" : "findings"}-${asOf}.csv`,
        mime: "text/csv;charset=utf-8",
        bytes: encoder.encode(
          masked(tableToCsv(findingsTable(report, index, lang), { headers: lang })),
        ),
      };
    case "forms-xlsx":
      return {
        name: `${zh ? "附件表" : "forms"}-${asOf}.xlsx`,
        mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        bytes: await writeFormsXlsx(
          FORMS.map((form) => buildForm(form.id, index, { asOf })),
          { asOf },
        ),
      };
    case "report-json":
      return {
        name: `${zh ? "核查报告" : "report"}-${asOf}.json`,
        mime: "application/json",
        bytes: encoder.encode(`${JSON.stringify(report, null, 2)}\n`),
      };
    case "report-html":
      return {
        name: `${zh ? "核查报告" : "report"}-${asOf}.html`,
        mime: "text/html;charset=utf-8",
        bytes: encoder.encode(
          masked(
            await renderReportHtml(report, index, {
              lang,
              inputs: [input],
              version: VERSION,
              overrides,
              structure,
            }),
          ),
        ),
      };
  }
}

receive(async (request) => {
  try {
    switch (request.type) {
      case "parameters":
        post({ type: "parameters", asOf: request.asOf, parameters: parameters(request.asOf) });
        break;
      case "load":
        await load(request);
        break;
      case "audit":
        runAudit(request.asOf, request.overrides);
        break;
      case "download": {
        const file = await download(request.kind, request.lang, request.mask);
        const bytes = file.bytes.slice().buffer;
        post({ type: "file", id: request.id, name: file.name, mime: file.mime, bytes }, [bytes]);
        break;
      }
    }
  } catch (error) {
    fail(error);
  }
});

post({ type: "meta", rules: rules(), version: VERSION });
