/**
 * What a rule's check reads besides the index: the audit date, the parameters in force, and the
 * "Time" and "Who is who" definitions of `rules.md`, each encoded once here.
 */
import { isCurrent, toDay } from "../calendar/calendar.js";
import { contractingUnitsOf, helperUnitsOf } from "../criteria/contracting-unit.js";
import { isSelectedCadre } from "../criteria/selected-cadre.js";
import { isTownshipCadreOf as townshipCadreOf } from "../criteria/township-cadre.js";
import { isVillageCadreOf as villageCadreOf } from "../criteria/village-cadre.js";
import { isWelfareHousehold } from "../criteria/welfare-household.js";
import type { PolicyParameters } from "../params/parameters.js";
import type {
  Household,
  HouseholdAssignment,
  Person,
  ResidentCadre,
  Unit,
  Village,
  VillageAssignment,
} from "../schema/collections.js";
import { COLLECTION_NAMES, type CollectionName } from "../schema/fields.js";
import type { VisitKind } from "../vocabulary/enums.js";
import type { DatasetIndex } from "./dataset-index.js";
import type { RuleReads } from "./rule-reads.js";
import { visitKindCode } from "./visits.js";

/** A row with a start and an optional end: contracts, resident cadres, helpers. */
export type Span = VillageAssignment | ResidentCadre | HouseholdAssignment;

export const startOf = (row: Span): string | undefined =>
  "selectedOn" in row ? row.selectedOn : row.startDate;

export class RuleContext {
  readonly asOf: string;
  readonly asOfDay: number;
  readonly params: PolicyParameters;
  readonly index: DatasetIndex;
  /** Fields this audit's date checks broke (a date after asOf, an end before the start). */
  private readonly auditBroken: Map<object, Set<string>>;
  /** Whether no data check broke any field: then `ok` is always true. */
  private readonly clean: boolean;
  /** What the rule being run reads (`forRule`): the fields `ok(row)` requires unbroken. */
  private readonly reads: RuleReads | undefined;
  /** The collection of each row with a broken field, found on first need and shared by rule. */
  private readonly brokenRows: { of?: Map<object, CollectionName> };

  constructor(
    index: DatasetIndex,
    asOf: string,
    params: PolicyParameters,
    auditBroken: Map<object, Set<string>>,
    rule?: { reads: RuleReads; brokenRows: { of?: Map<object, CollectionName> } },
  ) {
    this.index = index;
    this.asOf = asOf;
    this.asOfDay = toDay(asOf);
    this.params = params;
    this.auditBroken = auditBroken;
    this.clean = index.broken.size === 0 && auditBroken.size === 0;
    this.reads = rule?.reads;
    this.brokenRows = rule?.brokenRows ?? {};
  }

  /**
   * This context for one rule: the same audit, with `ok(row)` knowing the fields the rule reads.
   * A context of its own (every field its own property, as the rules' hot paths read them), not
   * one inheriting from this: property loads through a prototype made every check slower.
   * @example rule.check(index, ctx.forRule(rule))
   */
  forRule(rule: { reads: RuleReads }): RuleContext {
    return new RuleContext(this.index, this.asOf, this.params, this.auditBroken, {
      reads: rule.reads,
      brokenRows: this.brokenRows,
    });
  }

  /**
   * Whether a rule may read `row` (no cascade: a broken field is a data finding, not a breach):
   * none of `fields` is broken, or — without `fields` — none of the fields the rule reads of the
   * row's collection (its `reads`); outside a rule (no `forRule`), no field at all. A rule names
   * fields when it treats one broken field differently from another (a broken kind leaves every
   * year unjudged, a broken date only its own).
   */
  ok(row: object, ...fields: string[]): boolean {
    // Clean data (the common case) breaks nothing: no look-up at all.
    if (this.clean) return true;
    const a = this.index.broken.get(row);
    const b = this.auditBroken.get(row);
    if (!a && !b) return true;
    if (fields.length === 0 && !this.reads) return false;
    const read = fields.length > 0 ? fields : this.readsOf(row);
    for (const f of read) if (a?.has(f) || b?.has(f)) return false;
    return true;
  }

  /** The fields the rule reads of a row's collection (a row with a broken field). */
  private readsOf(row: object): readonly string[] {
    if (!this.brokenRows.of) {
      const of = new Map<object, CollectionName>();
      for (const c of COLLECTION_NAMES) {
        // Visits are counted in their compact store, never handed to a rule as rows.
        if (c === "visits") continue;
        for (const r of this.index.rows(c)) {
          if (this.index.broken.has(r) || this.auditBroken.has(r)) of.set(r, c);
        }
      }
      this.brokenRows.of = of;
    }
    const collection = this.brokenRows.of.get(row);
    return (collection && this.reads?.[collection]) ?? [];
  }

  /** The row's start, unless broken. */
  start(row: Span): string | undefined {
    const field = "selectedOn" in row ? "selectedOn" : "startDate";
    return this.ok(row, field) ? startOf(row) : undefined;
  }

  /**
   * Current at asOf: started on or before it, and no end or an end after it. A row whose start or
   * end is broken is not current (*interpretation*: it cannot be placed in time).
   */
  isCurrent(row: Span): boolean {
    const start = this.start(row);
    if (start === undefined || !this.ok(row, "endDate")) return false;
    return isCurrent(start, row.endDate, this.asOf);
  }

  /**
   * In force on day `date` (rules.md "Time"): its start on or before it, and no end or an end
   * after it (the end date itself is outside the row). A row whose start or end is broken is in
   * force on no day.
   */
  inForceOn(row: Span, date: string): boolean {
    const start = this.start(row);
    if (start === undefined || !this.ok(row, "endDate")) return false;
    return isCurrent(start, row.endDate, date);
  }

  /** Started on or before asOf (current or ended), with readable dates. */
  hasStarted(row: Span): boolean {
    const start = this.start(row);
    return start !== undefined && start <= this.asOf && this.ok(row, "endDate");
  }

  /** Whether a village or household has exited poverty by asOf (a future date counts as absent). */
  exited(row: Village | Household): boolean {
    return (
      row.exitedPovertyOn !== undefined &&
      this.ok(row, "exitedPovertyOn") &&
      row.exitedPovertyOn <= this.asOf
    );
  }

  /** A poor village that has not exited. */
  isPoorVillage(village: Village): boolean {
    return village.isPoor === true && !this.exited(village);
  }

  /** The current `villageAssignments` rows of a village. */
  currentContracts(villageId: string): VillageAssignment[] {
    return this.index.contractsOfVillage(villageId).filter((r) => this.isCurrent(r));
  }

  /** A village's contracting units: units with a current row for it. */
  contractingUnits(villageId: string): Unit[] {
    return contractingUnitsOf(this.index.contractsOfVillage(villageId), this, this.index);
  }

  /**
   * The contracting units for `household.helper-eligible` and `household.unit-staff-first`: for
   * an exited village, also those whose row ended on or after the exit.
   */
  helperUnits(village: Village): Unit[] {
    return helperUnitsOf(village, this.index.contractsOfVillage(village.id), this, this.index);
  }

  /** Whether a village is contracted: it has a current row. */
  isContracted(villageId: string): boolean {
    return this.currentContracts(villageId).length > 0;
  }

  /** The current helpers' rows of a household (its row, or its id). */
  currentHelpers(household: Household | string): readonly HouseholdAssignment[] {
    const rows = this.index.helpersOf(household);
    // Most households have one current helper: no new array unless a row must be left out.
    let all = true;
    for (const r of rows) {
      if (!this.isCurrent(r)) {
        all = false;
        break;
      }
    }
    return all ? rows : rows.filter((r) => this.isCurrent(r));
  }

  /** The current resident cadres' rows of a village. */
  currentResidentCadres(villageId: string): ResidentCadre[] {
    return this.index.residentCadresOfVillage(villageId).filter((r) => this.isCurrent(r));
  }

  /**
   * Whether a resident cadre is *selected* (选派干部): the row says so, or its unit is a party or
   * government organ, a people's organisation, or a civil-servant-managed public institution,
   * whatever the flag says (`selected: false` does not exempt such a cadre). For central units
   * in Anhui ("部分") only the flag decides.
   */
  isSelected(row: ResidentCadre): boolean {
    return isSelectedCadre(row, this, this.index);
  }

  /** A welfare household: `wubao`, or `dibao` without labour capacity. */
  isWelfare(h: Household): boolean {
    return isWelfareHousehold(h);
  }

  /** Whether a unit is small: `staffSize` ≤ `smallUnitMaxStaff`. */
  isSmall(unit: Unit): boolean {
    return unit.staffSize <= this.params.smallUnitMaxStaff;
  }

  /** Township cadres of a township (township cadres and civil-affairs officers). */
  isTownshipCadreOf(person: Person, townshipId: string | undefined): boolean {
    return townshipCadreOf(person, townshipId);
  }

  /** A village cadre of a village (a college-graduate village official is not one). */
  isVillageCadreOf(person: Person, villageId: string): boolean {
    return villageCadreOf(person, villageId);
  }

  /**
   * The visits of `kind` by a person to a household or a village on the days `fromDay` (inclusive)
   * to `toDay` (exclusive), day numbers of the integer calendar (`toDay`); excluded visits and
   * those after asOf (a date check's error, not a visit) do not count. The one way rules count
   * visits: they are stored compactly, never handed out as rows.
   * @example ctx.visitsIn({ village: "340828100201" }, "P1", "staff_visit", from, to)
   */
  visitsIn(
    target: { household: string } | { village: string },
    personId: string,
    kind: VisitKind,
    fromDay: number,
    toDay: number,
  ): number {
    return this.index.visits.count(
      target,
      personId,
      visitKindCode(kind),
      fromDay,
      toDay,
      this.asOfDay,
    );
  }

  /** "name(id)" of a row, in English. */
  label(collection: CollectionName, id: string | undefined): string {
    return this.index.label(collection, id);
  }

  /** A row's name in both languages, for message placeholders (`天堂村（340828100201）`). */
  labels(collection: CollectionName, id: string | undefined): { zh: string; en: string } {
    return this.index.labels(collection, id);
  }

  /** A unit's contracted villages: the villages it has a current row for, each once. */
  contractedVillages(unitId: string): Village[] {
    const villages: Village[] = [];
    for (const r of this.index.contractsOfUnit(unitId)) {
      if (!this.isCurrent(r)) continue;
      const v = this.index.village(r.villageId);
      if (v && !villages.includes(v)) villages.push(v);
    }
    return villages;
  }
}
