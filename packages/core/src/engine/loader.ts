/**
 * The incremental loader: rows arrive collection by collection, in chunks, with provenance — the
 * way a streaming reader delivers them — and are normalised, validated, deduplicated and stored
 * on arrival. Bad data never throws: it becomes `data.*` findings, and a row with a broken field
 * keeps its other fields for the rules that do not read the broken one.
 *
 * Every collection goes through the same steps, read from its definition (`schema/`): validate
 * (the fast path, or normalisation and zod), judge its codes (Excel's mangling), check its
 * conditional requirements and ID number, store it; references are checked at `finish`. Visits
 * differ only in where they are stored (`VisitStore`, compactly).
 */
import type { z } from "zod";
import { toDay } from "../calendar/calendar.js";
import {
  COLLECTIONS,
  collectionNamed,
  type DatasetInput,
  REQUIRED_COLLECTIONS,
  type Rows,
} from "../schema/collections.js";
import { fastValidate, type RecordReader, recordReader } from "../schema/fast-validate.js";
import {
  COLLECTION_NAMES,
  type CollectionName,
  type FieldSpec,
  refTarget,
} from "../schema/fields.js";
import {
  fieldSpecs,
  IdShape,
  idShape,
  isAbsent,
  isCutColumn,
  normaliseRow,
} from "../schema/normalise.js";
import { StringPools } from "../schema/string-pool.js";
import { VOCABULARIES } from "../vocabulary/enums.js";
import { CappedFindings, DEFAULT_MAX_FINDINGS_PER_COLUMN } from "./capped-findings.js";
import { type DataMessageKey, dataFinding, rulesStoppedBy } from "./data-messages.js";
import { DatasetIndex } from "./dataset-index.js";
import type { Finding, Message, MessageParam, Source } from "./findings.js";
import { birthDateOf, hasValidCheckDigit } from "./id-number.js";
import { Table } from "./table.js";
import type { Tables } from "./tables.js";
import {
  type VisitColumns,
  type VisitReference,
  type VisitReferenceField,
  VisitStore,
  visitKindCode,
} from "./visits.js";

export { dataFinding } from "./data-messages.js";
export type { Tables } from "./tables.js";

/** Ids, references and ID numbers of each collection: the fields Excel's number cells mangle. */
const CODE_FIELDS = new Map<CollectionName, readonly FieldSpec[]>(
  COLLECTION_NAMES.map((c) => [
    c,
    COLLECTIONS[c].fields.filter(
      (f) => f.kind === "id" || f.kind === "ref" || f.kind === "idNumber",
    ),
  ]),
);

/** Where each code field (`CODE_FIELDS`) is among its collection's fields. */
export const CODE_INDICES = new Map<CollectionName, readonly number[]>(
  COLLECTION_NAMES.map((c) => [
    c,
    CODE_FIELDS.get(c)!.map((spec) => COLLECTIONS[c].fields.indexOf(spec)),
  ]),
);

/** Each collection's field names, in the order of its definition (a reader's columns). */
const FIELD_NAMES = new Map<CollectionName, readonly string[]>(
  Object.values(COLLECTIONS).map((c) => [c.name, c.fields.map((f) => f.name)]),
);

/** Where each field of a visit is among the visits' fields (`RecordReader.read`'s order). */
const VISIT_FIELD = Object.fromEntries(COLLECTIONS.visits.fields.map((f, i) => [f.name, i])) as {
  [F in keyof Rows["visits"]]-?: number;
};

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

/** What judging a row's codes found: fields broken (scientific notation), columns holding a cut. */
interface RowCodes {
  /** Fields whose value was Excel's scientific notation, deleted from the row. */
  mangled: string[] | undefined;
  /** Per field whose value may be Excel's cut, its column (findings on it wait for the column). */
  held: Map<string, ColumnShapes> | undefined;
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

/** What `judgeCodes` notes of a code Excel may have mangled: broken if scientific, else held. */
function noteCode(codes: RowCodes, field: string, shape: IdShape, column: ColumnShapes): void {
  if (shape === IdShape.scientific) {
    codes.mangled ??= [];
    codes.mangled.push(field);
  } else {
    codes.held ??= new Map();
    codes.held.set(field, column);
  }
}

/** In what `excelCodes` returns: a code is scientific notation (the row loses that field). */
const MANGLED = 1 << 30;

/** Where a chunk of rows came from: the file, the sheet, and each row's line. */
export interface Provenance {
  file: string;
  sheet?: string;
  /** The 1-based line (or sheet row) of each row of the chunk, in order. */
  lines?: readonly number[];
}

/** How a loader reads rows. */
export interface LoaderOptions {
  /**
   * Whether rows whose cells are already clean skip zod (`fastValidate`); default true. The
   * findings and the loaded rows are the same either way (`schema/fast-path.test.ts` holds the
   * loader to it); `false` exists for that test.
   */
  fastPath?: boolean;
  /**
   * At most this many data findings of one kind in one column of one file (default 10,000);
   * past it they are counted, and one finding per column says how many more there are
   * (`moreOfTheSame`), so that no input can make the findings exhaust memory.
   */
  maxFindingsPerColumn?: number;
}

type AnyRow = Record<string, unknown>;

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

/** How a row is named in findings: its id, or `#<position>` in its collection. */
function entityOf(collection: CollectionName, row: AnyRow, position: number) {
  const named = COLLECTIONS[collection].hasId && typeof row.id === "string" && row.id !== "";
  return { collection, id: named ? (row.id as string) : `#${position}` };
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
  /** One copy of each repeated reference and date the fast path keeps (`StringPools`). */
  private readonly pools = new StringPools();
  /** The data findings, at most `maxFindingsPerColumn` of a kind in a column (`CappedFindings`). */
  private readonly findings: CappedFindings;
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
  /**
   * Per collection, per code field (`CODE_FIELDS`), the last code judged and its shape: files
   * list a person's or a household's rows together, so the same code often comes again.
   */
  private readonly lastCodes = new Map<
    CollectionName,
    { value: string; shape: IdShape; column: ColumnShapes | undefined }[]
  >(
    COLLECTION_NAMES.map((c) => [
      c,
      CODE_FIELDS.get(c)!.map(() => ({
        value: "",
        shape: IdShape.plain as IdShape,
        column: undefined,
      })),
    ]),
  );
  private readonly parameterOverrides: Record<string, unknown> = {};
  private readonly fastPath: boolean;
  private finished = false;

  constructor(options: LoaderOptions = {}) {
    this.fastPath = options.fastPath ?? true;
    this.findings = new CappedFindings(
      options.maxFindingsPerColumn ?? DEFAULT_MAX_FINDINGS_PER_COLUMN,
      (collection, field) => fieldSpecs(collection as CollectionName).get(field)?.header ?? field,
    );
  }

  /** Adds rows of one collection; `provenance` names their file, sheet and lines. */
  add(collection: CollectionName, rows: readonly unknown[], provenance?: Provenance): void {
    if (this.finished) throw new Error("DatasetLoader: add after finish");
    if (!(collection in this.counts))
      throw new Error(`DatasetLoader: unknown collection ${collection}`);
    if (this.fastPath && COLLECTIONS[collection].compact && !provenance?.lines) {
      this.addCompactObjects(collection, rows, provenance);
      return;
    }
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
   * form a streaming reader has at hand: a clean record takes the fast path without a row object
   * of the cells, and a compact collection's (visits') without a source object per row.
   */
  addRecords(
    collection: CollectionName,
    fields: readonly (string | undefined)[],
    records: readonly (readonly unknown[])[],
    provenance: Provenance,
  ): void {
    if (this.finished) throw new Error("DatasetLoader: add after finish");
    const reader = this.fastPath ? recordReader(collection, fields, this.pools) : undefined;
    const scratch: Source = {
      file: provenance.file,
      ...(provenance.sheet ? { sheet: provenance.sheet } : {}),
    };
    if (reader && COLLECTIONS[collection].compact) {
      this.addCompactRecords(collection, reader, fields, records, provenance, scratch);
      return;
    }
    const excelCodes = this.excelCodes(collection, scratch);
    const idNumber = COLLECTIONS[collection].fields.findIndex((f) => f.kind === "idNumber");
    const values: unknown[] = [];
    for (let r = 0; r < records.length; r++) {
      const cells = records[r]!;
      const line = provenance.lines?.[r];
      if (!reader?.read(cells, values, true)) {
        this.addCells(collection, fields, cells, line, scratch);
        continue;
      }
      // The steps of `acceptValid` on the record's values in field order.
      const position = this.counts[collection]++;
      const excel = excelCodes(values, reader.shapes, line);
      const codes =
        excel === 0 ? undefined : this.rowCodes(collection, values, reader.shapes, excel);
      const row = reader.row(values);
      // A row with nothing to judge is stored with its file and line, without a source object of
      // its own (a province has millions); one is made only for a finding.
      if (codes === undefined && (idNumber < 0 || values[idNumber] === undefined))
        this.storeClean(collection, row, position, scratch, line);
      else this.check(collection, row, position, sourceAt(scratch, line), codes, false);
    }
  }

  /**
   * Visits `from` to `to` (exclusive) of a batch encoded on another thread
   * (`encodeVisitRecords`): stored as `addRecords` would store those records. The batch's raw
   * records go to `addRecords` between the runs, in their places. `lineBase`: the line of the
   * batch's record 0.
   */
  addVisitColumns(
    columns: VisitColumns,
    from: number,
    to: number,
    provenance: { file: string; sheet?: string | undefined },
    lineBase: number,
  ): void {
    if (this.finished) throw new Error("DatasetLoader: add after finish");
    if (to <= from) return;
    const source: Source = {
      file: provenance.file,
      ...(provenance.sheet ? { sheet: provenance.sheet } : {}),
    };
    // Codes that are not plain, counted in their columns row by row and code by code, as
    // `excelCodes` counts them (a cut one may make its column judged, never the visit here).
    const specs = CODE_FIELDS.get("visits")!;
    const lasts = this.lastCodes.get("visits")!;
    for (let k = from; k < to; k++) {
      const bits = columns.shape[k]!;
      if (bits === 0) continue;
      for (let c = 0; c < specs.length; c++) {
        const shape = ((bits >> (2 * c)) & 3) as IdShape;
        if (shape === IdShape.plain) continue;
        const name = specs[c]!.name as VisitReferenceField;
        const value =
          name === "personId"
            ? columns.people[columns.person[k]!]!
            : name === "villageId"
              ? columns.villages[columns.village[k]!]!
              : columns.households[columns.household[k]!]!;
        this.countCode(
          "visits",
          lasts[c]!,
          name,
          value,
          shape,
          source,
          lineBase + columns.record[k]!,
        );
      }
    }
    this.visits.addColumns(columns, from, to, lineBase, source);
    this.counts.visits += to - from;
  }

  /**
   * A reader's estimate that about `n` more rows of `collection` are coming: the compact store
   * (visits) makes room for them at once instead of growing as they come. Only a hint.
   */
  expectRows(collection: CollectionName, n: number): void {
    if (COLLECTIONS[collection].compact && n > 0) this.visits.reserve(n);
  }

  /** Whether valid rows take the fast path (a reader encodes visits only then). */
  get takesFastPath(): boolean {
    return this.fastPath;
  }

  /**
   * `addRecords` for the compact store (visits), in a loop of its own that the engine optimises
   * for them alone: a valid visit with plain codes goes straight from its values into the store,
   * without a row object, and one scratch source (the store copies what it keeps) serves them all.
   */
  /**
   * Compact rows given as objects (a JSON document's visits): a row whose keys are all fields is
   * read by the table records' reader (its cells in field order), and one whose codes are plain
   * is stored at once — what `addRow` makes of it, without a row object; any other row goes
   * through `addRow`.
   */
  private addCompactObjects(
    collection: CollectionName,
    rows: readonly unknown[],
    provenance: Provenance | undefined,
  ): void {
    const names = FIELD_NAMES.get(collection)!;
    const reader = recordReader(collection, names)!;
    const known = new Set(names);
    const source: Source | undefined = provenance
      ? { file: provenance.file, ...(provenance.sheet ? { sheet: provenance.sheet } : {}) }
      : undefined;
    const excelCodes = this.excelCodes(collection, source);
    const cells: unknown[] = new Array(names.length);
    const values: unknown[] = [];
    const plainObject = (raw: unknown): raw is AnyRow => {
      if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return false;
      for (const key in raw) if (!known.has(key)) return false;
      return true;
    };
    for (let r = 0; r < rows.length; r++) {
      const raw = rows[r];
      let read = plainObject(raw);
      if (read) {
        for (let i = 0; i < names.length; i++) cells[i] = (raw as AnyRow)[names[i]!];
        read = reader.read(cells, values, false);
      }
      if (!read) {
        this.addRow(collection, raw, this.counts[collection]++, source, provenance?.file);
        continue;
      }
      const position = this.counts[collection]++;
      this.storeCompact(
        collection,
        reader,
        values,
        excelCodes(values, reader.shapes, undefined),
        position,
        source,
      );
    }
  }

  private addCompactRecords(
    collection: CollectionName,
    reader: RecordReader,
    fields: readonly (string | undefined)[],
    records: readonly (readonly unknown[])[],
    provenance: Provenance,
    scratch: Source,
  ): void {
    const excelCodes = this.excelCodes(collection, scratch);
    const values: unknown[] = [];
    for (let r = 0; r < records.length; r++) {
      const cells = records[r]!;
      const line = provenance.lines?.[r];
      if (!reader.read(cells, values, false)) {
        this.addCells(collection, fields, cells, line, scratch);
        continue;
      }
      const position = this.counts[collection]++;
      scratch.line = line ?? 0;
      this.storeCompact(
        collection,
        reader,
        values,
        excelCodes(values, reader.shapes, line),
        position,
        scratch,
      );
    }
  }

  /**
   * A compact row the reader accepted, its values in field order: stored at once, or — when a
   * code is in scientific notation — checked as a row. A code that may be Excel's cut holds
   * nothing back here (the store leaves out the visits that name a cut code at `finish`).
   */
  private storeCompact(
    collection: CollectionName,
    reader: RecordReader,
    values: unknown[],
    excel: number,
    position: number,
    source: Source | undefined,
  ): void {
    if ((excel & MANGLED) === 0) {
      const { personId, date, kind, villageId, householdId } = VISIT_FIELD;
      this.visits.add(
        values[personId] as string,
        visitKindCode(values[kind] as Rows["visits"]["kind"]),
        toDay(values[date] as string),
        values[villageId] as string,
        values[householdId] as string | undefined,
        source,
      );
      return;
    }
    const codes = this.rowCodes(collection, values, reader.shapes, excel);
    this.check(collection, reader.row(values), position, source, codes, false);
  }

  /** A record the fast path declined: its cells that are not empty, to the general path. */
  private addCells(
    collection: CollectionName,
    fields: readonly (string | undefined)[],
    cells: readonly unknown[],
    line: number | undefined,
    scratch: Source,
  ): void {
    const source: Source = {
      file: scratch.file,
      ...(scratch.sheet ? { sheet: scratch.sheet } : {}),
      ...(line !== undefined ? { line } : {}),
    };
    const row: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      const c = cells[i];
      if (f !== undefined && c !== null && c !== undefined && c !== "") row[f] = c;
    }
    this.addRow(collection, row, this.counts[collection]++, source, scratch.file);
  }

  /**
   * For rows from one file (or sheet), their values in field order (`RecordReader`) and their
   * codes' shapes: judges a row's codes as `judgeCodes` does, each not plain counted in its column
   * (`countCode`), and returns which may be Excel's doing (bit k: `CODE_FIELDS`' k-th; `MANGLED`
   * too when one is scientific notation), 0 for none: `rowCodes` then says what they break.
   */
  private excelCodes(
    collection: CollectionName,
    source: Source | undefined,
  ): (values: readonly unknown[], shapes: Int8Array, line: number | undefined) => number {
    const indices = CODE_INDICES.get(collection)!;
    const specs = CODE_FIELDS.get(collection)!;
    const lasts = this.lastCodes.get(collection)!;
    return (values, shapes, line) => {
      let excel = 0;
      for (let k = 0; k < indices.length; k++) {
        const i = indices[k]!;
        const value = values[i];
        const shape = shapes[i] as IdShape;
        if (typeof value !== "string" || shape === IdShape.plain) continue;
        if (!this.countCode(collection, lasts[k]!, specs[k]!.name, value, shape, source, line))
          continue;
        excel |= 1 << k;
        if (shape === IdShape.scientific) excel |= MANGLED;
      }
      return excel;
    };
  }

  /**
   * What the codes `excelCodes` found may be Excel's doing break in a row's values: a scientific
   * one is taken out of `values` (as `judgeCodes` deletes it from a row).
   */
  private rowCodes(
    collection: CollectionName,
    values: unknown[],
    shapes: Int8Array,
    excel: number,
  ): RowCodes {
    const indices = CODE_INDICES.get(collection)!;
    const specs = CODE_FIELDS.get(collection)!;
    const lasts = this.lastCodes.get(collection)!;
    const codes: RowCodes = { mangled: undefined, held: undefined };
    for (let k = 0; k < indices.length; k++) {
      if ((excel & (1 << k)) === 0) continue;
      const shape = shapes[indices[k]!] as IdShape;
      if (shape === IdShape.scientific) values[indices[k]!] = undefined;
      noteCode(codes, specs[k]!.name, shape, lasts[k]!.column!);
    }
    return codes;
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
    if (COLLECTIONS[collection].compact) this.visits.skip(position);
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

  /** One row of any collection: the fast path when its cells are clean, else the general one. */
  private addRow(
    collection: CollectionName,
    raw: unknown,
    position: number,
    source: Source | undefined,
    file: string | undefined,
  ): void {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      this.notAnObject(collection, position, source);
      return;
    }
    const fast = this.fastPath ? fastValidate(collection, raw as AnyRow) : undefined;
    if (fast) {
      this.acceptValid(collection, fast, position, source);
      return;
    }
    const { row, unknown } = normaliseRow(collection, raw as AnyRow);
    for (const field of unknown) this.unknownColumn(collection, field, file);
    this.check(collection, row, position, source, this.judgeCodes(collection, row, source), true);
  }

  private notAnObject(collection: CollectionName, position: number, source: Source | undefined) {
    if (COLLECTIONS[collection].compact) this.visits.skip(position);
    const rowName = `#${position}`;
    this.findings.push(
      dataFinding(
        "data.invalid-field",
        "notAnObject",
        { collection, id: rowName },
        { row: rowName },
        { source },
      ),
    );
  }

  /**
   * A row the fast path validated. Most have plain codes and no ID number: nothing can be wrong
   * with them, and they are stored at once (no finding, no set of broken fields).
   */
  private acceptValid(
    collection: CollectionName,
    row: AnyRow,
    position: number,
    source: Source | undefined,
  ): void {
    const codes = this.judgeCodes(collection, row, source);
    if (codes === undefined && row.idNumber === undefined)
      this.store(collection, row, position, source, undefined, undefined);
    else this.check(collection, row, position, source, codes, false);
  }

  /**
   * The checks of one row after its codes were judged: its fields (by zod when `parse`; the fast
   * path validated them already), its conditional requirements, its ID number; then stores it.
   */
  private check(
    collection: CollectionName,
    row: AnyRow,
    position: number,
    source: Source | undefined,
    codes: RowCodes | undefined,
    parse: boolean,
  ): void {
    const entity = entityOf(collection, row, position);
    const broken = new Set<string>(codes?.mangled);
    const valid = parse ? this.parse(collection, row, entity, broken, source) : row;
    this.checkRequirements(collection, valid, entity, broken, source);
    if (typeof valid.idNumber === "string") {
      const f = this.checkIdNumber(valid, entity, source, broken);
      if (f) this.hold(codes?.held?.get("idNumber"), f);
    }
    this.store(collection, valid, position, source, broken, codes?.held);
  }

  /**
   * Codes mangled by Excel (`CODE_FIELDS`): scientific notation is broken here, silently (the
   * column's one finding stands for it); a cut numeral is held until its column is judged.
   * `undefined` when neither is found (long numerals are only counted).
   */
  private judgeCodes(
    collection: CollectionName,
    row: AnyRow,
    source: Source | undefined,
  ): RowCodes | undefined {
    const specs = CODE_FIELDS.get(collection)!;
    const lasts = this.lastCodes.get(collection)!;
    let codes: RowCodes | undefined;
    for (let k = 0; k < specs.length; k++) {
      const spec = specs[k]!;
      const value = row[spec.name];
      if (typeof value !== "string" || value.length < 5) continue;
      const last = lasts[k]!;
      let shape = last.shape;
      if (value !== last.value) {
        shape = idShape(value);
        last.value = value;
        last.shape = shape;
      }
      if (shape === IdShape.plain) continue;
      const column = this.countCode(
        collection,
        last,
        spec.name,
        value,
        shape,
        source,
        source?.line,
      );
      if (!column) continue;
      codes ??= { mangled: undefined, held: undefined };
      if (shape === IdShape.scientific) delete row[spec.name];
      noteCode(codes, spec.name, shape, column);
    }
    return codes;
  }

  /**
   * Counts a code that is not plain in its column (`last`: its field's memory in `lastCodes`);
   * returns the column when the code may be Excel's doing (scientific, or cut), else `undefined`
   * (a long numeral is evidence for its column, nothing else).
   */
  private countCode(
    collection: CollectionName,
    last: { column: ColumnShapes | undefined },
    field: string,
    value: string,
    shape: IdShape,
    source: Source | undefined,
    line: number | undefined,
  ): ColumnShapes | undefined {
    let column = last.column;
    if (column === undefined || column.file !== source?.file || column.sheet !== source?.sheet) {
      column = this.columnShapes(collection, field, source);
      last.column = column;
    }
    countShape(column, value, shape, line);
    return shape === IdShape.long ? undefined : column;
  }

  /** A finding on a field of a row; the field is broken (left out of the rules). */
  private reportField(
    key: DataMessageKey,
    entity: { collection: CollectionName; id: string },
    field: string,
    params: Record<string, MessageParam>,
    broken: Set<string>,
    source: Source | undefined,
  ): void {
    broken.add(field);
    const spec = fieldSpecs(entity.collection).get(field);
    this.findings.push(
      dataFinding(
        "data.invalid-field",
        key,
        entity,
        { row: entity.id, field, header: spec?.header ?? field, ...params },
        { source, field },
      ),
    );
  }

  /**
   * The row as zod reads it: valid as a whole, or each issue a finding on its field and the row's
   * other fields kept.
   */
  private parse(
    collection: CollectionName,
    row: AnyRow,
    entity: { collection: CollectionName; id: string },
    broken: Set<string>,
    source: Source | undefined,
  ): AnyRow {
    const parsed = (COLLECTIONS[collection].schema as z.ZodType).safeParse(row);
    if (parsed.success) return parsed.data as AnyRow;
    const specs = fieldSpecs(collection);
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (broken.has(field)) continue;
      if (!(field in row)) this.reportField("missingField", entity, field, {}, broken, source);
      else
        this.reportField(
          "invalidValue",
          entity,
          field,
          {
            value: shortValue(row[field]),
            problem: specs.get(field)?.kind === "date" ? NOT_A_DATE : problemOf(issue),
          },
          broken,
          source,
        );
    }
    const valid: AnyRow = {};
    for (const key in row) if (!broken.has(key)) valid[key] = row[key];
    return valid;
  }

  /** The data model's "required for …" (`requires` in the definition). */
  private checkRequirements(
    collection: CollectionName,
    valid: AnyRow,
    entity: { collection: CollectionName; id: string },
    broken: Set<string>,
    source: Source | undefined,
  ): void {
    for (const req of COLLECTIONS[collection].requires) {
      if (!broken.has(req.field) && isAbsent(valid[req.field]) && req.when(valid)) {
        this.reportField(
          "requiredFor",
          entity,
          req.field,
          { because: req.because },
          broken,
          source,
        );
      }
    }
  }

  /**
   * Keeps a checked row: in the compact store (visits: a row with a broken field is left out, as
   * counting needs every field), or in its table, where a row with an id is kept once and a row
   * whose id is broken is left out of every rule.
   */
  private store(
    collection: CollectionName,
    valid: AnyRow,
    position: number,
    source: Source | undefined,
    broken: ReadonlySet<string> | undefined,
    held: Map<string, ColumnShapes> | undefined,
  ): void {
    const meta = COLLECTIONS[collection];
    if (meta.compact) {
      if (broken !== undefined && broken.size > 0) this.visits.skip(position);
      else this.storeVisit(valid as Rows["visits"], source);
      return;
    }
    const table = this.tables[collection] as Table<AnyRow>;
    let id: string | undefined;
    if (meta.hasId) {
      id = valid.id as string | undefined;
      if (typeof id !== "string" || id === "" || broken?.has("id")) return;
      if (table.has(id)) {
        this.hold(
          held?.get("id"),
          dataFinding(
            "data.duplicate-id",
            "duplicateId",
            { collection, id },
            { id },
            { source, field: "id" },
          ),
        );
        return;
      }
    }
    table.push(valid, position, source, id);
    if (broken) for (const f of broken) table.markBroken(valid, f);
  }

  /**
   * `store` for a row with nothing broken and nothing held, from `file` at `line`: a row of a
   * table with a new id (or none) is pushed with its file and line; anything else — a visit, a
   * missing or duplicate id — is `store`'s to judge, with a source made for it.
   */
  private storeClean(
    collection: CollectionName,
    valid: AnyRow,
    position: number,
    file: Source,
    line: number | undefined,
  ): void {
    const meta = COLLECTIONS[collection];
    const table = this.tables[collection] as Table<AnyRow>;
    const id = meta.hasId ? valid.id : undefined;
    const fresh = !meta.hasId || (typeof id === "string" && id !== "" && !table.has(id));
    if (meta.compact || !fresh) {
      this.store(collection, valid, position, sourceAt(file, line), undefined, undefined);
      return;
    }
    table.pushAt(valid, position, file, line ?? 0, id as string | undefined);
  }

  /** A valid visit, into the compact store (which copies what it keeps). */
  private storeVisit(v: Rows["visits"], source: Source | undefined): void {
    this.visits.add(
      v.personId,
      visitKindCode(v.kind),
      toDay(v.date),
      v.villageId,
      v.householdId,
      source,
    );
  }

  /** A finding, or held back with its column when the row's code there may be Excel's cut. */
  private hold(column: ColumnShapes | undefined, finding: Finding): void {
    if (column) column.held.push(finding);
    else this.findings.push(finding);
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

  /**
   * The resident ID number's check digit, and its birth date against the row's `birthDate`: a
   * finding when wrong, the field then broken.
   */
  private checkIdNumber(
    row: AnyRow,
    entity: { collection: string; id: string },
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
      { row: entity.id, value, birthDate: String(row.birthDate ?? born ?? "?") },
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
    for (const c of COLLECTION_NAMES) if (!COLLECTIONS[c].compact) this.checkReferences(c);
    this.finishVisits();
    return new DatasetIndex(this.tables, this.visits, this.findings.all(), {
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
      table.push(row, old.position(i), old.source(i), id);
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

  private checkReferences(collection: CollectionName): void {
    const refs = COLLECTIONS[collection].fields.filter((f) => f.kind === "ref");
    if (refs.length === 0) return;
    const table = this.tables[collection] as Table<AnyRow>;
    for (let i = 0; i < table.rows.length; i++) {
      const row = table.rows[i]!;
      for (const spec of refs) {
        const value = row[spec.name];
        if (typeof value !== "string") continue;
        // A reference whose collection the row's broken field would choose names nothing sure.
        if (spec.refBy && table.broken.get(row)?.has(spec.refBy.field)) continue;
        const target = refTarget(spec, row);
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
        const id = COLLECTIONS[collection].hasId ? String(row.id) : `#${table.position(i)}`;
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

  /**
   * Checks the compact store's references, each field against the collection the definition
   * names (the store checks each distinct id once), as `checkReferences` checks a table's.
   */
  private finishVisits(): void {
    const v = this.visits;
    const specs = fieldSpecs("visits");
    // A visit's code cut in a mangled column names nobody, whatever row it happens to match.
    const mangled = new Set<string>();
    for (const c of this.shapes.values())
      if (c.collection === "visits" && c.cut > 0 && isMangled(c)) mangled.add(c.field);
    const cut = (field: string, id: string) =>
      mangled.has(field) && id.length >= 16 && idShape(id) === IdShape.cut;
    const reference = (field: VisitReferenceField): VisitReference => {
      const table = this.tables[specs.get(field)!.ref!] as Table<AnyRow>;
      return {
        rowOf: (id) => (cut(field, id) ? undefined : table.byId.get(id)),
        idAt: (row) => table.rows[row]!.id as string,
      };
    };
    v.finish(
      {
        personId: reference("personId"),
        villageId: reference("villageId"),
        householdId: reference("householdId"),
      },
      (i, field) => {
        const s = v.visit(i);
        const value =
          field === "personId" ? s.personId : field === "villageId" ? s.villageId : s.targetId;
        const spec = specs.get(field)!;
        if (cut(field, value) || this.silentTargets.has(spec.ref!)) return;
        if (this.findings.countIfFull("data.unknown-reference", "visits", field, s.source)) return;
        const id = `#${s.position}`;
        this.findings.push(
          dataFinding(
            "data.unknown-reference",
            "unknownReference",
            { collection: "visits", id },
            { row: id, field, header: spec.header, target: spec.ref!, value },
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

/** The source of a row of `file` at `line` (no line: the file alone). */
function sourceAt(file: Source, line: number | undefined): Source {
  return line === undefined ? { ...file } : { ...file, line };
}
