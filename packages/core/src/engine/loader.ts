/**
 * The incremental loader: rows arrive collection by collection, in chunks, with provenance — the
 * way a streaming reader delivers them — and are normalised, validated, deduplicated and stored
 * on arrival. Bad data never throws: it becomes `data.*` findings, and a row with a broken field
 * keeps its other fields for the rules that do not read the broken one.
 */
import type { z } from "zod";
import { isIsoDate, toDay } from "../calendar/calendar.js";
import {
  COLLECTIONS,
  collectionNamed,
  type DatasetInput,
  REQUIRED_COLLECTIONS,
  REQUIREMENTS,
  type Rows,
} from "../schema/collections.js";
import { fastValidate } from "../schema/fast-validate.js";
import { COLLECTION_NAMES, type CollectionName, type FieldSpec } from "../schema/fields.js";
import { fieldSpecs, isAbsent, normaliseRow } from "../schema/normalise.js";
import { VisitKind, VOCABULARIES } from "../vocabulary/enums.js";
import {
  DATA_CHECKS,
  DATA_MESSAGES,
  type DataCheckId,
  type DataMessageKey,
} from "./data-messages.js";
import { DatasetIndex } from "./dataset-index.js";
import {
  type Finding,
  format,
  type Message,
  type MessageParam,
  paramsIn,
  type Source,
} from "./findings.js";
import { birthDateOf, hasValidCheckDigit } from "./id-number.js";
import { Table } from "./table.js";
import { type VisitKindCode, VisitStore, visitKindCode } from "./visits.js";

const isCleanId = (v: unknown): v is string =>
  typeof v === "string" &&
  v.length > 0 &&
  v.charCodeAt(0) > 32 &&
  v.charCodeAt(v.length - 1) > 32 &&
  v.charCodeAt(0) !== 0xfeff;

const VISIT_KIND_CODES = new Map<string, VisitKindCode>(
  VisitKind.values.flatMap((k) => [
    [k, visitKindCode(k)],
    [VisitKind.labels[k], visitKindCode(k)],
  ]),
);

const VISIT_FIELDS = new Set(["personId", "date", "kind", "villageId", "householdId"]);
const HOUSEHOLD_VISIT = visitKindCode("household_visit");

/** Where a chunk of rows came from: the file, the sheet, and each row's line. */
export interface Provenance {
  file: string;
  sheet?: string;
  /** The 1-based line (or sheet row) of each row of the chunk, in order. */
  lines?: readonly number[];
}

type AnyRow = Record<string, unknown>;
export type Tables = { [C in CollectionName]: Table<Rows[C]> };

const CN = (c: string) => (COLLECTIONS as Record<string, { zh: string }>)[c]?.zh ?? c;

/** Builds a data finding from the message table. */
export function dataFinding(
  check: DataCheckId,
  key: DataMessageKey,
  entity: { collection: string; id: string },
  params: Record<string, MessageParam>,
  extra: { source?: Source | undefined; field?: string | undefined } = {},
): Finding {
  const m = DATA_MESSAGES[key];
  // The collection by its Chinese name in Chinese; a named target (`target`) likewise.
  const named = {
    ...params,
    collection: { zh: CN(entity.collection), en: entity.collection },
    ...(typeof params.target === "string"
      ? { target: { zh: CN(params.target), en: params.target } }
      : {}),
  };
  const f: Finding = {
    ruleId: check,
    severity: DATA_CHECKS[check].severity,
    entity,
    message: {
      zh: format(m.zh, paramsIn("zh", named)),
      en: format(m.en, paramsIn("en", named)),
    },
  };
  if (extra.source) f.source = extra.source;
  if (extra.field !== undefined) f.field = extra.field;
  return f;
}

function shortValue(value: unknown): string {
  const s = typeof value === "string" ? `“${value}”` : (JSON.stringify(value) ?? String(value));
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/** Chinese words for zod's expected types. */
const TYPE_ZH: Record<string, string> = {
  string: "文字",
  number: "数字",
  int: "整数",
  boolean: "是或否",
  object: "记录",
  array: "列表",
};

/** The Chinese label of an enum value, from the vocabulary (the value itself where none). */
const LABEL_ZH = new Map<string, string>(
  Object.values(VOCABULARIES).flatMap((v) => Object.entries(v.labels as Record<string, string>)),
);

function problemOf(issue: z.core.$ZodIssue): Message {
  switch (issue.code) {
    case "invalid_type":
      return {
        zh: `应为${TYPE_ZH[issue.expected] ?? "其他类型"}`,
        en: `expected ${issue.expected}`,
      };
    case "invalid_value":
      return {
        zh: `应为${issue.values.map((v) => LABEL_ZH.get(String(v)) ?? String(v)).join("、")}之一`,
        en: `expected one of ${issue.values.map(String).join(", ")}`,
      };
    case "too_small":
      return { zh: `应不小于${String(issue.minimum)}`, en: `must be ≥ ${String(issue.minimum)}` };
    case "invalid_format":
      return { zh: "格式不正确", en: issue.message };
    default:
      return { zh: "取值不符合要求", en: issue.message };
  }
}

/**
 * Loads a dataset in chunks. `add` each chunk as it is read, `finish` once.
 * @example
 * const loader = new DatasetLoader();
 * loader.add("cities", [{ id: "3408", name: "安庆市" }], { file: "cities.csv", lines: [2] });
 * const index = loader.finish();
 */
export class DatasetLoader {
  private readonly tables = Object.fromEntries(
    COLLECTION_NAMES.map((c) => [c, new Table<AnyRow>()]),
  ) as unknown as Tables;
  private readonly visits = new VisitStore();
  private readonly findings: Finding[] = [];
  private readonly counts = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, 0])) as Record<
    CollectionName,
    number
  >;
  private readonly unknownColumnsSeen = new Set<string>();
  private readonly parameterOverrides: Record<string, unknown> = {};
  private finished = false;

  /** Adds rows of one collection; `provenance` names their file, sheet and lines. */
  add(collection: CollectionName, rows: readonly unknown[], provenance?: Provenance): void {
    if (this.finished) throw new Error("DatasetLoader: add after finish");
    if (!(collection in this.counts))
      throw new Error(`DatasetLoader: unknown collection ${collection}`);
    for (let i = 0; i < rows.length; i++) {
      const position = this.counts[collection]++;
      const source = provenance
        ? {
            file: provenance.file,
            ...(provenance.sheet ? { sheet: provenance.sheet } : {}),
            ...(provenance.lines?.[i] !== undefined ? { line: provenance.lines[i] } : {}),
          }
        : undefined;
      this.addRow(collection, rows[i], position, source, provenance?.file);
    }
  }

  /**
   * Adds records read from a table (CSV or a sheet): `fields[i]` is the field of column i
   * (`undefined` for a column the data model does not know, which the reader reports). The
   * form a streaming reader has at hand: visits take a fast path with no row object at all.
   */
  addRecords(
    collection: CollectionName,
    fields: readonly (string | undefined)[],
    records: readonly (readonly unknown[])[],
    provenance: Provenance,
  ): void {
    if (this.finished) throw new Error("DatasetLoader: add after finish");
    const at = (f: string) => fields.indexOf(f);
    const visitColumns =
      collection === "visits"
        ? {
            p: at("personId"),
            d: at("date"),
            k: at("kind"),
            v: at("villageId"),
            h: at("householdId"),
          }
        : undefined;
    const known = fields.filter((f) => f !== undefined).length;
    // The visits' fast path only reads the source on the spot: one scratch object serves them all.
    const scratch: Source = {
      file: provenance.file,
      ...(provenance.sheet ? { sheet: provenance.sheet } : {}),
    };
    for (let r = 0; r < records.length; r++) {
      const cells = records[r]!;
      const line = provenance.lines?.[r];
      if (visitColumns && known <= 5) {
        const { p, d, k, v, h } = visitColumns;
        const house = h < 0 ? undefined : cells[h];
        scratch.line = line ?? 0;
        const h2 = house === "" ? undefined : house;
        if (this.fastVisitCells(cells[p], cells[d], cells[k], cells[v], h2, scratch)) {
          this.counts.visits++;
          continue;
        }
      }
      const source: Source = {
        file: provenance.file,
        ...(provenance.sheet ? { sheet: provenance.sheet } : {}),
        ...(line !== undefined ? { line } : {}),
      };
      const row: Record<string, unknown> = {};
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i];
        const c = cells[i];
        if (f !== undefined && c !== null && c !== undefined && c !== "") row[f] = c;
      }
      this.addRow(collection, row, this.counts[collection]++, source, provenance.file);
    }
  }

  /** Adds a finding a reader made (an unknown column or sheet, a malformed line). */
  addFinding(finding: Finding): void {
    this.findings.push(finding);
  }

  /** Sets the flat parameter overrides a dataset carries (a JSON dataset's `parameters`). */
  setParameterOverrides(overrides: Record<string, unknown>): void {
    Object.assign(this.parameterOverrides, overrides);
  }

  /**
   * Counts a row position without a row (a malformed line), so later positions stay right;
   * returns the position, by which a reader names the line in its finding (`#<position>`).
   */
  skipPosition(collection: CollectionName): number {
    const position = this.counts[collection]++;
    if (collection === "visits") this.visits.skip(position);
    return position;
  }

  private unknownColumn(collection: CollectionName, field: string, file: string | undefined) {
    const key = `${file ?? ""}\u0000${collection}\u0000${field}`;
    if (this.unknownColumnsSeen.has(key)) return;
    this.unknownColumnsSeen.add(key);
    this.findings.push(
      dataFinding(
        "data.unknown-column",
        "unknownColumn",
        { collection, id: "*" },
        { field },
        { source: file ? { file, line: 1 } : undefined, field },
      ),
    );
  }

  private addRow(
    collection: CollectionName,
    raw: unknown,
    position: number,
    source: Source | undefined,
    file: string | undefined,
  ): void {
    if (collection === "visits" && this.fastVisit(raw, source)) return;
    const rowName = `#${position}`;
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      if (collection === "visits") this.visits.skip(position);
      this.findings.push(
        dataFinding(
          "data.invalid-field",
          "notAnObject",
          { collection, id: rowName },
          { row: rowName },
          { source },
        ),
      );
      return;
    }
    const fast = fastValidate(collection, raw as AnyRow);
    const { row, unknown } = fast
      ? { row: fast, unknown: [] }
      : normaliseRow(collection, raw as AnyRow);
    for (const field of unknown) this.unknownColumn(collection, field, file);
    const meta = COLLECTIONS[collection];
    const hasId = meta.hasId && typeof row.id === "string" && row.id !== "";
    const entity = { collection, id: hasId ? (row.id as string) : rowName };
    const label = hasId ? String(row.id) : rowName;
    const broken = new Set<string>();
    const report = (
      key: DataMessageKey,
      field: string,
      spec: FieldSpec | undefined,
      params: Record<string, MessageParam>,
    ) => {
      broken.add(field);
      this.findings.push(
        dataFinding(
          "data.invalid-field",
          key,
          entity,
          { row: label, field, header: spec?.header ?? field, ...params },
          { source, field },
        ),
      );
    };

    const specs = fieldSpecs(collection);
    const parsed = fast
      ? { success: true as const, data: fast }
      : (meta.schema as z.ZodType).safeParse(row);
    let valid: AnyRow;
    if (parsed.success) {
      valid = parsed.data as AnyRow;
    } else {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        if (broken.has(field)) continue;
        const spec = specs.get(field);
        if (!(field in row)) report("missingField", field, spec, {});
        else
          report("invalidValue", field, spec, {
            value: shortValue(row[field]),
            problem: problemOf(issue),
          });
      }
      valid = {};
      for (const key in row) if (!broken.has(key)) valid[key] = row[key];
    }
    for (const req of REQUIREMENTS[collection] ?? []) {
      if (!broken.has(req.field) && isAbsent(valid[req.field]) && req.when(valid)) {
        report("requiredFor", req.field, specs.get(req.field), { because: req.because });
      }
    }
    if (typeof valid.idNumber === "string")
      this.checkIdNumber(valid, entity, label, source, broken);

    if (meta.hasId) {
      if (!hasId || broken.has("id")) return; // a row that cannot be named is left out of every rule
      const table = this.tables[collection] as Table<AnyRow>;
      if (table.has(entity.id)) {
        this.findings.push(
          dataFinding(
            "data.duplicate-id",
            "duplicateId",
            entity,
            { id: entity.id },
            { source, field: "id" },
          ),
        );
        return;
      }
      table.push(valid, position, source, entity.id);
      for (const f of broken) table.markBroken(valid, f);
      return;
    }
    if (collection === "visits") {
      // A visit that misses what counting needs is not stored; its position still counts.
      if (["personId", "date", "kind", "villageId", "householdId"].some((f) => broken.has(f))) {
        this.visits.skip(position);
        return;
      }
      const v = valid as Rows["visits"];
      this.visits.add(
        v.personId,
        visitKindCode(v.kind),
        toDay(v.date),
        v.villageId,
        v.householdId,
        source,
      );
      return;
    }
    const table = this.tables[collection] as Table<AnyRow>;
    table.push(valid, position, source);
    for (const f of broken) table.markBroken(valid, f);
  }

  /**
   * Visits, tens of millions at province scale, take a fast path when every cell is already
   * clean (ids without surrounding spaces, a `YYYY-MM-DD` date, a kind's value or label, no
   * unknown column); any other row takes the general path, which reports what is wrong.
   */
  private fastVisit(raw: unknown, source: Source | undefined): boolean {
    if (typeof raw !== "object" || raw === null) return false;
    const r = raw as Record<string, unknown>;
    for (const key in r) if (!VISIT_FIELDS.has(key)) return false;
    const house = r.householdId === "" || r.householdId === null ? undefined : r.householdId;
    return this.fastVisitCells(r.personId, r.date, r.kind, r.villageId, house, source);
  }

  private fastVisitCells(
    personId: unknown,
    date: unknown,
    kind: unknown,
    villageId: unknown,
    householdId: unknown,
    source: Source | undefined,
  ): boolean {
    if (
      !isCleanId(personId) ||
      !isCleanId(villageId) ||
      typeof date !== "string" ||
      !isIsoDate(date)
    )
      return false;
    const code = typeof kind === "string" ? VISIT_KIND_CODES.get(kind) : undefined;
    if (code === undefined) return false;
    if (householdId !== undefined && !isCleanId(householdId)) return false;
    if (code === HOUSEHOLD_VISIT && householdId === undefined) return false;
    this.visits.add(
      personId,
      code,
      toDay(date),
      villageId,
      householdId as string | undefined,
      source,
    );
    return true;
  }

  private checkIdNumber(
    row: AnyRow,
    entity: { collection: string; id: string },
    label: string,
    source: Source | undefined,
    broken: Set<string>,
  ) {
    const value = row.idNumber as string;
    const born = birthDateOf(value);
    const bad = !hasValidCheckDigit(value)
      ? ("badCheckDigit" as const)
      : !born ||
          (typeof row.birthDate === "string" && !broken.has("birthDate") && row.birthDate !== born)
        ? ("badBirthDate" as const)
        : undefined;
    if (!bad) return;
    broken.add("idNumber");
    delete row.idNumber;
    this.findings.push(
      dataFinding(
        "data.invalid-id-number",
        bad,
        entity,
        { row: label, value, birthDate: String(row.birthDate ?? born ?? "?") },
        { source, field: "idNumber" },
      ),
    );
  }

  /** Checks references and required collections, groups visits, and builds the index. */
  finish(): DatasetIndex {
    if (this.finished) throw new Error("DatasetLoader: finish twice");
    this.finished = true;
    for (const c of REQUIRED_COLLECTIONS) {
      if (this.counts[c] === 0) {
        this.findings.push(
          dataFinding("data.invalid-field", "missingCollection", { collection: c, id: "*" }, {}),
        );
      }
    }
    for (const c of COLLECTION_NAMES) if (c !== "visits") this.checkReferences(c);
    this.finishVisits();
    return new DatasetIndex(this.tables, this.visits, this.findings, {
      ...this.parameterOverrides,
    });
  }

  private targetOf(collection: CollectionName, spec: FieldSpec, row: AnyRow): CollectionName {
    if (collection === "reports" && spec.name === "regionId") {
      return row.kind === "cadre_list" ? "cities" : "counties";
    }
    return spec.ref!;
  }

  private checkReferences(collection: CollectionName): void {
    const refs = COLLECTIONS[collection].fields.filter((f) => f.kind === "ref");
    if (refs.length === 0) return;
    const table = this.tables[collection] as Table<AnyRow>;
    for (let i = 0; i < table.rows.length; i++) {
      const row = table.rows[i]!;
      for (const spec of refs) {
        const value = row[spec.name];
        if (typeof value !== "string") continue;
        if (
          collection === "reports" &&
          spec.name === "regionId" &&
          table.broken.get(row)?.has("kind")
        )
          continue;
        const target = this.targetOf(collection, spec, row);
        const found = (this.tables[target] as Table<AnyRow>).get(value);
        if (found) {
          // The target row's own id string: one copy of each id however often it is named.
          row[spec.name] = found.id;
          continue;
        }
        delete row[spec.name];
        table.markBroken(row, spec.name);
        const id = COLLECTIONS[collection].hasId ? String(row.id) : `#${table.positions[i]}`;
        this.findings.push(
          dataFinding(
            "data.unknown-reference",
            "unknownReference",
            { collection, id },
            { row: id, field: spec.name, header: spec.header, target, value },
            { source: table.source(i), field: spec.name },
          ),
        );
      }
    }
  }

  private finishVisits(): void {
    const v = this.visits;
    const specs = fieldSpecs("visits");
    const target = {
      personId: "people",
      householdId: "households",
      villageId: "villages",
    } as const;
    v.finish(
      {
        people: (id) => this.tables.people.has(id),
        villages: (id) => this.tables.villages.has(id),
        households: (id) => this.tables.households.has(id),
        canonical: {
          people: (id) => this.tables.people.get(id)?.id,
          villages: (id) => this.tables.villages.get(id)?.id,
          households: (id) => this.tables.households.get(id)?.id,
        },
      },
      (i, field) => {
        const s = v.visit(i);
        const id = `#${s.position}`;
        this.findings.push(
          dataFinding(
            "data.unknown-reference",
            "unknownReference",
            { collection: "visits", id },
            {
              row: id,
              field,
              header: specs.get(field)!.header,
              target: target[field],
              value:
                field === "personId"
                  ? s.personId
                  : field === "villageId"
                    ? s.villageId
                    : s.targetId,
            },
            { source: s.source, field },
          ),
        );
      },
    );
  }
}

/**
 * Loads a dataset already in memory (a parsed JSON document). Unknown top-level keys are
 * reported as `data.unknown-column`; `parameters` holds flat overrides.
 * @example const index = loadDataset({ cities: [...], counties: [...], townships: [...], villages: [...] });
 */
export function loadDataset(input: DatasetInput | Record<string, unknown>): DatasetIndex {
  const loader = new DatasetLoader();
  addDatasetObject(loader, input);
  return loader.finish();
}

/**
 * Adds a dataset object (a parsed JSON document) to a loader: each key a collection (English or
 * Chinese name), `parameters` the flat overrides, any other key a `data.unknown-column` warning.
 */
export function addDatasetObject(
  loader: DatasetLoader,
  input: DatasetInput | Record<string, unknown>,
  file?: string,
): void {
  for (const [key, value] of Object.entries(input)) {
    if (key === "parameters") {
      if (value && typeof value === "object" && !Array.isArray(value)) {
        loader.setParameterOverrides(value as Record<string, unknown>);
      }
      continue;
    }
    const collection = collectionNamed(key);
    if (!collection) {
      loader.addFinding(
        dataFinding("data.unknown-column", "unknownCollection", { collection: key, id: "*" }, {}),
      );
      continue;
    }
    if (!Array.isArray(value)) {
      if (value !== null && value !== undefined) {
        loader.addFinding(
          dataFinding("data.invalid-field", "notACollection", { collection, id: "*" }, {}),
        );
      }
      continue;
    }
    loader.add(collection, value, file ? { file } : undefined);
  }
}
