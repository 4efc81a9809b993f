/**
 * What the four forms share: the audit's own context at `asOf` (the "Time" and "Who is who"
 * definitions of `RuleContext`, with the same date checks), every village placed in its city,
 * county and township, and one order for rows. A village that cannot be placed — its township,
 * county or city unknown, which the audit reports as a data finding — is left out of all four
 * forms, so the summaries always add up to the registers.
 */
import { isIsoDate } from "../calendar/calendar.js";
import type { DatasetIndex } from "../engine/dataset-index.js";
import { checkDateOrder } from "../engine/date-order.js";
import { zhDate } from "../engine/findings.js";
import { RuleContext } from "../engine/rule-context.js";
import { ConfigurationError, parametersOn } from "../params/parameters.js";
import type {
  City,
  County,
  Person,
  ResidentCadre,
  Township,
  Unit,
  Village,
} from "../schema/collections.js";

/** How a form is built: the date it describes and parameter overrides (as for `audit`). */
export interface FormOptions {
  /** The date the form describes, `YYYY-MM-DD`: contracts and cadres current on it. */
  asOf: string;
  /** Flat parameter overrides (`{ name: value }`), over the dataset's own. */
  parameters?: Readonly<Record<string, unknown>>;
}

/** A village with its township, county and city. */
export interface Place {
  city: City;
  county: County;
  township: Township;
  village: Village;
}

/** A current resident cadre row with what the forms show of it. */
export interface CadreRow {
  row: ResidentCadre;
  place: Place;
  person: Person | undefined;
  unit: Unit | undefined;
}

/** The context every form is built in. */
export interface FormContext {
  index: DatasetIndex;
  ctx: RuleContext;
  /** Every placed village, by city, county, township and village id. */
  villages: readonly Place[];
  /** The place of a village, when it can be placed. */
  place(villageId: string | undefined): Place | undefined;
  /** Every city by id, each with its counties by id. */
  cities: readonly { city: City; counties: readonly County[] }[];
}

/** Orders strings by code unit (not by locale): the same bytes on every machine. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Orders rows by a list of keys, the first that differs deciding. */
export function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const c = compareIds(a[i] ?? "", b[i] ?? "");
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Builds the context of the forms at `options.asOf`. Throws `ConfigurationError` for a bad `asOf`
 * or parameter override, as `audit` does.
 * @example const fc = formContext(index, { asOf: "2015-12-31" }); fc.ctx.isCurrent(row);
 */
export function formContext(index: DatasetIndex, options: FormOptions): FormContext {
  const { asOf } = options;
  if (typeof asOf !== "string" || !isIsoDate(asOf)) {
    throw new ConfigurationError(
      "asOf",
      `asOf must be a YYYY-MM-DD date, not ${JSON.stringify(asOf)}`,
    );
  }
  const params = parametersOn(asOf, { ...index.parameterOverrides, ...options.parameters });
  // The audit's date checks, so a date after asOf or an end before its start counts as the audit
  // counts it (absent, or not current).
  const ctx = new RuleContext(index, asOf, params, checkDateOrder(index, asOf).broken);

  const places = new Map<string, Place>();
  for (const village of index.rows("villages")) {
    const township = index.township(village.townshipId);
    const county = index.county(township?.countyId);
    const city = index.city(county?.cityId);
    if (township && county && city) places.set(village.id, { city, county, township, village });
  }
  const villages = [...places.values()].sort((a, b) =>
    compareKeys(
      [a.city.id, a.county.id, a.township.id, a.village.id],
      [b.city.id, b.county.id, b.township.id, b.village.id],
    ),
  );
  const cities = [...index.rows("cities")]
    .sort((a, b) => compareIds(a.id, b.id))
    .map((city) => ({
      city,
      counties: [...index.countiesOfCity(city.id)].sort((a, b) => compareIds(a.id, b.id)),
    }));
  return {
    index,
    ctx,
    villages,
    place: (id) => (id === undefined ? undefined : places.get(id)),
    cities,
  };
}

/**
 * Every current resident cadre row of a placed village, in form order: by city, county, township
 * and village id, then person id, unit id and selection date. The cadre register lists exactly
 * these rows and both summaries count them.
 * @example for (const { row, person } of cadreRows(fc)) console.log(person?.name, row.villageId);
 */
export function* cadreRows(fc: FormContext): Generator<CadreRow> {
  for (const place of fc.villages) {
    const rows = [...fc.ctx.currentResidentCadres(place.village.id)].sort((a, b) =>
      compareKeys([a.personId, a.unitId, a.selectedOn], [b.personId, b.unitId, b.selectedOn]),
    );
    for (const row of rows) {
      yield { row, place, person: fc.index.person(row.personId), unit: fc.index.unit(row.unitId) };
    }
  }
}

/**
 * A form's title with the date it describes (rules.md "Words in Chinese output": the form states
 * its date as "截至2018年7月20日"; the English as of the ISO date).
 * @example datedTitle({ zh: "驻村帮扶干部基本情况汇总表", en: "Summary of resident cadres" }, "2018-07-20")
 * // { zh: "驻村帮扶干部基本情况汇总表（截至2018年7月20日）", en: "Summary of resident cadres, as of 2018-07-20" }
 */
export function datedTitle(
  title: { readonly zh: string; readonly en: string },
  asOf: string,
): { zh: string; en: string } {
  return { zh: `${title.zh}（截至${zhDate(asOf)}）`, en: `${title.en}, as of ${asOf}` };
}

/** A person's name; the id when the person is unknown; blank without an id. */
export function nameOf(index: DatasetIndex, personId: string | undefined): string | undefined {
  if (personId === undefined) return undefined;
  return index.person(personId)?.name ?? personId;
}
