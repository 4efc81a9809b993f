/**
 * The rows the `selected-cadre.*` rules check: current resident cadres who are *selected*
 * (`rules.md`, "Who is who"), with their person, named as those rules name a finding — the person,
 * and the village as related.
 */
import { isSelectedCadre } from "../../criteria/selected-cadre.js";
import type { DatasetIndex } from "../../engine/dataset-index.js";
import type { Message } from "../../engine/findings.js";
import type { RuleContext } from "../../engine/rule-context.js";
import type { Person, ResidentCadre } from "../../schema/collections.js";
import type { RuleHit } from "../rule.js";

/**
 * "Who is who" in Chinese and English: which resident cadres the `selected-cadre.*` rules judge.
 * Each of those rules records it in its interpretation.
 */
export const WHO_IS_SELECTED = {
  zh: "选派干部指核查基准日在任、标为选派干部的驻村帮扶干部，以及省、市、县党政机关、人民团体和参照公务员管理的事业单位选派的驻村帮扶干部（不论是否标为选派干部）；“部分中央驻皖单位”选派的，以是否标为选派干部为准",
  en: "A dispatched cadre is a current resident cadre whose row says selected, or any resident cadre sent by a party or government organ, a people's organisation or a civil-servant-managed public institution whatever its row says; for central units in Anhui (“部分”) only the row decides",
} as const;

/**
 * A rule's interpretation: its own choice (if any), then who the dispatched cadres are.
 * @example selectedInterpretation({ zh: "“40周岁以下”含40周岁", en: "40 included" })
 */
export function selectedInterpretation(own?: Message): Message {
  return own
    ? { zh: `${own.zh}；${WHO_IS_SELECTED.zh}`, en: `${own.en}; ${WHO_IS_SELECTED.en}` }
    : { ...WHO_IS_SELECTED };
}

/** A current selected resident cadre, its person, and the finding's names. */
export interface SelectedCadre {
  row: ResidentCadre;
  person: Person;
  hit: Pick<RuleHit, "entity" | "related">;
}

/**
 * Every current selected resident cadre whose person and village can be read.
 * @example for (const { person, hit } of selectedCadres(index, ctx)) if (!person.partyMember) yield hit;
 */
export function* selectedCadres(index: DatasetIndex, ctx: RuleContext): Generator<SelectedCadre> {
  for (const row of index.rows("residentCadres")) {
    if (!ctx.ok(row, "personId", "villageId") || !ctx.isCurrent(row)) continue;
    if (!isSelectedCadre(row, ctx, index)) continue;
    const person = index.person(row.personId);
    if (!person) continue;
    yield {
      row,
      person,
      hit: {
        entity: { collection: "people", id: person.id },
        related: [{ collection: "villages", id: row.villageId }],
      },
    };
  }
}
