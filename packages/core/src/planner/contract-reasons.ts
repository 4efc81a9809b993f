/**
 * The sentences of the village planner (二(二)): why a unit is proposed for a village, and why a
 * village or unit could not be placed. Chinese first, English alongside.
 */
import type { DatasetIndex } from "../engine/dataset-index.js";
import type { Message } from "../engine/findings.js";
import type { City, County, Unit, Village } from "../schema/collections.js";
import { UnitCategory, UnitLevel } from "../vocabulary/enums.js";

export const CONTRACT_CLAUSE = "二(二)";

/** Sentences that name rows by "name(id)". */
export function contractReasons(index: DatasetIndex, smallUnitMaxStaff: number) {
  const unit = (u: Unit) => index.label("units", u.id);
  const village = (v: Village) => index.label("villages", v.id);
  const county = (c: County) => index.label("counties", c.id);
  return {
    designated: (u: Unit, v: Village, c: County, paired: boolean): Message => ({
      zh: `省直定点帮扶单位${unit(u)}在已定的帮扶县${county(c)}内包扶贫困村${village(v)}${paired ? "(其结对共建村)" : ""}`,
      en: `Province unit ${unit(u)} contracts the poor village ${village(v)}${paired ? " (its paired village)" : ""} in its designated county ${county(c)}`,
    }),
    lead: (u: Unit, v: Village, c: County, paired: boolean): Message => ({
      zh: `省直牵头帮扶单位${unit(u)}在牵头帮扶的县${county(c)}内包扶贫困村${village(v)}${paired ? "(其结对共建村)" : ""}`,
      en: `Province lead unit ${unit(u)} contracts the poor village ${village(v)}${paired ? " (its paired village)" : ""} in the county it leads, ${county(c)}`,
    }),
    city: (u: Unit, v: Village, c: County, key: boolean): Message => ({
      zh: `市直单位${unit(u)}在本市${key ? "重点县" : ""}${county(c)}包扶贫困村${village(v)}`,
      en: `City unit ${unit(u)} contracts the poor village ${village(v)} in ${county(c)}, ${key ? "a key county" : "a county"} of its city`,
    }),
    county: (u: Unit, v: Village, c: County): Message => ({
      zh: `县直单位${unit(u)}由本县${county(c)}扶贫开发领导小组安排包扶本县贫困村${village(v)}`,
      en: `County unit ${unit(u)} contracts the poor village ${village(v)} of its own county ${county(c)}`,
    }),
    pooled: (units: Unit[], v: Village, c: County): Message => ({
      zh: `编制不超过${smallUnitMaxStaff}人的县直单位${units.map(unit).join("、")}共同包扶本县${county(c)}的贫困村${village(v)}(对人员编制少的单位,可以安排两个以上的单位包村帮扶)`,
      en: `County units ${units.map(unit).join(" and ")}, each with at most ${smallUnitMaxStaff} established posts, together contract the poor village ${village(v)} of their county ${county(c)} (units with few posts may share a village)`,
    }),
    noCountyUnit: (c: County): Message => ({
      zh: `${c.name}:没有可以安排包村的县直单位了`,
      en: `${c.name}: no eligible county-level unit left`,
    }),
    noCounty: (): Message => ({
      zh: "无法确定该村所在的县(乡镇代码或县代码有误)",
      en: "the village's county cannot be determined (its township or county is unknown)",
    }),
    ineligible: (u: Unit): Message => ({
      zh: `单位${unit(u)}的单位性质为“${UnitCategory.labels[u.category] ?? u.category ?? "?"}”、层级为“${UnitLevel.labels[u.level] ?? u.level ?? "?"}”,不能包村`,
      en: `unit ${unit(u)} is of category “${u.category}” and level “${u.level}”, which may not contract a village`,
    }),
    designatedNotKey: (c: County): Message => ({
      zh: `定点帮扶县${county(c)}不是重点县,其贫困村由所在市、县组织帮扶`,
      en: `the designated county ${county(c)} is not a key county: its poor villages are contracted by its own city and county`,
    }),
    noVillageInDesignated: (c: County): Message => ({
      zh: `${c.name}:定点帮扶县内已没有尚无包村单位的贫困村`,
      en: `${c.name}: no poor village without a unit left in the designated county`,
    }),
    noVillageInCity: (c: City, key: boolean): Message => ({
      zh: `${c.name}:${key ? "本市重点县内" : "本市"}已没有尚无包村单位的贫困村`,
      en: `${c.name}: no poor village without a unit left in ${key ? "the key counties of the city" : "the city"}`,
    }),
  };
}
