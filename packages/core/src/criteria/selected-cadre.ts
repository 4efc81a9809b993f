/**
 * 二(三)4, who is a *selected* cadre (选派干部, rules.md "Who is who"): "省、市、县党政群机关、参照
 * 公务员管理的事业单位和部分中央驻皖单位按照选派干部的标准选拔的驻村帮扶干部,将作为全省第六批选派干部".
 * A resident cadre is selected when its row says so, or when the unit of the row is a party or
 * government organ, a people's organisation or a civil-servant-managed public institution, whatever
 * the flag says (`selected: false` does not exempt such a cadre). For central units in Anhui
 * ("部分") only the flag decides.
 */
import type { ResidentCadre, Unit } from "../schema/collections.js";
import type { Readable, RowsById } from "./readable.js";

/** Whether a unit's resident cadres are selected cadres by its category alone. */
const sendsSelectedCadres = (unit: Unit): boolean =>
  unit.category === "party_government_organ" ||
  unit.category === "peoples_organization" ||
  (unit.category === "public_institution" && unit.civilServantManaged === true);

/**
 * Whether a resident cadre row is a selected cadre's: its readable `selected` flag, or the
 * category of its unit (when `unitId` is readable).
 * @example isSelectedCadre(row, ctx, index)
 */
export function isSelectedCadre(
  row: ResidentCadre,
  reads: Readable,
  index: Pick<RowsById, "unit">,
): boolean {
  if (row.selected === true && reads.ok(row, "selected")) return true;
  const unit = reads.ok(row, "unitId") ? index.unit(row.unitId) : undefined;
  return unit !== undefined && sendsSelectedCadres(unit);
}
