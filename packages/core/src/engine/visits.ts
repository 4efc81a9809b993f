/**
 * Visits kept compactly: a province has tens of millions, so they are never row objects. Each
 * visit is a few numbers in growable typed arrays (person, target, kind, day, line, file); at
 * `finish` they are grouped by target (household for household visits, village otherwise) with a
 * counting sort, so a rule counts one household's or village's visits without scanning the rest.
 */
import { ownString } from "../schema/normalise.js";
import { Column } from "./column.js";
import type { Source } from "./findings.js";
import { RowRuns } from "./row-runs.js";

/** Interns ids as small integers. */
export class Interner {
  readonly ids: string[] = [];
  private map = new Map<string, number>();

  /**
   * Replaces each id by the dataset's own copy of it (`canonical(id)`), so that a province's ids
   * are held once, not once per file that names them.
   */
  canonicalise(canonical: (id: string) => string | undefined): void {
    const map = new Map<string, number>();
    for (let k = 0; k < this.ids.length; k++) {
      const id = canonical(this.ids[k]!) ?? this.ids[k]!;
      this.ids[k] = id;
      map.set(id, k);
    }
    this.map = map;
    this.lastId = "";
    this.lastN = -1;
  }
  private lastId = "";
  private lastN = -1;

  /** Lets go of every id (the interner is done with: nothing is interned after). */
  release(): void {
    this.ids.length = 0;
    this.map = new Map();
    this.lastId = "";
    this.lastN = -1;
  }

  intern(id: string): number {
    // Files list a person's or a household's visits together: the last id often comes again.
    if (id === this.lastId) return this.lastN;
    let n = this.map.get(id);
    if (n === undefined) {
      n = this.ids.length;
      const own = ownString(id);
      this.ids.push(own);
      this.map.set(own, n);
    }
    this.lastId = id;
    this.lastN = n;
    return n;
  }
  get(id: string): number | undefined {
    return this.map.get(id);
  }
}

const KIND_CODES = { principal_research: 0, household_visit: 1, staff_visit: 2 } as const;
export type VisitKindCode = (typeof KIND_CODES)[keyof typeof KIND_CODES];
export const visitKindCode = (kind: keyof typeof KIND_CODES): VisitKindCode => KIND_CODES[kind];

/**
 * A batch of visit records as numbers: compact row k is record `record[k]` of the batch. Ids are
 * indices into the batch's own lists (`people`, `villages`, `households`), each id listed once;
 * `household[k]` is −1 for a visit to a village. Plain data: it crosses threads by structured
 * clone, its typed arrays moved.
 */
export interface VisitColumns {
  people: string[];
  villages: string[];
  households: string[];
  person: Int32Array;
  kind: Uint8Array;
  day: Int32Array;
  village: Int32Array;
  household: Int32Array;
  /** The record (0-based, in the records encoded) of each compact row. */
  record: Int32Array;
  /**
   * Per compact row, the shape (`IdShape`: plain, long or cut) of each code: two bits for the
   * visits' c-th code field (`CODE_INDICES`) at bit 2c, counted in its column as the loader
   * counts codes that are not plain. Mostly 0.
   */
  shape: Uint8Array;
  /** How many compact rows. */
  length: number;
  /** The records left for the loader's general path, ascending. */
  raw: number[];
}

/**
 * The numbers of a batch of visit columns as an encoder finds them, row by row: room for
 * `capacity` rows at first, more as needed; `columns` cuts them to the rows found.
 */
export class VisitColumnsBuilder {
  private readonly person: Column<Int32Array<ArrayBuffer>>;
  private readonly kind: Column<Uint8Array<ArrayBuffer>>;
  private readonly day: Column<Int32Array<ArrayBuffer>>;
  private readonly village: Column<Int32Array<ArrayBuffer>>;
  private readonly household: Column<Int32Array<ArrayBuffer>>;
  private readonly record: Column<Int32Array<ArrayBuffer>>;
  private readonly shape: Column<Uint8Array<ArrayBuffer>>;
  private k = 0;

  constructor(capacity: number) {
    const int32 = (n: number) => new Int32Array(n);
    const uint8 = (n: number) => new Uint8Array(n);
    this.person = new Column(int32, capacity);
    this.kind = new Column(uint8, capacity);
    this.day = new Column(int32, capacity);
    this.village = new Column(int32, capacity);
    this.household = new Column(int32, capacity);
    this.record = new Column(int32, capacity);
    this.shape = new Column(uint8, capacity);
  }

  /** A row: interned person, kind, day, interned village and household (−1), shapes, record. */
  push(
    person: number,
    kind: number,
    day: number,
    village: number,
    household: number,
    shape: number,
    record: number,
  ): void {
    const k = this.k++;
    // One check of room for the row's seven values (it runs for every visit of a province).
    if (k === this.person.data.length) for (const c of this.all()) c.reserve(k * 2);
    this.person.data[k] = person;
    this.kind.data[k] = kind;
    this.day.data[k] = day;
    this.village.data[k] = village;
    this.household.data[k] = household;
    this.shape.data[k] = shape;
    this.record.data[k] = record;
  }

  private all(): Column<Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>[] {
    return [
      this.person,
      this.kind,
      this.day,
      this.village,
      this.household,
      this.shape,
      this.record,
    ];
  }

  /** The batch: the rows pushed, the ids they index, and the records left raw. */
  columns(
    ids: { people: string[]; villages: string[]; households: string[] },
    raw: number[],
  ): VisitColumns {
    const k = this.k;
    return {
      ...ids,
      person: this.person.slice(k),
      kind: this.kind.slice(k),
      day: this.day.slice(k),
      village: this.village.slice(k),
      household: this.household.slice(k),
      record: this.record.slice(k),
      shape: this.shape.slice(k),
      length: k,
      raw,
    };
  }
}

/** A visit as stored: the compact fields plus what it takes to name it in a finding. */
export interface StoredVisit {
  index: number;
  personId: string;
  day: number;
  kind: VisitKindCode;
  householdVisit: boolean;
  targetId: string;
  /** The village the visit names (for a household visit too). */
  villageId: string;
  source: Source | undefined;
  position: number;
}

/** The reference fields of a visit. */
export type VisitReferenceField = "personId" | "villageId" | "householdId";

/** What the store asks of a reference field at `finish`. */
export interface VisitReference {
  /** The index of the row of the collection the field names that an id names, or `undefined`. */
  rowOf: (id: string) => number | undefined;
  /** The id of row `row`: the dataset's own copy of it. */
  idAt: (row: number) => string;
}

/**
 * After `finish`, household visits name households by their rows: per interned household, its
 * row (−1 for an id the dataset does not have), and the ids without a row. The interner's map
 * of millions of ids is let go.
 */
interface HouseholdRows {
  row: Int32Array;
  unknown: Map<number, string>;
  reference: VisitReference;
}

/** Grouped visits of one kind of target: offsets into person/day arrays (CSR). */
interface Grouped {
  offsets: Int32Array;
  order: Int32Array;
}

/** The visits of a dataset, compact. */
export class VisitStore {
  readonly people = new Interner();
  readonly villages = new Interner();
  readonly households = new Interner();
  private readonly files: (Source | undefined)[] = [];
  private readonly fileIndex = new Map<string, number>();
  private readonly person = new Column((n) => new Int32Array(n));
  private readonly target = new Column((n) => new Int32Array(n));
  private readonly kind = new Column((n) => new Uint8Array(n));
  private readonly day = new Column((n) => new Int32Array(n));
  /** Where the visits came from, as runs of visits (`RowRuns`): not two numbers per visit. */
  private readonly sources = new RowRuns();
  /** Positions (0-based, in the collection) of rows that were not stored, ascending. */
  private readonly skipped: number[] = [];
  private n = 0;
  /** The latest day of any visit (a date check skips the scan when it is not after asOf). */
  lastDay = Number.NEGATIVE_INFINITY;
  private byHousehold: Grouped | undefined;
  private byVillage: Grouped | undefined;
  /**
   * The village a household visit names, kept compactly: the first village named with each
   * household (index + 1; 0 unset), and the few visits that name another one. A household visit's
   * village is checked and given back like every other reference, never rewritten.
   */
  private readonly householdVillage = new Column((n) => new Int32Array(n));
  private readonly otherVillage = new Map<number, number>();
  /** Visits left out of counting (unknown reference, or future date in an audit). */
  private excluded: Uint8Array | undefined;
  /** Set at `finish`: household visits' households as rows. */
  private householdRows: HouseholdRows | undefined;

  /** The id of interned household `k`. */
  private householdId(k: number): string {
    const rows = this.householdRows;
    if (!rows) return this.households.ids[k]!;
    const row = rows.row[k]!;
    return row >= 0 ? rows.reference.idAt(row) : rows.unknown.get(k)!;
  }

  get size(): number {
    return this.n;
  }

  /**
   * Makes room for about `n` more visits at once (a reader that knows how many are coming), so
   * that the columns are not copied as they grow, nor left up to a quarter empty.
   */
  reserve(n: number): void {
    const size = this.n + Math.ceil(n);
    this.person.reserve(size);
    this.target.reserve(size);
    this.kind.reserve(size);
    this.day.reserve(size);
  }

  /** Notes that the row at `position` was not stored (invalid), to keep positions right. */
  skip(position: number): void {
    this.skipped.push(position);
  }

  add(
    personId: string,
    kind: VisitKindCode,
    day: number,
    villageId: string,
    householdId: string | undefined,
    source: Source | undefined,
  ): void {
    const hv = kind === KIND_CODES.household_visit;
    this.addInterned(
      this.people.intern(personId),
      kind,
      day,
      this.villages.intern(villageId),
      hv ? this.households.intern(householdId!) : -1,
      source?.line ?? 0,
      this.fileId(source),
    );
  }

  /** A visit whose ids are interned (`household` −1 for a visit to a village). */
  private addInterned(
    person: number,
    kind: VisitKindCode,
    day: number,
    village: number,
    household: number,
    line: number,
    file: number,
  ): void {
    const i = this.n++;
    this.person.set(i, person);
    this.kind.set(i, kind);
    this.day.set(i, day);
    if (day > this.lastDay) this.lastDay = day;
    if (kind === KIND_CODES.household_visit) {
      this.target.set(i, household);
      const v = village + 1;
      const first =
        household < this.householdVillage.data.length ? this.householdVillage.data[household]! : 0;
      if (first === 0) this.householdVillage.set(household, v);
      else if (first !== v) this.otherVillage.set(i, village);
    } else this.target.set(i, village);
    this.sources.add(file, line, i);
  }

  /**
   * Visits `from` to `to` (exclusive) of a batch of columns (`VisitColumns`, made on another
   * thread), as `add` would store them one by one: each id the batch names is interned once.
   * `lineBase` is the line of the batch's record 0; `source` names the file (its line unused).
   */
  addColumns(
    columns: VisitColumns,
    from: number,
    to: number,
    lineBase: number,
    source: Source | undefined,
  ): void {
    let ids = this.interned.get(columns);
    if (!ids) {
      const intern = (interner: Interner, list: readonly string[]) =>
        Int32Array.from(list, (id) => interner.intern(id));
      ids = {
        people: intern(this.people, columns.people),
        villages: intern(this.villages, columns.villages),
        households: intern(this.households, columns.households),
      };
      this.interned.set(columns, ids);
    }
    const file = this.fileId(source);
    const { person, kind, day, village, household, record } = columns;
    for (let k = from; k < to; k++) {
      const h = household[k]!;
      this.addInterned(
        ids.people[person[k]!]!,
        kind[k] as VisitKindCode,
        day[k]!,
        ids.villages[village[k]!]!,
        h < 0 ? -1 : ids.households[h]!,
        lineBase + record[k]!,
        file,
      );
    }
  }

  /** Per batch of columns, its ids interned (a batch is added in runs between other records). */
  private readonly interned = new WeakMap<
    VisitColumns,
    { people: Int32Array; villages: Int32Array; households: Int32Array }
  >();

  private lastCount:
    | {
        hv: boolean;
        targetId: string;
        personId: string;
        t: number | undefined;
        p: number | undefined;
      }
    | undefined;
  private lastSource: { file: string; sheet: string | undefined; id: number } | undefined;

  private fileId(source: Source | undefined): number {
    const last = this.lastSource;
    if (source && last && last.file === source.file && last.sheet === source.sheet) return last.id;
    const key = source ? `${source.file}\u0000${source.sheet ?? ""}` : "";
    let n = this.fileIndex.get(key);
    if (n === undefined) {
      n = this.files.length;
      this.files.push(
        source
          ? { file: source.file, ...(source.sheet ? { sheet: source.sheet } : {}) }
          : undefined,
      );
      this.fileIndex.set(key, n);
    }
    if (source) this.lastSource = { file: source.file, sheet: source.sheet, id: n };
    return n;
  }

  /** The interned village of visit `i`. */
  private villageOf(i: number): number {
    if (this.kind.data[i] !== KIND_CODES.household_visit) return this.target.data[i]!;
    return this.otherVillage.get(i) ?? this.householdVillage.data[this.target.data[i]!]! - 1;
  }

  /** The position in the collection of stored visit `i` (skipped rows counted). */
  position(i: number): number {
    // Positions of stored rows grow with i; skipped ones are sparse: binary search how many precede.
    let lo = 0;
    let hi = this.skipped.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.skipped[mid]! - mid <= i) lo = mid + 1;
      else hi = mid;
    }
    return i + lo;
  }

  visit(i: number): StoredVisit {
    const k = this.kind.data[i] as VisitKindCode;
    const hv = k === KIND_CODES.household_visit;
    const { file, line } = this.sources.of(i);
    const f = this.files[file];
    return {
      index: i,
      personId: this.people.ids[this.person.data[i]!]!,
      day: this.day.data[i]!,
      kind: k,
      householdVisit: hv,
      targetId: hv
        ? this.householdId(this.target.data[i]!)
        : this.villages.ids[this.target.data[i]!]!,
      villageId: this.villages.ids[this.villageOf(i)]!,
      source: f ? { ...f, ...(line ? { line } : {}) } : undefined,
      position: this.position(i),
    };
  }

  /**
   * Leaves out visits that name a person, village or household the dataset does not have (each
   * reported once through `onUnknown`), and groups the rest by target. `references` answers, per
   * reference field, whether an id names a row and the dataset's own copy of it.
   */
  finish(
    references: Record<VisitReferenceField, VisitReference>,
    onUnknown: (i: number, field: VisitReferenceField) => void,
  ): void {
    const people = presentFlags(this.people, references.personId);
    const villages = presentFlags(this.villages, references.villageId);
    const householdRef = references.householdId;
    // Plain loops: `Int32Array.from(ids, f)` would first list millions of values on the heap.
    const householdIds = this.households.ids;
    const householdRow = new Int32Array(householdIds.length);
    const households = new Uint8Array(householdIds.length);
    for (let k = 0; k < householdIds.length; k++) {
      const row = householdRef.rowOf(householdIds[k]!) ?? -1;
      householdRow[k] = row;
      households[k] = row >= 0 ? 1 : 0;
    }
    // Made only when a visit is left out (most datasets leave none): a byte a visit.
    let excluded: Uint8Array | undefined;
    const person = this.person.data;
    const target = this.target.data;
    const kind = this.kind.data;
    for (let i = 0; i < this.n; i++) {
      const hv = kind[i] === KIND_CODES.household_visit;
      const personOk = people[person[i]!] === 1;
      const targetOk = (hv ? households : villages)[target[i]!] === 1;
      // A household visit's village is a reference like any other; it does not decide whose
      // visit it is (the household does), so it is reported without leaving the visit out.
      const villageOk = !hv || villages[this.villageOf(i)] === 1;
      if (!personOk) onUnknown(i, "personId");
      if (!targetOk) onUnknown(i, hv ? "householdId" : "villageId");
      if (!villageOk) onUnknown(i, "villageId");
      if (!personOk || !targetOk) {
        excluded ??= new Uint8Array(this.n);
        excluded[i] = 1;
      }
    }
    this.excluded = excluded;
    this.people.canonicalise(canonicalOf(references.personId));
    this.villages.canonicalise(canonicalOf(references.villageId));
    // Households are named by their rows from now on: the interner's ids and map are let go,
    // but for the ids the dataset does not have (a finding may still name their visits).
    const unknown = new Map<number, string>();
    for (let k = 0; k < householdRow.length; k++)
      if (householdRow[k]! < 0) unknown.set(k, this.households.ids[k]!);
    this.households.release();
    this.householdRows = { row: householdRow, unknown, reference: householdRef };
    this.byHousehold = this.group(true);
    this.byVillage = this.group(false);
  }

  /**
   * The visits to households (by the households' rows; visits to one the dataset does not have
   * are in no group) or to villages (by interned village), grouped by a counting sort.
   */
  private group(householdVisits: boolean): Grouped {
    const rows = householdVisits ? this.householdRows!.row : undefined;
    let n = rows ? 0 : this.villages.ids.length;
    if (rows) for (let k = 0; k < rows.length; k++) if (rows[k]! >= n) n = rows[k]! + 1;
    const offsets = new Int32Array(n + 1);
    const kinds = this.kind.data;
    const targets = this.target.data;
    const groupOf = (i: number): number => {
      if ((kinds[i] === KIND_CODES.household_visit) !== householdVisits) return -1;
      return rows ? rows[targets[i]!]! : targets[i]!;
    };
    for (let i = 0; i < this.n; i++) {
      const g = groupOf(i);
      if (g >= 0) offsets[g + 1]!++;
    }
    for (let t = 0; t < n; t++) offsets[t + 1]! += offsets[t]!;
    const total = offsets[n]!;
    const order = new Int32Array(total);
    // Each group filled from its end, visits taken last to first (so each group is in visit
    // order); offsets[g + 1] ends at g's start, and a shift puts the starts in their places.
    for (let i = this.n - 1; i >= 0; i--) {
      const g = groupOf(i);
      if (g >= 0) order[--offsets[g + 1]!] = i;
    }
    offsets.copyWithin(0, 1);
    offsets[n] = total;
    return { offsets, order };
  }

  /** Every stored visit index, for data checks that scan once per audit. */
  *indices(): Iterable<number> {
    for (let i = 0; i < this.n; i++) yield i;
  }

  dayOf(i: number): number {
    return this.day.data[i]!;
  }

  /**
   * Counts the visits of `kind` by `personId` to a target between two days (start inclusive, end
   * exclusive), leaving out excluded visits and those after `lastDay` (an audit's future dates).
   */
  count(
    target: { household: string } | { village: string },
    personId: string,
    kind: VisitKindCode,
    fromDay: number,
    toDay: number,
    /** The last day that counts (a visit after the audit date is a data error, not a visit). */
    lastDay = Number.POSITIVE_INFINITY,
  ): number {
    const hv = "household" in target;
    const grouped = hv ? this.byHousehold : this.byVillage;
    const targetId = hv ? target.household : target.village;
    // Rules count one target and person for several years in a row: resolve the ids once.
    const last = this.lastCount;
    let t: number | undefined;
    let p: number | undefined;
    if (last && last.hv === hv && last.targetId === targetId && last.personId === personId) {
      t = last.t;
      p = last.p;
    } else {
      t = hv ? this.householdRows?.reference.rowOf(targetId) : this.villages.get(targetId);
      p = this.people.get(personId);
      this.lastCount = { hv, targetId, personId, t, p };
    }
    if (!grouped || t === undefined || p === undefined || t >= grouped.offsets.length - 1) return 0;
    let n = 0;
    for (let j = grouped.offsets[t]!; j < grouped.offsets[t + 1]!; j++) {
      const i = grouped.order[j]!;
      if (this.person.data[i] !== p || this.kind.data[i] !== kind) continue;
      if (this.excluded?.[i]) continue;
      const d = this.day.data[i]!;
      if (d >= fromDay && d < toDay && d <= lastDay) n++;
    }
    return n;
  }
}

/** Per interned id, 1 when it names a row. */
function presentFlags(interner: Interner, reference: VisitReference): Uint8Array {
  const ok = new Uint8Array(interner.ids.length);
  for (let k = 0; k < ok.length; k++)
    ok[k] = reference.rowOf(interner.ids[k]!) === undefined ? 0 : 1;
  return ok;
}

/** The dataset's own copy of an id that names a row. */
function canonicalOf(reference: VisitReference): (id: string) => string | undefined {
  return (id) => {
    const row = reference.rowOf(id);
    return row === undefined ? undefined : reference.idAt(row);
  };
}
