/**
 * The rows the `selected-cadre.*` rules check: current resident cadres who are *selected*
 * (`rules.md`, "Who is who"), with their person, named as those rules name a finding — the person,
 * and the village as related.
 */
import type { DatasetIndex } from "../../engine/dataset-index.js";
import type { RuleContext } from "../../engine/rule-context.js";
import type { Person, ResidentCadre } from "../../schema/collections.js";
import type { RuleHit } from "../rule.js";

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
    if (!ctx.ok(row, "personId", "villageId") || !ctx.isCurrent(row) || !ctx.isSelected(row))
      continue;
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
