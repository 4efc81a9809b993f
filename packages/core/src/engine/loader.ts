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
import {
  fieldSpecs,
  IdShape,
  idShape,
  isAbsent,
  isCutColumn,
  normaliseRow,
} from "../schema/normalise.js";
import { VisitKind, VOCABULARIES } from "../vocabulary/enums.js";
import {
  DATA_CHECKS,
  DATA_MESSAGES,
  type DataCheckId,
  type DataMessageKey,
  rulesStoppedBy,
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

/** Ids, references and ID numbers of each collection: the fields Excel's number cells mangle. */
const CODE_FIELDS = new Map<CollectionName, readonly FieldSpec[]>(
  COLLECTION_NAMES.map((c) => [
    c,
    COLLECTIONS[c].fields.filter(
      (f) => f.kind === "id" || f.kind === "ref" || f.kind === "idNumber",
    ),
  ]),
);

/**
 * One column of one file (or sheet, or a JSON collection): how many of its ids look mangled by
 * Excel. Judged once all rows are in (`finish`): a column with scientific notation, or whose long
 * numerals are mostly cut to 15 digits (`isCutColumn`), is one finding naming the cause and the
 * fix; its mangled values are broken, and the duplicate ids and unknown references they would make
 * are not reported.
 */
interface ColumnShapes {
  collection: CollectionName;
  field: string;
  file: string | undefined;
  sheet: string | undefined;
  scientific: number;
  /** Numerals of 16 or more digits, `cut` ones included. */
  long: number;
  cut: number;
  /** Zeros past the 15th digit, summed over the `cut` values. */
  zeros: number;
  example: string | undefined;
  line: number | undefined;
  /** Findings held back until the column is judged (duplicate ids, ID-number checks). */
  held: Finding[];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const isMangled = (c: ColumnShapes) => c.scientific > 0 || isCutColumn(c);

/** Counts a code that is not plain (`idShape`) in its column. */
function countShape(c: ColumnShapes, value: string, shape: IdShape, line: number | undefined) {
  if (shape === IdShape.scientific) c.scientific++;
  else {
    c.long++;
    if (shape === IdShape.cut) {
      c.cut++;
      c.zeros += value.length - 15;
    }
  }
  if (shape !== IdShape.long && c.example === undefined) {
    c.example = value;
    c.line = line;
  }
}

/**
 * A visit code's shape on the fast path, in one pass over it (`idShape`'s): -1 to leave the row
 * to the general path — a code it would change (full-width forms, by NFKC) or break (scientific
 * notation).
 */
function fastShape(id: string): IdShape | -1 {
  const n = id.length;
  let digits = true;
  for (let i = 0; i < n; i++) {
    const c = id.charCodeAt(i);
    if (c > 127) return -1;
    if (c < 48 || c > 57) digits = false;
  }
  if (digits) {
    if (n < 16 || id.charCodeAt(0) === 48) return IdShape.plain;
    for (let i = 15; i < n; i++) if (id.charCodeAt(i) !== 48) return IdShape.long;
    return IdShape.cut;
  }
  return idShape(id) === IdShape.scientific ? -1 : IdShape.plain;
}

/** The shapes of a visits file's three code columns. */
interface VisitShapes {
  personId: ColumnShapes;
  villageId: ColumnShapes;
  householdId: ColumnShapes;
}

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

/** What a date cell that cannot be read should be, whatever zod found (a number, a string). */
const NOT_A_DATE: Message = {
  zh: "应为日期（如2014-07-27）",
  en: "expected a date (YYYY-MM-DD)",
};

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
  private readonly shapes = new Map<string, ColumnShapes>();
  /** Per collection and field, the last file's column (visits note one per row). */
  private readonly lastShapes = new Map<CollectionName, Map<string, ColumnShapes>>();
  /** Collections whose id column is mangled, or required and empty: unknown references into them are not reported. */
  private readonly silentTargets = new Set<CollectionName>();
  private readonly lastVisitCodes = {
    person: "",
    p: IdShape.plain as IdShape | -1,
    village: "",
    v: IdShape.plain as IdShape | -1,
    household: "",
    h: IdShape.plain as IdShape | -1,
  };
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
    const shapes: VisitShapes | undefined = visitColumns && {
      personId: this.columnShapes("visits", "personId", scratch),
      villageId: this.columnShapes("visits", "villageId", scratch),
      householdId: this.columnShapes("visits", "householdId", scratch),
    };
    for (let r = 0; r < records.length; r++) {
      const cells = records[r]!;
      const line = provenance.lines?.[r];
      if (visitColumns && known <= 5) {
        const { p, d, k, v, h } = visitColumns;
        const house = h < 0 ? undefined : cells[h];
        scratch.line = line ?? 0;
        const h2 = house === "" ? undefined : house;
        if (this.fastVisitCells(cells[p], cells[d], cells[k], cells[v], h2, scratch, shapes)) {
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
    // Own keys copied as data: a `__proto__` key stays a (refused, unknown) parameter name and
    // never becomes the object's prototype.
    for (const key of Object.keys(overrides)) {
      Object.defineProperty(this.parameterOverrides, key, {
        value: overrides[key],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
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
    // Codes mangled by Excel: scientific notation is broken here, silently (the column's one
    // finding stands for it); a cut numeral is held until its column is judged.
    let mangled: string[] | undefined;
    let held: Map<string, ColumnShapes> | undefined;
    for (const spec of CODE_FIELDS.get(collection)!) {
      const value = row[spec.name];
      if (typeof value !== "string" || value.length < 5) continue;
      const shape = idShape(value);
      if (shape === IdShape.plain) continue;
      const column = this.noteShape(collection, spec.name, source, value, shape);
      if (shape === IdShape.scientific) {
        delete row[spec.name];
        mangled ??= [];
        mangled.push(spec.name);
      } else if (shape === IdShape.cut) {
        held ??= new Map();
        held.set(spec.name, column);
      }
    }
    const meta = COLLECTIONS[collection];
    const hasId = meta.hasId && typeof row.id === "string" && row.id !== "";
    const entity = { collection, id: hasId ? (row.id as string) : rowName };
    const label = hasId ? String(row.id) : rowName;
    const broken = new Set<string>(mangled);
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
            problem: spec?.kind === "date" ? NOT_A_DATE : problemOf(issue),
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
    if (typeof valid.idNumber === "string") {
      const f = this.checkIdNumber(valid, entity, label, source, broken);
      if (f) this.hold(held?.get("idNumber"), f);
    }

    if (meta.hasId) {
      if (!hasId || broken.has("id")) return; // a row that cannot be named is left out of every rule
      const table = this.tables[collection] as Table<AnyRow>;
      if (table.has(entity.id)) {
        this.hold(
          held?.get("id"),
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

  /** A finding, or held back with its column when the row's code there may be Excel's cut. */
  private hold(column: ColumnShapes | undefined, finding: Finding): void {
    if (column) column.held.push(finding);
    else this.findings.push(finding);
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
    /** The file's columns, when the caller has them at hand. */
    shapes?: VisitShapes,
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
    // Codes the general path would change or break are left to it; long numerals are counted
    // here as there.
    // Files list a person's visits together: the last code's shape often serves again.
    const last = this.lastVisitCodes;
    let p = last.p;
    if (personId !== last.person) {
      p = fastShape(personId);
      last.person = personId;
      last.p = p;
    }
    let v = last.v;
    if (villageId !== last.village) {
      v = fastShape(villageId);
      last.village = villageId;
      last.v = v;
    }
    let h: IdShape | -1 = IdShape.plain;
    if (householdId !== undefined) {
      h = last.h;
      if (householdId !== last.household) {
        h = fastShape(householdId as string);
        last.household = householdId as string;
        last.h = h;
      }
    }
    if (p === -1 || v === -1 || h === -1) return false;
    if (p > 0 || v > 0 || h > 0) {
      // No closure here: this runs for most visits where ids are long numerals.
      const line = source?.line;
      if (p > 0)
        countShape(
          shapes?.personId ?? this.columnShapes("visits", "personId", source),
          personId,
          p,
          line,
        );
      if (v > 0)
        countShape(
          shapes?.villageId ?? this.columnShapes("visits", "villageId", source),
          villageId,
          v,
          line,
        );
      if (h > 0)
        countShape(
          shapes?.householdId ?? this.columnShapes("visits", "householdId", source),
          householdId as string,
          h,
          line,
        );
    }
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

  /** The shapes of one column, found once per file. */
  private columnShapes(
    collection: CollectionName,
    field: string,
    source: Source | undefined,
  ): ColumnShapes {
    const file = source?.file;
    const sheet = source?.sheet;
    let lastOf = this.lastShapes.get(collection);
    if (!lastOf) {
      lastOf = new Map();
      this.lastShapes.set(collection, lastOf);
    }
    const last = lastOf.get(field);
    if (last && last.file === file && last.sheet === sheet) return last;
    const key = `${file ?? ""}\u0000${sheet ?? ""}\u0000${collection}\u0000${field}`;
    let c = this.shapes.get(key);
    if (!c) {
      c = {
        collection,
        field,
        file,
        sheet,
        scientific: 0,
        long: 0,
        cut: 0,
        zeros: 0,
        example: undefined,
        line: undefined,
        held: [],
      };
      this.shapes.set(key, c);
    }
    lastOf.set(field, c);
    return c;
  }

  /** Notes a code that is not plain (`idShape`) in its column; returns the column. */
  private noteShape(
    collection: CollectionName,
    field: string,
    source: Source | undefined,
    value: string,
    shape: IdShape,
  ): ColumnShapes {
    const c = this.columnShapes(collection, field, source);
    countShape(c, value, shape, source?.line);
    return c;
  }

  private checkIdNumber(
    row: AnyRow,
    entity: { collection: string; id: string },
    label: string,
    source: Source | undefined,
    broken: Set<string>,
  ): Finding | undefined {
    const value = row.idNumber as string;
    const born = birthDateOf(value);
    const bad = !hasValidCheckDigit(value)
      ? ("badCheckDigit" as const)
      : !born ||
          (typeof row.birthDate === "string" && !broken.has("birthDate") && row.birthDate !== born)
        ? ("badBirthDate" as const)
        : undefined;
    if (!bad) return undefined;
    broken.add("idNumber");
    delete row.idNumber;
    return dataFinding(
      "data.invalid-id-number",
      bad,
      entity,
      { row: label, value, birthDate: String(row.birthDate ?? born ?? "?") },
      { source, field: "idNumber" },
    );
  }

  /** Checks references and required collections, groups visits, and builds the index. */
  finish(): DatasetIndex {
    if (this.finished) throw new Error("DatasetLoader: finish twice");
    this.finished = true;
    this.judgeColumns();
    for (const c of REQUIRED_COLLECTIONS) {
      if (this.counts[c] === 0) {
        this.silentTargets.add(c);
        this.findings.push(
          dataFinding(
            "data.invalid-field",
            "missingCollection",
            { collection: c, id: "*" },
            { rules: rulesStoppedBy(c) },
          ),
        );
      }
    }
    for (const c of COLLECTION_NAMES) if (c !== "visits") this.checkReferences(c);
    this.finishVisits();
    return new DatasetIndex(this.tables, this.visits, this.findings, {
      ...this.parameterOverrides,
    });
  }

  /**
   * Judges every column that held a mangled-looking code: a mangled one is one finding, its cut
   * rows are left out (ids) or their field broken (ID numbers), and what it held back is dropped;
   * any other column's held findings are reported as they were.
   */
  private judgeColumns(): void {
    const cutIds = new Map<CollectionName, ColumnShapes[]>();
    // In the order of the files, then of the data model: the same whichever path read the rows.
    const order = (c: ColumnShapes) =>
      COLLECTION_NAMES.indexOf(c.collection) * 100 +
      COLLECTIONS[c.collection].fields.findIndex((f) => f.name === c.field);
    const columns = [...this.shapes.values()].sort(
      (a, b) =>
        cmp(a.file ?? "", b.file ?? "") || cmp(a.sheet ?? "", b.sheet ?? "") || order(a) - order(b),
    );
    for (const c of columns) {
      if (!isMangled(c)) {
        this.findings.push(...c.held);
        continue;
      }
      const spec = fieldSpecs(c.collection).get(c.field)!;
      this.findings.push(
        dataFinding(
          "data.invalid-field",
          spec.kind === "idNumber" ? "mangledIdNumbers" : "mangledIds",
          { collection: c.collection, id: "*" },
          {
            field: c.field,
            header: spec.header,
            example: c.example ?? "",
            count: c.scientific + c.cut,
          },
          {
            source:
              c.file === undefined
                ? undefined
                : {
                    file: c.file,
                    ...(c.sheet ? { sheet: c.sheet } : {}),
                    ...(c.line !== undefined ? { line: c.line } : {}),
                  },
            field: c.field,
          },
        ),
      );
      if (c.field === "id") {
        this.silentTargets.add(c.collection);
        if (c.cut > 0) cutIds.set(c.collection, [...(cutIds.get(c.collection) ?? []), c]);
      } else if (spec.kind === "idNumber" && c.cut > 0) this.breakCut(c);
    }
    for (const [collection, columns] of cutIds) this.dropCutRows(collection, columns);
  }

  private inColumn(table: Table<AnyRow>, i: number, columns: readonly ColumnShapes[]) {
    const s = table.source(i);
    return columns.some((c) => c.file === s?.file && c.sheet === s?.sheet);
  }

  /** Leaves out the rows whose id a mangled column cut (they were stored under it). */
  private dropCutRows(collection: CollectionName, columns: readonly ColumnShapes[]): void {
    const old = this.tables[collection] as Table<AnyRow>;
    const table = new Table<AnyRow>();
    for (let i = 0; i < old.rows.length; i++) {
      const row = old.rows[i]!;
      const id = row.id as string;
      if (idShape(id) === IdShape.cut && this.inColumn(old, i, columns)) continue;
      table.push(row, old.positions[i]!, old.source(i), id);
      for (const f of old.broken.get(row) ?? []) table.markBroken(row, f);
    }
    (this.tables as Record<CollectionName, Table<AnyRow>>)[collection] = table;
  }

  /** Breaks the cut values of a mangled column that is not an id (ID numbers). */
  private breakCut(column: ColumnShapes): void {
    const table = this.tables[column.collection] as Table<AnyRow>;
    for (let i = 0; i < table.rows.length; i++) {
      const row = table.rows[i]!;
      const value = row[column.field];
      if (typeof value !== "string" || idShape(value) !== IdShape.cut) continue;
      if (!this.inColumn(table, i, [column])) continue;
      delete row[column.field];
      table.markBroken(row, column.field);
    }
  }

  /** Whether a reference's value was cut by Excel in a column judged mangled. */
  private cutInMangledColumn(
    collection: CollectionName,
    field: string,
    value: string,
    source: () => Source | undefined,
  ): boolean {
    if (value.length < 16 || idShape(value) !== IdShape.cut) return false;
    const s = source();
    const c = this.shapes.get(
      `${s?.file ?? ""}\u0000${s?.sheet ?? ""}\u0000${collection}\u0000${field}`,
    );
    return c !== undefined && isMangled(c);
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
        if (this.cutInMangledColumn(collection, spec.name, value, () => table.source(i))) {
          delete row[spec.name];
          table.markBroken(row, spec.name);
          continue;
        }
        const found = (this.tables[target] as Table<AnyRow>).get(value);
        if (found) {
          // The target row's own id string: one copy of each id however often it is named.
          row[spec.name] = found.id;
          continue;
        }
        delete row[spec.name];
        table.markBroken(row, spec.name);
        // A target whose ids are mangled, or that is missing: its one finding stands for these.
        if (this.silentTargets.has(target)) continue;
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
    // A visit's code cut in a mangled column names nobody, whatever row it happens to match.
    const mangled = new Set<string>();
    for (const c of this.shapes.values())
      if (c.collection === "visits" && c.cut > 0 && isMangled(c)) mangled.add(c.field);
    const cut = (field: string, id: string) =>
      mangled.has(field) && id.length >= 16 && idShape(id) === IdShape.cut;
    v.finish(
      {
        people: (id) => this.tables.people.has(id) && !cut("personId", id),
        villages: (id) => this.tables.villages.has(id) && !cut("villageId", id),
        households: (id) => this.tables.households.has(id) && !cut("householdId", id),
        canonical: {
          people: (id) => this.tables.people.get(id)?.id,
          villages: (id) => this.tables.villages.get(id)?.id,
          households: (id) => this.tables.households.get(id)?.id,
        },
      },
      (i, field) => {
        const s = v.visit(i);
        const value =
          field === "personId" ? s.personId : field === "villageId" ? s.villageId : s.targetId;
        if (cut(field, value) || this.silentTargets.has(target[field])) return;
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
              value,
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
